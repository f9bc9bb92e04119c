using System.Diagnostics;
using System.Reflection;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The app with organisation sign-in pointed at the OpenIddict test provider, both as processes on loopback.</summary>
public sealed class OrganisationSignInServer : AppServer
{
    private Process? provider;

    public string ProviderUrl { get; private set; } = "";

    protected override async Task BeforeAppStartsAsync(IDictionary<string, string?> environment)
    {
        ProviderUrl = $"http://127.0.0.1:{FreePort()}/";
        var appUrl = BaseUrl;
        var configuration = typeof(AppServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BuildConfiguration").Value!;
        var dll = Path.Combine(RepoRoot, "tests", "GuidelinesReview.TestIdentityProvider", "bin", configuration, "net10.0", "GuidelinesReview.TestIdentityProvider.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(ProviderUrl);
        start.Environment["TestProvider__Issuer"] = ProviderUrl;
        start.Environment["TestProvider__DatabasePath"] = Path.Combine(DataDirectory, "provider.db");
        start.Environment["TestProvider__Clients__0__RedirectUris__0"] = $"{appUrl}/signin-oidc";
        provider = Process.Start(start)!;
        provider.BeginOutputReadLine();
        provider.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var tries = 0; ; tries++)
        {
            try
            {
                (await http.GetAsync(ProviderUrl + ".well-known/openid-configuration")).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (tries < 300 && !provider.HasExited)
            {
                await Task.Delay(100);
            }
        }

        // The client registered in the provider's appsettings.json (guidelines-review-dev), here on this port.
        environment["AzureAd__Instance"] = ProviderUrl;
        environment["GuidelinesReview__OrganisationSignIn__TestProvider__MetadataAddress"] = ProviderUrl + ".well-known/openid-configuration";
        environment["GuidelinesReview__OrganisationSignIn__TestProvider__Issuer"] = ProviderUrl;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider is { HasExited: false })
        {
            provider.Kill(entireProcessTree: true);
            await provider.WaitForExitAsync();
        }

        provider?.Dispose();
    }
}

public sealed class OrganisationSignInTests(OrganisationSignInServer app) : IClassFixture<OrganisationSignInServer>
{
    [Fact]
    public async Task An_invited_expert_signs_in_with_their_organisation_and_lands_signed_in_as_Expert()
    {
        var phone = await app.NewPageAsync(width: 375, height: 800);
        await phone.GotoAsync("/account/login");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(phone, "organisation-sign-in-phone");
        await phone.Context.CloseAsync();

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await AppServer.ScreenshotAsync(page, "organisation-sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation" }).ClickAsync();

        await page.WaitForURLAsync(app.ProviderUrl + "**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "organisation-provider");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Amina Diallo", Exact = true }).ClickAsync();

        // The provider posts the code back (form_post); the app redeems it and signs the invited expert in.
        await page.WaitForURLAsync("**/guidelines");
        await Assertions.Expect(page.GetByText("Signed in with your organisation as Amina Diallo")).ToBeVisibleAsync();
        await page.GotoAsync("/account/profile");
        await Assertions.Expect(page.GetByText("Signed in as amina.expert@org.example · Expert")).ToBeVisibleAsync();
        var logins = page.GetByTestId("external-logins");
        await Assertions.Expect(logins).ToContainTextAsync("Sign in with your organisation");
        await Assertions.Expect(logins).ToContainTextAsync("(your only way to sign in)");
        await logins.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "organisation-profile-logins");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cancelling_at_the_provider_ends_on_a_clear_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel and go back" }).ClickAsync();

        await page.WaitForURLAsync("**/account/external-failed**");
        await Assertions.Expect(page.GetByTestId("external-failed")).ToContainTextAsync("The sign-in was cancelled or your organisation did not allow it.");
        await AppServer.ScreenshotAsync(page, "organisation-failed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
