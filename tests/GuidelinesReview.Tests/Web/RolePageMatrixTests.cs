using System.Net;

namespace GuidelinesReview.Tests.Web;

/// <summary>Every role against every page: the status each gets, and where refusals send them.</summary>
[Collection(AppCollection.Name)]
public sealed class RolePageMatrixTests(AppFactory app)
{
    public const string Anonymous = "anonymous";

    private static readonly string[] Everyone = ["admin", "secretariat", "moderator", "notetaker", "expert", "translator", "observer"];

    /// <summary>Page → the accounts that may open it (signed-in others get access-denied, anonymous gets sign-in).</summary>
    public static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["/"] = [Anonymous, .. Everyone],
        ["/guidelines"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}/v/3"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}/v/1?principle=community"] = Everyone,
        ["/meetings"] = Everyone,
        ["/meetings/egm-2"] = Everyone,
        ["/account/profile"] = Everyone,
        ["/account/password"] = Everyone,
        ["/admin/invitations"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/dispositions"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/consultation"] = ["admin", "secretariat"],
        ["/admin/users"] = ["admin"],
        ["/meetings/new"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/rollup"] = ["admin", "secretariat"],
        ["/meetings/egm-2/edit"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/compare?from=2&to=3"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}/my-comments"] = Everyone,
        ["/meetings/egm-2/summary"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}/publish"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/findings?format=md"] = ["admin", "secretariat"],
        ["/admin/translators"] = ["admin", "secretariat"],
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/translations"] = ["admin", "secretariat", "translator"],
        [$"/guidelines/{AppFactory.SampleSlug}/glossary"] = Everyone,
        [$"/guidelines/{AppFactory.SampleSlug}/v/3/translate/fr"] = ["admin", "secretariat", "translator"],
    };

    /// <summary>
    /// Pages that decide who may open them from what the person is assigned (not their role alone): a
    /// signed-in person who may not gets the page itself, 403 with a sentence saying why, not a redirect.
    /// </summary>
    public static readonly HashSet<string> RefusedInPage =
    [
        $"/guidelines/{AppFactory.SampleSlug}/v/3/translate/fr",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Allowed.Keys)
        {
            foreach (var who in Everyone.Prepend(Anonymous))
            {
                data.Add(page, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_expected_answer_for_each_page(string page, string who)
    {
        var client = who == Anonymous ? app.Anonymous() : await app.SignInAsync($"{who}@demo.local");

        var response = await client.GetAsync(page);

        if (Allowed[page].Contains(who))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (who != Anonymous && RefusedInPage.Contains(page))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var expected = who == Anonymous ? "/account/login" : "/account/access-denied";
            Assert.StartsWith(expected, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_with_an_explanation()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var response = await client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("does not have the role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observer_cannot_create_an_invitation_by_posting_directly()
    {
        var client = await app.SignInAsync("observer@demo.local");
        var before = await app.DbAsync(db => Task.FromResult(db.Invitations.Count()));

        var response = await AppFactory.PostFormAsync(client, "/admin/invitations?handler=Create", new()
        {
            ["Input.Email"] = "sneaky@example.org",
            ["Input.Role"] = "Admin",
            ["Input.ValidDays"] = "5",
        }, formPage: "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => Task.FromResult(db.Invitations.Count())));
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        var client = await app.SignInAsync("secretariat@demo.local");
        var before = await app.DbAsync(db => Task.FromResult(db.Invitations.Count()));

        var response = await client.PostAsync("/admin/invitations?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "no-token@example.org",
            ["Input.Role"] = "Expert",
            ["Input.ValidDays"] = "5",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.DbAsync(db => Task.FromResult(db.Invitations.Count())));
    }

    /// <summary>Admin page handlers, posted directly by each account that may not use them.</summary>
    public static TheoryData<string, string> RefusedPosts()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in new[] { "/admin/users?handler=Roles", "/admin/users?handler=Unlock" })
        {
            foreach (var who in Everyone.Where(w => w != "admin"))
            {
                data.Add(handler, who);
            }
        }

        foreach (var who in Everyone.Where(w => w is not "admin" and not "secretariat"))
        {
            data.Add("/admin/invitations?handler=Revoke&id=1", who);
            data.Add("/admin/translators", who);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task Admin_actions_posted_by_other_roles_are_refused_and_change_nothing(string handler, string who)
    {
        var client = await app.SignInAsync($"{who}@demo.local");
        var observerId = await app.DbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "observer@demo.local").Id));
        var before = await app.DbAsync(db => Task.FromResult(db.UserRoles.Count()));

        var response = await AppFactory.PostFormAsync(client, handler, new() { ["userId"] = observerId, ["roles"] = "Admin" }, formPage: "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => Task.FromResult(db.UserRoles.Count())));
    }
}
