using System.Globalization;
using System.Net;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Consultations;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>The secretariat's consultation page (v1 of the sample) and the banner on the draft page.</summary>
[Collection(ClockedAppCollection.Name)]
public sealed class ConsultationPageTests(ClockedAppFactory app)
{
    private const string Page = $"/guidelines/{AppFactory.SampleSlug}/v/1/consultation";
    private const string Draft = $"/guidelines/{AppFactory.SampleSlug}/v/1";

    private Task<int> V1Async() => app.DbAsync(db => db.DraftVersions.Where(v => v.Number == 1 && v.Guideline.Slug == AppFactory.SampleSlug).Select(v => v.Id).SingleAsync());

    private Task<List<ConsultationWindow>> WindowsAsync() => app.DbAsync(db => db.ConsultationWindows.Include(w => w.Groups).OrderBy(w => w.OpensAt).ToListAsync());

    /// <summary>Posts the window form; several groups are several values of one field.</summary>
    private static async Task<HttpResponseMessage> PostWindowAsync(HttpClient client, string title, string opens, string closes, string zone = "UTC",
        string audience = "Everyone", string[]? groups = null, int id = 0, string handler = "")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(client, Page)),
            new("Input.Id", id.ToString(CultureInfo.InvariantCulture)),
            new("Input.Title", title),
            new("Input.TimeZone", zone),
            new("Input.OpensAt", opens),
            new("Input.ClosesAt", closes),
            new("Input.Audience", audience),
        };
        fields.AddRange((groups ?? []).Select(g => new KeyValuePair<string, string>("Input.Groups", g)));
        return await client.PostAsync(Page + handler, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_secretariat_opens_a_consultation_for_two_groups_with_times_in_a_chosen_time_zone()
    {
        await app.ClearConsultationWindowsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var response = await PostWindowAsync(secretariat, "Consultation of governments", "2030-03-04T10:00", "2030-03-18T18:00", "Europe/Paris",
            "StakeholderGroups", ["NationalGovernment", "LocalAndRegionalGovernment"]);
        var page = await TextOf(await secretariat.GetAsync(Page));

        Assert.Equal((HttpStatusCode.Redirect, Page), (response.StatusCode, response.Headers.Location!.OriginalString));
        var saved = Assert.Single(await WindowsAsync());
        Assert.Equal(await V1Async(), saved.VersionId);
        Assert.Equal(("Consultation of governments", new DateTime(2030, 3, 4, 9, 0, 0), new DateTime(2030, 3, 18, 17, 0, 0)), (saved.Title, saved.OpensAt, saved.ClosesAt));
        Assert.Equal(ConsultationAudience.StakeholderGroups, saved.Audience);
        Assert.Equal([StakeholderGroup.NationalGovernment, StakeholderGroup.LocalAndRegionalGovernment], saved.Groups.Select(g => g.Group).Order());
        Assert.Contains("The consultation window 'Consultation of governments' was added.", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2030-03-04T09:00:00Z\" data-local>4 March 2030 at 09:00 UTC</time>", page, StringComparison.Ordinal);
        Assert.Contains("national governments and local and regional governments", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_lists_every_problem_keeps_what_was_typed_and_saves_nothing()
    {
        await app.ClearConsultationWindowsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var response = await PostWindowAsync(secretariat, "", "2030-03-18T17:00", "2030-03-04T09:00", audience: "StakeholderGroups");
        var page = await TextOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was saved:", page, StringComparison.Ordinal);
        Assert.Contains("<li>Give the consultation a title (at most 300 characters).</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>The consultation must close after it opens; it would open on 18 March 2030 at 17:00 UTC and close on 4 March 2030 at 09:00 UTC.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Choose at least one stakeholder group, or open the consultation to everyone.</li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2030-03-18T17:00\"", page, StringComparison.Ordinal);
        Assert.Empty(await WindowsAsync());
    }

    [Fact]
    public async Task An_overlapping_window_is_refused_and_a_window_can_be_changed_and_deleted()
    {
        await app.ClearConsultationWindowsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await PostWindowAsync(secretariat, "First round", "2030-03-04T09:00", "2030-03-18T17:00");

        var overlapping = await TextOf(await PostWindowAsync(secretariat, "Second round", "2030-03-18T16:00", "2030-04-01T17:00"));
        var first = Assert.Single(await WindowsAsync());
        var changed = await PostWindowAsync(secretariat, "First round, extended", "2030-03-04T09:00", "2030-03-25T17:00", id: first.Id);
        var afterChange = Assert.Single(await WindowsAsync());
        var deleted = await AppFactory.PostFormAsync(secretariat, $"{Page}?handler=Delete", new() { ["id"] = first.Id.ToString(CultureInfo.InvariantCulture) }, formPage: Page);
        var afterDelete = await TextOf(await secretariat.GetAsync(Page));

        Assert.Contains("It would overlap 'First round' (4 March 2030 at 09:00 UTC to 18 March 2030 at 17:00 UTC)", overlapping, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal((first.Id, "First round, extended", new DateTime(2030, 3, 25, 17, 0, 0)), (afterChange.Id, afterChange.Title, afterChange.ClosesAt));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await WindowsAsync());
        Assert.Contains("v1 has no window now: commenting is open as before.", afterDelete, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_window_shows_it_in_the_form_in_utc()
    {
        await app.ClearConsultationWindowsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await PostWindowAsync(secretariat, "Governments", "2030-03-04T09:00", "2030-03-18T17:00", audience: "StakeholderGroups", groups: ["NationalGovernment"]);
        var id = Assert.Single(await WindowsAsync()).Id;

        var form = await TextOf(await secretariat.GetAsync($"{Page}?edit={id}"));

        Assert.Contains("Change 'Governments'", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2030-03-04T09:00\"", form, StringComparison.Ordinal);
        Assert.Matches("id=\"audience-groups\" value=\"StakeholderGroups\" checked", form);
        Assert.Matches("value=\"NationalGovernment\" id=\"group-NationalGovernment\" checked", form);
        Assert.DoesNotMatch("value=\"Academia\" id=\"group-Academia\" checked", form);
    }

    [Fact]
    public async Task An_expert_cannot_add_a_window_by_posting_the_form()
    {
        await app.ClearConsultationWindowsAsync();
        var expert = await app.SignInAsync("expert@demo.local");

        var response = await AppFactory.PostFormAsync(expert, Page, new()
        {
            ["Input.Title"] = "Mine",
            ["Input.TimeZone"] = "UTC",
            ["Input.OpensAt"] = "2030-03-04T09:00",
            ["Input.ClosesAt"] = "2030-03-18T17:00",
            ["Input.Audience"] = "Everyone",
        }, formPage: "/account/profile");

        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(await WindowsAsync());
    }

    [Fact]
    public async Task The_draft_page_tells_everyone_when_the_consultation_opens_how_long_it_has_left_and_when_it_closed()
    {
        await app.ClearConsultationWindowsAsync();
        var opens = app.Clock.WholeMinutesAhead(2);
        var closes = opens.AddDays(3);
        static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string Utc(DateTime t) => t.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await PostWindowAsync(await app.SignInAsync("secretariat@demo.local"), "Online consultation", Local(opens), Local(closes));

        // Each reading signs in anew: the clock moves by days, past the sign-in's lifetime.
        async Task<string> ReadAtAsync(DateTime instant, string path = Draft)
        {
            app.Clock.Set(instant);
            return await TextOf(await (await app.SignInAsync("observer@demo.local")).GetAsync(path));
        }

        var other = await ReadAtAsync(opens, $"/guidelines/{AppFactory.SampleSlug}/v/2");
        var before = await ReadAtAsync(opens.AddSeconds(-1));
        var open = await ReadAtAsync(closes - new TimeSpan(2, 3, 30, 0));
        var closed = await ReadAtAsync(closes);

        Assert.DoesNotContain("data-consultation", other, StringComparison.Ordinal);
        Assert.Contains($"<strong>Consultation opens</strong> on <time datetime=\"{Iso(opens)}\" data-local>{Utc(opens)}</time>.", before, StringComparison.Ordinal);
        Assert.Contains($"<strong>Consultation open</strong> until <time datetime=\"{Iso(closes)}\" data-local>{Utc(closes)}</time> — 2 days 3 hours left.", open, StringComparison.Ordinal);
        Assert.Contains($"<strong>Consultation closed</strong> on <time datetime=\"{Iso(closes)}\" data-local>{Utc(closes)}</time>. The draft stays readable.", closed, StringComparison.Ordinal);
        Assert.Contains("Online consultation · for everyone signed in who may comment", open, StringComparison.Ordinal);
        Assert.Contains($"data-now=\"{Iso(closes - new TimeSpan(2, 3, 30, 0))}\"", open, StringComparison.Ordinal);
    }
}
