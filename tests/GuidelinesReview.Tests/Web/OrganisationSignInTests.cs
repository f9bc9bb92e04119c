using System.Net;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Consultations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Organisation sign-in through the real OpenIddict provider on loopback: the app redirects to it,
/// the test signs in on its page, the provider posts the code back, the app redeems it over HTTP.
/// </summary>
public sealed class OrganisationSignInTests(OrganisationSignInApp app) : IClassFixture<OrganisationSignInApp>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..18] + "@org.example";

    private Task<Invitation> InviteAsync(string email, string role = Roles.Expert) => app.ScopedAsync(async sp =>
    {
        var admin = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("admin@demo.local");
        var created = await sp.GetRequiredService<InvitationService>().CreateAsync(email, role, "Invited Expert", 7, admin!.Id, CancellationToken.None);
        return created.Invitation;
    });

    /// <summary>The sign-in page's organisation button, then the provider's sign-in page.</summary>
    private static async Task<Browser.Page> StartAsync(Browser browser)
    {
        var login = await browser.GetAsync("/account/login");
        var provider = await browser.SubmitAsync(login, actionContains: "handler=External");
        Assert.Equal(HttpStatusCode.OK, provider.Status);
        Assert.Contains("Test identity provider", provider.Html, StringComparison.Ordinal);
        return provider;
    }

    /// <summary>Says who one is on the provider's page; returns the provider's form_post answer (not yet sent to the app).</summary>
    private static async Task<Browser.Page> ChooseAsync(Browser browser, Browser.Page providerPage, string email, bool verified = true, string roles = "")
    {
        var answer = await browser.SubmitAsync(providerPage, which: f => f.QuerySelector("fieldset") is not null, change: new Dictionary<string, string>
        {
            ["tip_email"] = email,
            ["tip_name"] = "Provider Name",
            ["tip_verified"] = verified ? "true" : "",
            ["tip_roles"] = roles,
        });
        Assert.Contains("/signin-oidc", answer.Html, StringComparison.Ordinal);
        return answer;
    }

    private static Task<Browser.Page> AnswerAsync(Browser browser, Browser.Page answer, IReadOnlyDictionary<string, string>? change = null) =>
        browser.SubmitAsync(answer, actionContains: "/signin-oidc", change: change);

    private async Task<Browser.Page> SignInAsync(Browser browser, string email, bool verified = true, string roles = "") =>
        await AnswerAsync(browser, await ChooseAsync(browser, await StartAsync(browser), email, verified, roles));

    private Task<(AppUser User, IList<string> Roles, IList<UserLoginInfo> Logins, bool HasPassword)?> AccountAsync(string email) => app.ScopedAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) is { } user
            ? (user, await users.GetRolesAsync(user), await users.GetLoginsAsync(user), await users.HasPasswordAsync(user))
            : ((AppUser, IList<string>, IList<UserLoginInfo>, bool)?)null;
    });

    private Task<Invitation> ReloadAsync(Invitation invitation) =>
        app.DbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id));

    [Fact]
    public async Task An_invited_address_signs_in_with_its_organisation_gets_the_invitation_role_and_uses_it_up()
    {
        var email = Unique("amina");
        var invitation = await InviteAsync(email);
        using var browser = app.NewBrowser();

        var landed = await SignInAsync(browser, email, roles: "Guideline.Observer, Admin, Secretariat");

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal("/guidelines", landed.Address.AbsolutePath);
        Assert.Contains("Signed in with your organisation as Invited Expert", landed.Html, StringComparison.Ordinal);
        var profile = await browser.GetAsync("/account/profile");
        var signedInAs = profile.Document.QuerySelector("h1 + p")!.TextContent;
        Assert.StartsWith($"Signed in as {email} · ", signedInAs, StringComparison.Ordinal);
        Assert.Equal(["Expert", "Observer"], signedInAs.Split(" · ")[1].Split(", ").Order());
        var account = (await AccountAsync(email))!.Value;
        Assert.Equal([Roles.Expert, Roles.Observer], account.Roles.Order());  // Admin and Secretariat are not in the role map
        Assert.False(account.HasPassword);
        Assert.Single(account.Logins);
        var used = await ReloadAsync(invitation);
        Assert.NotNull(used.AcceptedAt);
        Assert.Equal(account.User.Id, used.AcceptedUserId);

        // Another browser, a week later: the linked login signs in to the same account, roles as they were.
        using var again = app.NewBrowser();
        var second = await SignInAsync(again, email, roles: "Guideline.Observer");
        Assert.Equal("/guidelines", second.Address.AbsolutePath);
        Assert.Contains($"Signed in as {email}", (await again.GetAsync("/account/profile")).Html, StringComparison.Ordinal);
        Assert.Equal(1, await app.DbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_pages_let_a_form_be_redirected_to_the_provider_and_nowhere_else()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/account/login");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {new Uri(app.ProviderUrl).GetLeftPart(UriPartial.Authority)};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_the_provider_does_not_vouch_for_is_refused_and_the_invitation_stays_open()
    {
        var email = Unique("unverified");
        var invitation = await InviteAsync(email);
        using var browser = app.NewBrowser();

        var refused = await SignInAsync(browser, email, verified: false);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains($"did not confirm that {email} is your address", refused.Html, StringComparison.Ordinal);
        Assert.Null(await AccountAsync(email));
        Assert.Null((await ReloadAsync(invitation)).AcceptedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/account/profile")).StatusCode); // not signed in
    }

    [Fact]
    public async Task A_different_address_than_the_invitation_is_refused_naming_it()
    {
        var invited = Unique("invited");
        var other = Unique("other");
        var invitation = await InviteAsync(invited);
        using var browser = app.NewBrowser();

        var refused = await SignInAsync(browser, other);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains($"No invitation for {other}. Ask the secretariat", refused.Html, StringComparison.Ordinal);
        Assert.Null(await AccountAsync(other));
        Assert.Null((await ReloadAsync(invitation)).AcceptedAt);
    }

    [Fact]
    public async Task An_address_with_an_account_of_its_own_is_not_taken_over_by_a_first_organisation_sign_in()
    {
        var email = Unique("local");
        await app.CreateUserAsync(email, "a-long-password-1", Roles.Expert);
        using var browser = app.NewBrowser();

        var refused = await SignInAsync(browser, email);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains($"An account for {email} already exists. Sign in with its password, then choose", refused.Html, StringComparison.Ordinal);
        Assert.Empty((await AccountAsync(email))!.Value.Logins);
    }

    [Fact]
    public async Task A_tampered_state_ends_on_the_failure_page_and_creates_nothing()
    {
        var email = Unique("state");
        var invitation = await InviteAsync(email);
        using var browser = app.NewBrowser();
        var answer = await ChooseAsync(browser, await StartAsync(browser), email);
        var state = Browser.Fields(answer.Document.Forms[0])["state"];

        var failed = await AnswerAsync(browser, answer, new Dictionary<string, string> { ["state"] = state[..^4] + (state.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") });

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Equal("/account/external-failed", failed.Address.AbsolutePath);
        Assert.Contains("was altered or does not belong to this site", failed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failed.Html, StringComparison.Ordinal);
        Assert.Null(await AccountAsync(email));
        Assert.Null((await ReloadAsync(invitation)).AcceptedAt);
    }

    [Fact]
    public async Task A_replayed_authorization_code_is_refused_by_the_provider_and_ends_on_the_failure_page()
    {
        var email = Unique("replay");
        await InviteAsync(email);
        using var first = app.NewBrowser();
        var firstAnswer = await ChooseAsync(first, await StartAsync(first), email);
        var firstCode = Browser.Fields(firstAnswer.Document.Forms[0])["code"];
        Assert.Equal("/guidelines", (await AnswerAsync(first, firstAnswer)).Address.AbsolutePath);

        // A second, genuine flow in another browser, with the first (already redeemed) code swapped in.
        using var second = app.NewBrowser();
        var secondAnswer = await ChooseAsync(second, await StartAsync(second), email);
        var failed = await AnswerAsync(second, secondAnswer, new Dictionary<string, string> { ["code"] = firstCode });

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Equal("/account/external-failed", failed.Address.AbsolutePath);
        Assert.Contains("had already been used or had expired", failed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task The_profile_lists_the_organisation_login_and_will_not_remove_the_only_way_to_sign_in()
    {
        var email = Unique("only");
        await InviteAsync(email);
        using var browser = app.NewBrowser();
        await SignInAsync(browser, email);

        var profile = await browser.GetAsync("/account/profile");
        var logins = profile.Document.QuerySelector("[data-testid=external-logins]")!;
        Assert.Contains("Sign in with your organisation", logins.TextContent, StringComparison.Ordinal);
        Assert.Contains("(your only way to sign in)", logins.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your account has no password", profile.Html, StringComparison.Ordinal);

        // The button is not shown, but a crafted post is refused too.
        var key = (await AccountAsync(email))!.Value.Logins[0];
        var token = profile.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.Client.PostAsync("/account/profile?handler=RemoveLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["loginProvider"] = key.LoginProvider,
            ["providerKey"] = key.ProviderKey,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This is the only way to sign in to your account, so it cannot be removed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await AccountAsync(email))!.Value.Logins);
    }

    /// <summary>Signs in with the password on the app's own sign-in form.</summary>
    private static async Task PasswordSignInAsync(Browser browser, string email, string password)
    {
        var login = await browser.GetAsync("/account/login");
        var landed = await browser.SubmitAsync(login, which: f => !(f.GetAttribute("action") ?? "").Contains("External", StringComparison.Ordinal), change: new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal("/guidelines", landed.Address.AbsolutePath);
    }

    [Fact]
    public async Task Linking_needs_the_password_again_then_the_account_has_both_and_can_remove_the_login()
    {
        var email = Unique("linker");
        const string password = "a-long-password-1";
        await app.CreateUserAsync(email, password, Roles.Expert, "Lina Linker");
        using var browser = app.NewBrowser();
        await PasswordSignInAsync(browser, email, password);

        // Without a fresh password check, the callback refuses to link whatever comes back.
        var unstarted = await browser.GetAsync("/account/external-callback?handler=Link");
        Assert.Equal(HttpStatusCode.BadRequest, unstarted.Status);
        Assert.Contains("Linking needs a fresh sign-in", unstarted.Html, StringComparison.Ordinal);

        var linkPage = await browser.GetAsync("/account/link-login");
        var wrong = await browser.SubmitAsync(linkPage, change: new Dictionary<string, string> { ["Password"] = "not-my-password" });
        Assert.Equal("/account/link-login", wrong.Address.AbsolutePath);
        Assert.Contains("The password is not correct.", wrong.Html, StringComparison.Ordinal);

        var provider = await browser.SubmitAsync(wrong, change: new Dictionary<string, string> { ["Password"] = password });
        Assert.Contains("Test identity provider", provider.Html, StringComparison.Ordinal);
        var orgEmail = Unique("lina-org");
        var linked = await AnswerAsync(browser, await ChooseAsync(browser, provider, orgEmail, roles: "Guideline.Observer"));

        Assert.Equal("/account/profile", linked.Address.AbsolutePath);
        Assert.Contains("Your organisation account is linked", linked.Html, StringComparison.Ordinal);
        var account = (await AccountAsync(email))!.Value;
        Assert.True(account.HasPassword);
        Assert.Single(account.Logins);
        Assert.Equal([Roles.Expert, Roles.Observer], account.Roles.Order());

        // The organisation sign-in now reaches this account, and the login can be removed (the password stays).
        using var other = app.NewBrowser();
        Assert.Equal("/guidelines", (await SignInAsync(other, orgEmail)).Address.AbsolutePath);
        Assert.Contains($"Signed in as {email}", (await other.GetAsync("/account/profile")).Html, StringComparison.Ordinal);
        var removed = await browser.SubmitAsync(linked, actionContains: "handler=RemoveLogin");
        Assert.Contains("The organisation login was removed.", removed.Html, StringComparison.Ordinal);
        Assert.Empty((await AccountAsync(email))!.Value.Logins);
    }

    [Fact]
    public async Task An_organisation_login_already_linked_to_another_account_is_refused_with_a_sentence()
    {
        var owner = Unique("owner");
        await InviteAsync(owner);
        using (var first = app.NewBrowser())
        {
            await SignInAsync(first, owner);
        }

        var email = Unique("second");
        const string password = "a-long-password-1";
        await app.CreateUserAsync(email, password, Roles.Expert);
        using var browser = app.NewBrowser();
        await PasswordSignInAsync(browser, email, password);
        var provider = await browser.SubmitAsync(await browser.GetAsync("/account/link-login"), change: new Dictionary<string, string> { ["Password"] = password });

        var refused = await AnswerAsync(browser, await ChooseAsync(browser, provider, owner));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("This organisation account is already linked to another account on the platform.", refused.Html, StringComparison.Ordinal);
        Assert.Empty((await AccountAsync(email))!.Value.Logins);
        Assert.Single((await AccountAsync(owner))!.Value.Logins);
    }
}

/// <summary>A provider whose issuer is not the one the app is configured to trust.</summary>
public sealed class OrganisationSignInIssuerTests(WrongIssuerApp app) : IClassFixture<WrongIssuerApp>
{
    [Fact]
    public async Task A_token_from_another_issuer_is_refused_with_the_failure_page()
    {
        using var browser = app.NewBrowser();
        var provider = await browser.SubmitAsync(await browser.GetAsync("/account/login"), actionContains: "handler=External");
        var answer = await browser.SubmitAsync(provider, which: f => f.QuerySelector("fieldset") is not null, change: new Dictionary<string, string> { ["tip_email"] = "amina.expert@org.example" });

        var failed = await browser.SubmitAsync(answer, actionContains: "/signin-oidc");

        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Equal("/account/external-failed", failed.Address.AbsolutePath);
        Assert.Contains("came from an identity provider this site does not trust", failed.Html, StringComparison.Ordinal);
        Assert.Null(await app.ScopedAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("amina.expert@org.example")));
    }
}

/// <summary>Organisation sign-in with no invitation, where the operator lets an open public consultation create accounts.</summary>
public sealed class PublicOrganisationSignInTests(PublicOrganisationSignInApp app) : IClassFixture<PublicOrganisationSignInApp>
{
    private async Task<Browser.Page> SignInAsync(Browser browser, string email)
    {
        var provider = await browser.SubmitAsync(await browser.GetAsync("/account/login"), actionContains: "handler=External");
        var answer = await browser.SubmitAsync(provider, which: f => f.QuerySelector("fieldset") is not null, change: new Dictionary<string, string>
        {
            ["tip_email"] = email,
            ["tip_name"] = "Lucía Fernández",
            ["tip_verified"] = "true",
            ["tip_roles"] = "Guideline.Observer",
        });
        return await browser.SubmitAsync(answer, actionContains: "/signin-oidc");
    }

    [Fact]
    public async Task Without_a_public_consultation_open_an_address_with_no_invitation_is_refused_and_during_one_it_registers_with_the_public_role_only()
    {
        var email = $"public-{Guid.NewGuid():N}"[..18] + "@org.example";
        using (var before = app.NewBrowser())
        {
            var refused = await SignInAsync(before, email);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains($"No invitation for {email}", refused.Html, StringComparison.Ordinal);
            Assert.Equal(0, await app.DbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        }

        var windowId = await app.DbAsync(async db =>
        {
            var v3 = await db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3).Select(v => v.Id).SingleAsync();
            var window = new ConsultationWindow
            {
                VersionId = v3, Title = "Public online consultation", OpensAt = DateTime.UtcNow.AddHours(-1), ClosesAt = DateTime.UtcNow.AddDays(1),
                Audience = ConsultationAudience.Everyone, IsPublic = true,
                CreatedById = await db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync(), CreatedAt = DateTime.UtcNow,
            };
            db.ConsultationWindows.Add(window);
            await db.SaveChangesAsync();
            return window.Id;
        });
        try
        {
            using var browser = app.NewBrowser();
            var landed = await SignInAsync(browser, email);

            Assert.Equal(HttpStatusCode.OK, landed.Status);
            Assert.Contains($"Signed in as {email} · Public participant", (await browser.GetAsync("/account/profile")).Html, StringComparison.Ordinal);
            var (roles, confirmed, registered) = await app.ScopedAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                var db = sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>();
                return (await users.GetRolesAsync(user), user.EmailConfirmed, await db.PublicRegistrations.AnyAsync(r => r.UserId == user.Id));
            });
            Assert.Equal([Roles.Public], roles); // the mapped Observer role is not granted either
            Assert.True(confirmed);              // the provider vouched for the address
            Assert.True(registered);             // listed for the secretariat, who can suspend it
        }
        finally
        {
            await app.DbAsync(db => db.ConsultationWindows.Where(w => w.Id == windowId).ExecuteDeleteAsync());
        }
    }
}
