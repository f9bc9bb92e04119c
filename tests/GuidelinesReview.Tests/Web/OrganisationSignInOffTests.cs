using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>Without <c>AzureAd:ClientId</c> there is no organisation sign-in at all: no button, no scheme, no pages.</summary>
public sealed class OrganisationSignInOffTests : IDisposable
{
    private readonly ConfiguredAppFactory app = new("Development", new Dictionary<string, string> { ["AzureAd:ClientId"] = "" });

    [Fact]
    public async Task Not_configured_the_sign_in_page_has_no_organisation_button_and_its_pages_answer_404()
    {
        var visitor = app.Anonymous();

        var login = await visitor.GetStringAsync("/account/login");
        var challenge = await AppFactory.PostFormAsync(visitor, "/account/login?handler=External", [], formPage: "/account/login");
        var callback = await visitor.GetAsync("/account/external-callback");
        var failed = await visitor.GetAsync("/account/external-failed?reason=State");
        var expert = await app.SignInAsync("expert@demo.local");
        var link = await expert.GetAsync("/account/link-login");
        var profile = await expert.GetStringAsync("/account/profile");

        Assert.DoesNotContain("Sign in with your organisation", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.DoesNotContain("Link your organisation account", profile, StringComparison.Ordinal);
        Assert.Null(await app.ScopedAsync(sp => sp.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("OpenIdConnect")));
    }

    public void Dispose() => app.Dispose();
}
