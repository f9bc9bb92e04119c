using System.Net;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class MeetingTests(AppFactory app)
{
    private Task<int> RoomIdAsync(string title) =>
        app.DbAsync(db => db.BreakoutRooms.Where(r => r.Title == title).Select(r => r.Id).FirstAsync());

    [Fact]
    public async Task The_sample_meeting_is_imported_once_with_its_rooms_and_people()
    {
        var again = await app.ScopedAsync(sp => sp.GetRequiredService<MeetingImporter>().ImportAsync(Path.Combine(GuidelinesReview.Fixtures.RepoPaths.Content), CancellationToken.None));
        var rooms = await app.DbAsync(db => db.BreakoutRooms.Include(r => r.Members).Include(r => r.Moderator).ToListAsync());

        Assert.Equal((0, 1), (again.Published, again.Unchanged));
        Assert.True(rooms.Count >= 4);
        var room2 = rooms.Single(r => r.Title == "Community engagement, participation and capacity");
        Assert.Equal("Maya Moderator", room2.Moderator!.DisplayName);
        Assert.Equal(3, room2.Members.Count);
    }

    [Fact]
    public async Task A_meeting_file_with_unknown_people_sections_and_tags_is_refused_listing_them_all()
    {
        var content = Path.Combine(app.DataDirectory, "meeting-content-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(content, "meetings"));
        File.WriteAllText(Path.Combine(content, "meetings", "bad.yml"), $$"""
            slug: bad-meeting-{{Guid.NewGuid():N}}
            title: Bad
            guideline: {{AppFactory.SampleSlug}}
            version: 2
            timeZone: UTC
            days:
              - date: 2025-01-01
                agenda:
                  - time: "10:00"
                    title: Rooms
                    kind: breakout
                    rooms:
                      - title: Room
                        moderator: nobody@nowhere.org
                        members: [expert@demo.local]
                        principles: [nonsense]
                        sections: [s99]
            """);

        var report = await app.ScopedAsync(sp => sp.GetRequiredService<MeetingImporter>().ImportAsync(content, CancellationToken.None));

        var error = Assert.Single(report.Errors);
        Assert.Contains("no account has the email 'nobody@nowhere.org'", error, StringComparison.Ordinal);
        Assert.Contains("'nonsense' is not a principle of the guideline", error, StringComparison.Ordinal);
        Assert.Contains("there is no section 's99' in v2", error, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Meetings.AnyAsync(m => m.Title == "Bad")));
    }

    [Theory]
    [InlineData("moderator2@demo.local", HttpStatusCode.OK, "as its moderator")]
    [InlineData("notetaker2@demo.local", HttpStatusCode.OK, "as its note-taker")]
    [InlineData("expert2@demo.local", HttpStatusCode.OK, "as its member")]
    [InlineData("observer@demo.local", HttpStatusCode.OK, "as its member")]
    [InlineData("secretariat@demo.local", HttpStatusCode.OK, "as its secretariat")]
    [InlineData("expert@demo.local", HttpStatusCode.Forbidden, "You are not a member of this breakout room.")]
    [InlineData("moderator@demo.local", HttpStatusCode.Forbidden, "You are not a member of this breakout room.")]
    [InlineData("translator@demo.local", HttpStatusCode.Forbidden, "You are not a member of this breakout room.")]
    public async Task Only_the_rooms_people_and_the_secretariat_enter_a_room(string who, HttpStatusCode status, string text)
    {
        var roomId = await RoomIdAsync("Community engagement, participation and capacity");
        var client = await app.SignInAsync(who);

        var response = await client.GetAsync($"/meetings/egm-2/rooms/{roomId}");

        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Equal(status == HttpStatusCode.OK, html.Contains("Does section 8 speak to everyone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_agenda_lists_both_days_and_links_only_the_rooms_one_may_enter()
    {
        var client = await app.SignInAsync("expert2@demo.local");

        var html = await client.GetStringAsync("/meetings/egm-2");

        Assert.Contains("Wednesday 19 March 2025", html, StringComparison.Ordinal);
        Assert.Contains("Thursday 20 March 2025", html, StringComparison.Ordinal);
        var roomId = await RoomIdAsync("Community engagement, participation and capacity");
        Assert.Contains($"href=\"/meetings/egm-2/rooms/{roomId}\"", html, StringComparison.Ordinal);
        Assert.Contains("(you are not in this room)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plenary_summary_downloads_as_markdown_with_every_room()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var response = await client.GetAsync("/meetings/egm-2/summary?format=md");
        var md = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("egm-2-plenary-summary.md", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("# Plenary summary: Second expert group meeting", md, StringComparison.Ordinal);
        var rooms = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).CountAsync()); // other tests may add rooms
        Assert.Equal(rooms, md.Split("\n### ").Length - 1);
    }

    [Fact]
    public async Task The_plenary_summary_opens_as_a_word_document_with_headings_per_session_and_room()
    {
        var client = await app.SignInAsync("secretariat@demo.local");

        var response = await client.GetAsync("/meetings/egm-2/summary?format=docx");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(copy, false);

        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
        Assert.Equal(("Title", "Plenary summary: Second expert group meeting on the people-centred smart city guidelines"), paragraphs[0]);
        Assert.Equal(2, paragraphs.Count(p => p.Style == "Heading1"));
        Assert.Equal(await app.DbAsync(db => db.BreakoutRooms.CountAsync()), paragraphs.Count(p => p.Style == "Heading2"));
        Assert.Contains(paragraphs, p => p.Style == "Heading2" && p.Text == "Community engagement, participation and capacity");
        Assert.Contains(paragraphs, p => p.Text == "Moderator: Maya Moderator · Note-taker: Nadia Notetaker");
    }

    [Fact]
    public async Task The_secretariat_assigns_people_to_a_room_and_a_bad_section_saves_nothing()
    {
        var roomId = await RoomIdAsync("Partners, finance and academia");
        var edit = $"/meetings/egm-2/rooms/{roomId}/edit";
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var expert = await app.SignInAsync("expert@demo.local");
        var ids = await app.DbAsync(db => db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id));
        var financing = await app.DbAsync(db => db.GuidelineTerms.Where(t => t.Key == "financing" && t.Kind == GuidelinesReview.Core.Content.TaxonomyKind.Principle && db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug)).Select(t => t.Id).SingleAsync());
        string Id(string email) => ids[email];
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/meetings/egm-2/rooms/{roomId}")).StatusCode);

        var bad = await secretariat.PostAsync(edit, new FormUrlEncodedContent(
        [
            new("Title", "Partners, finance and academia"), new("Prompt", "Same question"), new("ModeratorId", Id("moderator3@demo.local")),
            new("NoteTakerId", Id("notetaker@demo.local")), new("MemberIds", Id("expert@demo.local")), new("Sections", "s10, s77"),
            new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit)),
        ]));
        var badHtml = await bad.Content.ReadAsStringAsync();
        var stillRefused = await expert.GetAsync($"/meetings/egm-2/rooms/{roomId}");
        var good = await secretariat.PostAsync(edit, new FormUrlEncodedContent(
        [
            new("Title", "Partners, finance and academia"), new("Prompt", "How can partners help?"), new("ModeratorId", Id("moderator3@demo.local")),
            new("NoteTakerId", Id("notetaker@demo.local")), new("MemberIds", Id("expert@demo.local")), new("MemberIds", Id("expert5@demo.local")), new("Sections", "s10, s12"),
            new("TermIds", financing.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit)),
        ]));
        var nowIn = await expert.GetAsync($"/meetings/egm-2/rooms/{roomId}");
        var expertEdit = await expert.GetAsync(edit);

        Assert.Contains("These are not sections of the meeting&#x27;s draft: s77.", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nowIn.StatusCode);
        Assert.Contains("How can partners help?", await nowIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.DbAsync(db => db.RoomMembers.CountAsync(m => m.RoomId == roomId)));
        Assert.Equal([financing], await app.DbAsync(db => db.Set<RoomTag>().Where(t => t.RoomId == roomId).Select(t => t.TermId).ToListAsync()));
        Assert.Equal(HttpStatusCode.Redirect, expertEdit.StatusCode);
        Assert.StartsWith("/account/access-denied", expertEdit.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_edits_the_agenda_adds_a_room_and_a_bad_time_saves_nothing()
    {
        const string edit = "/meetings/egm-2/edit";
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var items = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days.SelectMany(d => d.Agenda.Select(a => new { a.Id, a.DayId, a.Title, a.Kind, a.Time })))
            .ToListAsync());
        var closing = items.Single(a => a.Title.StartsWith("Closing remarks", StringComparison.Ordinal));
        var breakout = items.First(a => a.Kind == GuidelinesReview.Core.Meetings.AgendaKind.Breakout);
        List<KeyValuePair<string, string>> Form(string time, string title) =>
        [
            new("Title", "Second expert group meeting on the people-centred smart city guidelines"), new("TimeZone", "Africa/Nairobi"),
            new("Items[0].Id", closing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Items[0].DayId", closing.DayId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Items[0].Time", time), new("Items[0].Title", title), new("Items[0].Kind", "Plenary"),
            new("Items[1].Id", "0"), new("Items[1].DayId", closing.DayId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Items[1].Time", "13:00"), new("Items[1].Title", "Lunch and informal exchanges"), new("Items[1].Kind", "Plenary"),
        ];

        var bad = await secretariat.PostAsync(edit, new FormUrlEncodedContent(Form("noon", "Closing remarks").Append(new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit)))));
        var badHtml = await bad.Content.ReadAsStringAsync();
        var unchanged = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days.SelectMany(d => d.Agenda)).CountAsync());
        var good = await secretariat.PostAsync(edit, new FormUrlEncodedContent(Form("12:45", "Closing remarks and next steps").Append(new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit)))));
        var added = await secretariat.PostAsync($"{edit}?handler=AddRoom&itemId={breakout.Id}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit))]));
        var expert = await (await app.SignInAsync("expert@demo.local")).GetAsync(edit);

        Assert.Contains("The time of &#x27;Closing remarks&#x27; must be written as HH:mm.", badHtml, StringComparison.Ordinal);
        Assert.Equal(items.Count, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days.SelectMany(d => d.Agenda)).ToListAsync());
        Assert.Contains(after, a => a.Id == closing.Id && a.Title == "Closing remarks and next steps" && a.Time == new TimeSpan(12, 45, 0));
        Assert.Contains(after, a => a.Title == "Lunch and informal exchanges");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Matches(@"^/meetings/egm-2/rooms/\d+/edit$", added.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/access-denied", expert.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> VersionIdAsync(int number) =>
        await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == number).Select(v => v.Id).SingleAsync());

    private async Task<string> CreateMeetingAsync(HttpClient secretariat, string title, int version, string firstDay, int days)
    {
        var created = await AppFactory.PostFormAsync(secretariat, "/meetings/new", new()
        {
            ["Title"] = title, ["VersionId"] = S(await VersionIdAsync(version)), ["TimeZone"] = "Europe/Zurich", ["FirstDay"] = firstDay, ["DayCount"] = S(days),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(), "alert-danger.*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches("^/meetings/[a-z0-9-]+/edit$", location);
        return location.Split('/')[2];
    }

    private Task<Meeting> MeetingAsync(string slug) =>
        app.DbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Version).Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).SingleAsync(m => m.Slug == slug));

    /// <summary>The set-up form as the page would post it, with <paramref name="change"/> applied on top.</summary>
    private static Dictionary<string, string> SetupForm(Meeting m, Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string> { ["Title"] = m.Title, ["TimeZone"] = m.TimeZone, ["VersionId"] = S(m.VersionId) };
        var days = m.Days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            form[$"Days[{i}].Id"] = S(days[i].Id);
            form[$"Days[{i}].Date"] = days[i].Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = days.SelectMany(d => d.Agenda).OrderBy(a => a.Id).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            form[$"Items[{i}].Id"] = S(items[i].Id);
            form[$"Items[{i}].DayId"] = S(items[i].DayId);
            form[$"Items[{i}].Time"] = items[i].Time.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
            form[$"Items[{i}].Title"] = items[i].Title;
            form[$"Items[{i}].Kind"] = items[i].Kind.ToString();
        }

        change?.Invoke(form);
        return form;
    }

    /// <summary>Adds a 10:00 breakout session to the meeting's first day through the set-up page; returns its id.</summary>
    private async Task<int> AddBreakoutSessionAsync(HttpClient secretariat, string slug)
    {
        var m = await MeetingAsync(slug);
        var saved = await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/edit", SetupForm(m, f =>
        {
            f["Items[0].Id"] = "0"; f["Items[0].DayId"] = S(m.Days[0].Id); f["Items[0].Time"] = "10:00"; f["Items[0].Title"] = "Rooms"; f["Items[0].Kind"] = "Breakout";
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (await MeetingAsync(slug)).Days[0].Agenda.Single(a => a.Title == "Rooms").Id;
    }

    private static async Task<int> AddRoomAsync(HttpClient secretariat, string slug, int sessionId)
    {
        var added = await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/edit?handler=AddRoom&itemId={sessionId}", [], $"/meetings/{slug}/edit");
        return int.Parse(added.Headers.Location!.OriginalString.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task AddTakeawayAsync(int roomId) => app.DbAsync(async db =>
    {
        var author = await db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync();
        db.Takeaways.Add(new Takeaway { RoomId = roomId, Text = "Keep it", CreatedById = author, CreatedAt = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_secretariat_creates_a_meeting_and_a_bad_form_lists_every_problem_and_creates_nothing()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var expert = await app.SignInAsync("expert@demo.local");
        var before = await app.DbAsync(db => db.Meetings.CountAsync());

        var bad = await AppFactory.PostFormAsync(secretariat, "/meetings/new", new()
        {
            ["Title"] = " ", ["VersionId"] = "999999", ["TimeZone"] = "Mars/Olympus", ["FirstDay"] = "next Monday", ["DayCount"] = "20",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        var expertPage = await expert.GetAsync("/meetings/new");
        var afterBad = await app.DbAsync(db => db.Meetings.CountAsync());
        var slug = await CreateMeetingAsync(secretariat, "Réunion régionale: Afrique de l'Est", 3, "2026-05-11", 3);
        var again = await CreateMeetingAsync(secretariat, "Réunion régionale: Afrique de l'Est", 3, "2026-06-01", 1);
        var meeting = await MeetingAsync(slug);
        var list = await secretariat.GetStringAsync("/meetings");
        var agenda = await secretariat.GetAsync($"/meetings/{slug}");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        foreach (var message in new[]
        {
            "Give the meeting a title (at most 300 characters).", "is not a time zone such as", "Choose the draft version the meeting discusses.",
            "Give the first day of the meeting as a date (YYYY-MM-DD).", "A meeting lasts from 1 to 14 days.",
        })
        {
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(badHtml), StringComparison.Ordinal);
        }

        Assert.Equal(before, afterBad);
        Assert.StartsWith("/account/access-denied", expertPage.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("reunion-regionale-afrique-de-l-est", slug);
        Assert.Equal("reunion-regionale-afrique-de-l-est-2", again);
        Assert.Equal("Europe/Zurich", meeting.TimeZone);
        Assert.Equal(3, meeting.Version.Number);
        Assert.Equal([new DateTime(2026, 5, 11), new DateTime(2026, 5, 12), new DateTime(2026, 5, 13)], meeting.Days.Select(d => d.Date).Order().ToList());
        Assert.Contains($"href=\"/meetings/{slug}\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/meetings/new\"", list, StringComparison.Ordinal);
        Assert.Contains("Wednesday 13 May 2026", await agenda.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_cannot_create_a_meeting_by_posting_the_form()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var expert = await app.SignInAsync("expert@demo.local");
        var token = await AppFactory.AntiforgeryTokenAsync(expert, "/account/profile");
        var before = await app.DbAsync(db => db.Meetings.CountAsync());

        var posted = await expert.PostAsync("/meetings/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Expert's own meeting", ["VersionId"] = S(await VersionIdAsync(3)), ["TimeZone"] = "UTC", ["FirstDay"] = "2026-05-11", ["DayCount"] = "1",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/account/access-denied", posted.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.Meetings.CountAsync()));
        Assert.DoesNotContain("href=\"/meetings/new\"", await expert.GetStringAsync("/meetings"), StringComparison.Ordinal);
        Assert.Contains("href=\"/meetings/new\"", await secretariat.GetStringAsync("/meetings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_are_added_moved_and_removed_and_a_day_with_rooms_stays_until_its_session_moves()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var slug = await CreateMeetingAsync(secretariat, "Days test meeting", 3, "2026-09-07", 2);
        var edit = $"/meetings/{slug}/edit";
        var m = await MeetingAsync(slug);
        var (monday, tuesday) = (m.Days.OrderBy(d => d.Date).First(), m.Days.OrderBy(d => d.Date).Last());

        // add a plenary on Monday, a breakout on Tuesday, and a third day
        var first = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f =>
        {
            f["Items[0].Id"] = "0"; f["Items[0].DayId"] = S(monday.Id); f["Items[0].Time"] = "09:00"; f["Items[0].Title"] = "Opening"; f["Items[0].Kind"] = "Plenary";
            f["Items[1].Id"] = "0"; f["Items[1].DayId"] = S(tuesday.Id); f["Items[1].Time"] = "10:00"; f["Items[1].Title"] = "Rooms"; f["Items[1].Kind"] = "Breakout";
            f["Days[2].Id"] = "0"; f["Days[2].Date"] = "2026-09-09";
        }));
        m = await MeetingAsync(slug);
        var rooms = m.Days.SelectMany(d => d.Agenda).Single(a => a.Title == "Rooms");
        var addRoom = await secretariat.PostAsync($"{edit}?handler=AddRoom&itemId={rooms.Id}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(secretariat, edit))]));
        m = await MeetingAsync(slug);

        // removing Tuesday while its breakout session still has a room, and repeating a date, are refused together
        var refused = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f =>
        {
            f["Days[1].Remove"] = "true";
            f["Days[2].Date"] = "2026-09-07";
        }));
        var refusedHtml = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var unchanged = await MeetingAsync(slug);

        // moving the session to Wednesday and removing Tuesday in the same save works
        var wednesday = m.Days.Single(d => d.Date == new DateTime(2026, 9, 9));
        var moved = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f =>
        {
            var i = f.Single(kv => kv.Value == "Rooms").Key[6..^7];
            f[$"Items[{i}].DayId"] = S(wednesday.Id);
            f["Days[1].Remove"] = "true";
            f["Days[0].Date"] = "2026-09-08";
        }));
        var after = await MeetingAsync(slug);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, addRoom.StatusCode);
        Assert.Contains("8 September 2026 still has 'Rooms' on its agenda; move or remove them before removing the day.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("7 September 2026 is in the meeting twice.", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(3, unchanged.Days.Count);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([new DateTime(2026, 9, 8), new DateTime(2026, 9, 9)], after.Days.Select(d => d.Date).Order().ToList());
        var session = after.Days.SelectMany(d => d.Agenda).Single(a => a.Title == "Rooms");
        Assert.Equal(wednesday.Id, session.DayId);
        Assert.Single(session.Rooms);
        Assert.Contains(after.Days.SelectMany(d => d.Agenda), a => a.Title == "Opening" && a.DayId == monday.Id);
    }

    [Fact]
    public async Task The_draft_version_changes_until_a_room_has_recorded_something_and_only_to_one_with_the_rooms_sections()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var slug = await CreateMeetingAsync(secretariat, "Version test meeting", 3, "2026-10-05", 1);
        var edit = $"/meetings/{slug}/edit";
        var roomId = await AddRoomAsync(secretariat, slug, await AddBreakoutSessionAsync(secretariat, slug));
        var (v1, v2, v3) = (await VersionIdAsync(1), await VersionIdAsync(2), await VersionIdAsync(3));
        var onlyInV3 = await app.DbAsync(db => db.Sections.Where(s => s.VersionId == v3 && !db.Sections.Any(o => o.VersionId == v1 && o.Anchor == s.Anchor)).Select(s => s.Anchor).OrderBy(a => a).FirstAsync());
        var roomSaved = await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/rooms/{roomId}/edit", new() { ["Title"] = "Monitoring", ["Sections"] = $"{onlyInV3}, s4" });
        Assert.True(roomSaved.StatusCode == HttpStatusCode.Redirect, await roomSaved.Content.ReadAsStringAsync());
        var m = await MeetingAsync(slug);

        var missingSection = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f => f["VersionId"] = S(v1)));
        Assert.Equal(HttpStatusCode.OK, missingSection.StatusCode);
        var missingHtml = System.Net.WebUtility.HtmlDecode(await missingSection.Content.ReadAsStringAsync());
        var stillV3 = (await MeetingAsync(slug)).Version.Number;
        await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/rooms/{roomId}/edit", new() { ["Title"] = "Monitoring", ["Sections"] = "s4" });
        var moved = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f => f["VersionId"] = S(v2)));
        var nowV2 = (await MeetingAsync(slug)).Version.Number;
        await AddTakeawayAsync(roomId);
        m = await MeetingAsync(slug);
        var afterUse = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f => f["VersionId"] = S(v1)));
        var afterUseHtml = System.Net.WebUtility.HtmlDecode(await afterUse.Content.ReadAsStringAsync());
        var otherGuideline = await AppFactory.PostFormAsync(secretariat, edit, SetupForm(m, f => f["VersionId"] = "999999"));

        Assert.Contains($"'Monitoring' covers {onlyInV3}, which v1 does not have; change the room's sections first.", missingHtml, StringComparison.Ordinal);
        Assert.Equal(3, stillV3);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(2, nowV2);
        Assert.Contains("The rooms have already recorded 1 comment(s) and takeaway(s) on v2, so the meeting stays on v2.", afterUseHtml, StringComparison.Ordinal);
        Assert.Contains("Choose a version of the meeting&#x27;s own guideline.", await otherGuideline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await MeetingAsync(slug)).Version.Number);
    }

    [Fact]
    public async Task An_unused_room_can_be_removed_and_a_room_with_a_takeaway_cannot()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var slug = await CreateMeetingAsync(secretariat, "Room removal meeting", 3, "2026-11-02", 1);
        var session = await AddBreakoutSessionAsync(secretariat, slug);
        var (empty, used) = (await AddRoomAsync(secretariat, slug, session), await AddRoomAsync(secretariat, slug, session));
        await AddTakeawayAsync(used);
        var expert = await app.SignInAsync("expert@demo.local");
        var byExpert = await expert.PostAsync($"/meetings/{slug}/rooms/{empty}/edit?handler=Remove", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await AppFactory.AntiforgeryTokenAsync(expert, "/account/profile"))]));
        var wrongMeeting = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{empty}/edit?handler=Remove", [], $"/meetings/{slug}/rooms/{empty}/edit");
        var removeUsed = await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/rooms/{used}/edit?handler=Remove", [], $"/meetings/{slug}/rooms/{used}/edit");
        var usedPage = await secretariat.GetStringAsync(removeUsed.Headers.Location!.OriginalString);
        var removeEmpty = await AppFactory.PostFormAsync(secretariat, $"/meetings/{slug}/rooms/{empty}/edit?handler=Remove", [], $"/meetings/{slug}/rooms/{empty}/edit");
        var left = await app.DbAsync(db => db.BreakoutRooms.Where(r => r.AgendaItemId == session).Select(r => r.Id).ToListAsync());

        Assert.StartsWith("/account/access-denied", byExpert.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal($"/meetings/egm-2/rooms/{empty}/edit", wrongMeeting.Headers.Location!.OriginalString);
        Assert.Contains("already has notes, comments or takeaways, so it stays part of the meeting", System.Net.WebUtility.HtmlDecode(usedPage), StringComparison.Ordinal);
        Assert.Equal($"/meetings/{slug}/edit", removeEmpty.Headers.Location!.OriginalString);
        Assert.Equal([used], left);
    }
}
