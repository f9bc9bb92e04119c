using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class AccountTests(AppFactory app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";

    internal static async Task<(HttpResponseMessage Response, string Html)> InviteAsync(HttpClient client, string email, string role, string days = "7")
    {
        var response = await AppFactory.PostFormAsync(client, "/admin/invitations?handler=Create", new()
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role,
            ["Input.DisplayName"] = "Invited Person",
            ["Input.ValidDays"] = days,
        }, formPage: "/admin/invitations");

        // Created: redirected back to the page, which shows the link once.
        return response.StatusCode == HttpStatusCode.Redirect
            ? (response, await client.GetStringAsync(response.Headers.Location!.OriginalString))
            : (response, await response.Content.ReadAsStringAsync());
    }

    private static string LinkIn(string html)
    {
        var link = Regex.Match(html, "value=\"(http[^\"]+/account/invite/[^\"]+)\"");
        Assert.True(link.Success, "the new invitation link is shown once");
        return new Uri(link.Groups[1].Value).PathAndQuery;
    }

    internal static Dictionary<string, string> AccountFields(string password = "a-long-password-1") => new()
    {
        ["Profile.DisplayName"] = "Amina Planner",
        ["Profile.Organisation"] = "City of Riverside",
        ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.LocalAndRegionalGovernment),
        ["Profile.Region"] = nameof(Region.Africa),
        ["Password"] = password,
    };

    [Fact]
    public async Task An_invitation_link_creates_an_account_with_the_role_once()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var email = Unique("invitee");
        var (_, html) = await InviteAsync(secretariat, email, Roles.Expert);
        var link = LinkIn(html);

        var visitor = app.Anonymous();
        var form = await visitor.GetStringAsync(link);
        var accepted = await AppFactory.PostFormAsync(visitor, link, AccountFields());

        Assert.Contains("as <strong>Expert</strong>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/account/profile")).StatusCode);
        var user = await app.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByEmailAsync(email);
            return (u!.DisplayName, u.StakeholderGroup, u.Region, Roles: await users.GetRolesAsync(u));
        });
        Assert.Equal("Amina Planner", user.DisplayName);
        Assert.Equal(StakeholderGroup.LocalAndRegionalGovernment, user.StakeholderGroup);
        Assert.Equal(Region.Africa, user.Region);
        Assert.Equal([Roles.Expert], user.Roles);

        Assert.DoesNotContain("/account/invite/", await secretariat.GetStringAsync("/admin/invitations"), StringComparison.Ordinal); // shown once only
        var again = await app.Anonymous().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_withdrawn_invitation_does_not_create_an_account()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var expiredEmail = Unique("expired");
        var expiredLink = LinkIn((await InviteAsync(secretariat, expiredEmail, Roles.Expert)).Html);
        await app.DbAsync(async db =>
        {
            (await db.Invitations.SingleAsync(i => i.Email == expiredEmail)).ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        var withdrawnEmail = Unique("withdrawn");
        var withdrawnLink = LinkIn((await InviteAsync(secretariat, withdrawnEmail, Roles.Expert)).Html);
        var id = await app.DbAsync(db => db.Invitations.Where(i => i.Email == withdrawnEmail).Select(i => i.Id).SingleAsync());
        await AppFactory.PostFormAsync(secretariat, $"/admin/invitations?handler=Revoke&id={id}", [], formPage: "/admin/invitations");

        var expired = await AppFactory.PostFormAsync(app.Anonymous(), expiredLink, AccountFields(), formPage: "/account/login");
        var withdrawn = await AppFactory.PostFormAsync(app.Anonymous(), withdrawnLink, AccountFields(), formPage: "/account/login");

        Assert.Contains("This invitation expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This invitation was withdrawn", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Email == expiredEmail || u.Email == withdrawnEmail)));
    }

    [Fact]
    public async Task A_forged_invitation_token_is_refused()
    {
        var response = await app.Anonymous().GetAsync("/account/invite/made-up-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This invitation link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_cannot_invite_an_admin_but_an_admin_can()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var admin = await app.SignInAsync("admin@demo.local");
        var refusedEmail = Unique("would-be-admin");

        var (refused, refusedHtml) = await InviteAsync(secretariat, refusedEmail, Roles.Admin);
        var (_, allowedHtml) = await InviteAsync(admin, Unique("new-admin"), Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You cannot invite people with this role.", refusedHtml, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Invitations.AnyAsync(i => i.Email == refusedEmail)));
        Assert.Contains("Invitation created and mailed.", allowedHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Expert", "7", "Enter the email address of the person to invite.")]
    [InlineData("not-an-email", "Expert", "7", "Enter an email address such as name@example.org.")]
    [InlineData("someone@example.org", "Expert", "45", "An invitation can be valid for 1 to 30 days.")]
    [InlineData("someone@example.org", "Emperor", "7", "You cannot invite people with this role.")]
    [InlineData("expert@demo.local", "Expert", "7", "already has an account")]
    public async Task Invalid_invitations_are_refused_with_a_specific_message(string email, string role, string days, string message)
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var before = await app.DbAsync(db => db.Invitations.CountAsync());

        var (_, html) = await InviteAsync(secretariat, email, role, days);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = Unique("locked");
        await app.CreateUserAsync(email, "the-right-password", Roles.Expert, "Lock Test");

        for (var i = 0; i < 5; i++)
        {
            await AppFactory.PostFormAsync(app.Anonymous(), "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
        }

        var response = await AppFactory.PostFormAsync(app.Anonymous(), "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "the-right-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("or the account is locked after 5 wrong passwords in a row", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_and_an_address_with_no_account_get_the_same_answer()
    {
        var locked = Unique("locked");
        var nobody = Unique("nobody");
        await app.CreateUserAsync(locked, "the-right-password", Roles.Expert, "Lock Test");

        async Task<(HttpStatusCode Status, string Alert)> SixthTryAsync(string email)
        {
            for (var i = 0; i < 5; i++)
            {
                await AppFactory.PostFormAsync(app.Anonymous(), "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
            }

            var response = await AppFactory.PostFormAsync(app.Anonymous(), "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = "the-right-password" });
            var alert = Regex.Match(await response.Content.ReadAsStringAsync(), "<div class=\"text-danger[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
            return (response.StatusCode, alert);
        }

        var fromLocked = await SixthTryAsync(locked);
        var fromNobody = await SixthTryAsync(nobody);

        Assert.Contains("The email or password is not correct", fromLocked.Alert, StringComparison.Ordinal);
        Assert.Equal(fromLocked, fromNobody);
    }

    [Fact]
    public async Task An_admin_changes_roles_and_cannot_drop_their_own_admin_role()
    {
        var admin = await app.SignInAsync("admin@demo.local");
        var email = Unique("promoted");
        var (userId, adminId) = await app.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Promoted Person" };
            await users.CreateAsync(user, "a-long-password-2");
            await users.AddToRoleAsync(user, Roles.Observer);
            return (user.Id, (await users.FindByEmailAsync("admin@demo.local"))!.Id);
        });

        var changed = await admin.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
        [
            new("userId", userId), new("roles", Roles.Expert), new("roles", Roles.Moderator),
            new("confirmed", "true"), new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(admin, "/admin/users")),
        ]));
        var selfDemotion = await admin.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
        [
            new("userId", adminId), new("roles", Roles.Expert),
            new("confirmed", "true"), new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(admin, "/admin/users")),
        ]));
        var page = await admin.GetStringAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, selfDemotion.StatusCode);
        Assert.Contains("You cannot remove your own Admin role", page, StringComparison.Ordinal);
        var roles = await app.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return (Promoted: await users.GetRolesAsync((await users.FindByIdAsync(userId))!), Admin: await users.GetRolesAsync((await users.FindByIdAsync(adminId))!));
        });
        Assert.Equal([Roles.Expert, Roles.Moderator], roles.Promoted.Order());
        Assert.Equal([Roles.Admin], roles.Admin);
    }

    [Fact]
    public async Task A_profile_edit_is_saved_and_an_invalid_one_changes_nothing()
    {
        var email = Unique("profile");
        await app.CreateUserAsync(email, "a-long-password-3", Roles.Observer, "Before Edit");
        var client = await app.SignInAsync(email, "a-long-password-3");

        var invalid = await AppFactory.PostFormAsync(client, "/account/profile", new()
        {
            ["Profile.DisplayName"] = "",
            ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.Academia),
        }, formPage: "/account/profile");
        var valid = await AppFactory.PostFormAsync(client, "/account/profile", new()
        {
            ["Profile.DisplayName"] = "After Edit",
            ["Profile.Organisation"] = "Urban Lab",
            ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.Academia),
            ["Profile.Region"] = nameof(Region.AsiaPacific),
        }, formPage: "/account/profile");

        Assert.Contains("Enter the name other participants will see.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(valid.StatusCode == HttpStatusCode.Redirect, await valid.Content.ReadAsStringAsync());
        var saved = await app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(("After Edit", "Urban Lab", StakeholderGroup.Academia, (Region?)Region.AsiaPacific), (saved.DisplayName, saved.Organisation, saved.StakeholderGroup, saved.Region));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password()
    {
        var email = Unique("password");
        await app.CreateUserAsync(email, "old-password-123", Roles.Expert, "Password Changer");
        var client = await app.SignInAsync(email, "old-password-123");

        var wrong = await AppFactory.PostFormAsync(client, "/account/password", new() { ["Input.Current"] = "not-my-password", ["Input.New"] = "new-password-456" });
        var tooShort = await AppFactory.PostFormAsync(client, "/account/password", new() { ["Input.Current"] = "old-password-123", ["Input.New"] = "short" });
        var right = await AppFactory.PostFormAsync(client, "/account/password", new() { ["Input.Current"] = "old-password-123", ["Input.New"] = "new-password-456" });

        Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The new password must be 10 to 200 characters long.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await app.SignInAsync(email, "new-password-456");
    }

    [Fact]
    public async Task A_role_taken_away_stops_working_at_the_next_request()
    {
        var email = Unique("demoted");
        await app.CreateUserAsync(email, "demoted-password-1", Roles.Secretariat);
        var demoted = await app.SignInAsync(email, "demoted-password-1");
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/admin/invitations")).StatusCode);
        var admin = await app.SignInAsync("admin@demo.local");
        var userId = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        await admin.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
        [
            new("userId", userId), new("roles", Roles.Observer),
            new("confirmed", "true"), new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(admin, "/admin/users")),
        ]));
        var after = await demoted.GetAsync("/admin/invitations");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_sign_out_address_asks_first_and_only_the_button_signs_out()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var ask = await client.GetStringAsync("/account/logout");
        var stillIn = await client.GetAsync("/guidelines");
        var signedOut = await AppFactory.PostFormAsync(client, "/account/logout", []);
        var after = await client.GetAsync("/guidelines");

        Assert.Contains("Sign out?", ask, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
