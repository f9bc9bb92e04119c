using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The admin's list of accounts: search, role filter and paging in the address, and a role change
/// that is saved only once the admin has confirmed it signs the person out everywhere. Each test
/// makes accounts of its own organisation, as the shared database holds everyone else's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdminUsersPageTests(AppFactory app)
{
    private static string Org() => $"Org{Guid.NewGuid():N}"[..20];

    private async Task<string> UserAsync(string org, string name, string role)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}-{Guid.NewGuid():N}"[..30] + "@test.local";
        await app.CreateUserAsync(email, AppFactory.Password, role, name);
        await app.DbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Organisation = org;
            return await db.SaveChangesAsync();
        });
        return email;
    }

    private static List<string> Names(string html) =>
        Regex.Matches(html, "<h2 class=\"h6 mb-1\" id=\"user-[^\"]+\">([^<]+) <span").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static string Count(string html) => WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"user-count\">([^<]+)<").Groups[1].Value);

    [Fact]
    public async Task The_search_finds_accounts_by_name_email_or_organisation_and_the_role_filter_narrows_them()
    {
        var org = Org();
        var translator = await UserAsync(org, "Tala Translator", Roles.Translator);
        await UserAsync(org, "Edda Expert", Roles.Expert);
        var admin = await app.SignInAsync("admin@demo.local");

        var byOrg = await admin.GetStringAsync($"/admin/users?q={org.ToLowerInvariant()}");
        var byEmail = await admin.GetStringAsync($"/admin/users?q={Uri.EscapeDataString(translator)}");
        var byName = await admin.GetStringAsync($"/admin/users?q={Uri.EscapeDataString("tala TRANSLATOR")}&role={Roles.Translator}");
        var byRole = await admin.GetStringAsync($"/admin/users?q={org}&role={Roles.Translator}");
        var none = await admin.GetStringAsync($"/admin/users?q={org}&role={Roles.Moderator}");

        Assert.Equal(["Edda Expert", "Tala Translator"], Names(byOrg));
        Assert.Equal("Accounts 1–2 of 2.", Count(byOrg));
        Assert.Equal(["Tala Translator"], Names(byEmail));
        Assert.Contains("Tala Translator", Names(byName));
        Assert.Equal(["Tala Translator"], Names(byRole));
        Assert.Contains($"<option value=\"{Roles.Translator}\" selected=\"selected\">", byRole, StringComparison.Ordinal);
        Assert.Empty(Names(none));
        Assert.Equal("No account matches.", Count(none));
    }

    [Fact]
    public async Task Accounts_come_25_a_page_and_the_pager_keeps_the_search()
    {
        var org = Org();
        for (var i = 0; i < 27; i++)
        {
            await UserAsync(org, $"Paged Person {i:00}", Roles.Observer);
        }

        var admin = await app.SignInAsync("admin@demo.local");

        var first = await admin.GetStringAsync($"/admin/users?q={org}");
        var second = await admin.GetStringAsync($"/admin/users?q={org}&p=2");
        var beyond = await admin.GetStringAsync($"/admin/users?q={org}&p=9");

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"Paged Person {i:00}"), Names(first));
        Assert.Equal("Accounts 1–25 of 27.", Count(first));
        Assert.Contains($"href=\"/admin/users?q={org}&amp;p=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(["Paged Person 25", "Paged Person 26"], Names(second));
        Assert.Equal("Accounts 26–27 of 27.", Count(second));
        Assert.Contains($"href=\"/admin/users?q={org}\" rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Equal(Names(second), Names(beyond));
        var all = await admin.GetStringAsync("/admin/users");
        Assert.Equal(25, Names(all).Count);
    }

    [Fact]
    public async Task A_role_change_is_confirmed_first_and_the_saved_message_says_whose_roles_and_that_they_were_signed_out()
    {
        var org = Org();
        var email = await UserAsync(org, "Rosa Reassigned", Roles.Observer);
        var admin = await app.SignInAsync("admin@demo.local");
        var (userId, stamp) = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.SecurityStamp }).SingleAsync()).ContinueWith(t => (t.Result.Id, t.Result.SecurityStamp));
        var list = $"/admin/users?q={org}";

        var asked = await AppFactory.PostFormAsync(admin, $"/admin/users?handler=Roles", new() { ["userId"] = userId, ["roles"] = Roles.Expert, ["q"] = org }, list);
        var askedHtml = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        var rolesAfterAsking = await RolesOfAsync(userId);
        var stampAfterAsking = await app.DbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

        var saved = await AppFactory.PostFormAsync(admin, $"/admin/users?handler=Roles", new() { ["userId"] = userId, ["roles"] = Roles.Expert, ["confirmed"] = "true", ["q"] = org }, list);
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Change the roles of Rosa Reassigned?", askedHtml, StringComparison.Ordinal);
        Assert.Contains($"Saving signs Rosa Reassigned ({email}) out everywhere", askedHtml, StringComparison.Ordinal);
        Assert.Contains("Save and sign Rosa Reassigned out everywhere", askedHtml, StringComparison.Ordinal);
        Assert.Equal([Roles.Observer], rolesAfterAsking);
        Assert.Equal(stamp, stampAfterAsking);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/admin/users?q={org}", saved.Headers.Location!.OriginalString);
        Assert.Contains($"Roles saved for Rosa Reassigned ({email}): Expert. They were signed out everywhere and sign in again with the new roles.", after, StringComparison.Ordinal);
        Assert.Equal([Roles.Expert], await RolesOfAsync(userId));
        Assert.NotEqual(stamp, await app.DbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_admin_can_list_or_change_accounts_even_with_the_confirmation()
    {
        var org = Org();
        var email = await UserAsync(org, "Guarded Person", Roles.Observer);
        var userId = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var list = await secretariat.GetAsync($"/admin/users?q={org}");
        var token = await AppFactory.AntiforgeryTokenAsync(secretariat, "/admin/invitations");
        var change = await secretariat.PostAsync("/admin/users?handler=Roles", new FormUrlEncodedContent(
            [new("userId", userId), new("roles", Roles.Admin), new("confirmed", "true"), new("__RequestVerificationToken", token)]));

        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal([Roles.Observer], await RolesOfAsync(userId));
    }

    private Task<List<string>> RolesOfAsync(string userId) => app.ScopedAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(userId))!)).ToList();
    });
}
