using System.Net;
using GuidelinesReview.Web.Services;
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

        Assert.Contains("Wednesday 20 November 2024", html, StringComparison.Ordinal);
        Assert.Contains("Thursday 21 November 2024", html, StringComparison.Ordinal);
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
        var rooms = await app.DbAsync(db => db.BreakoutRooms.CountAsync()); // other tests may add rooms
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
        Assert.Equal([financing], await app.DbAsync(db => db.Set<GuidelinesReview.Web.Data.RoomTag>().Where(t => t.RoomId == roomId).Select(t => t.TermId).ToListAsync()));
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
}
