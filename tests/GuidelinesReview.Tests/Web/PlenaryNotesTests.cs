using System.Net;
using DocumentFormat.OpenXml.Packaging;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>The plenary summary shows every room's notes, read-only, to the meeting's participants, and only to them.</summary>
[Collection(AppCollection.Name)]
public sealed class PlenaryNotesTests(AppFactory app)
{
    private const string Notes = "- Say which older people the notes test means.";

    private async Task<(int Room, string Title)> RoomWithNotesAsync()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        var saved = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, Notes);
        Assert.True(saved.Saved);
        return (room, await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.Title).SingleAsync()));
    }

    [Theory]
    [InlineData("expert2@demo.local")] // member of another room
    [InlineData("moderator@demo.local")] // moderator of another room
    [InlineData("secretariat@demo.local")]
    public async Task A_participant_from_another_room_reads_the_rooms_notes_on_the_summary_and_on_their_own_page(string who)
    {
        var (room, title) = await RoomWithNotesAsync();
        var client = await app.SignInAsync(who);

        var summary = await client.GetStringAsync("/meetings/egm-2/summary");
        var notesPage = await client.GetAsync($"/meetings/egm-2/rooms/{room}/notes");
        var notesHtml = await notesPage.Content.ReadAsStringAsync();
        var roomPage = await client.GetAsync($"/meetings/egm-2/rooms/{room}");

        Assert.Contains("Say which older people the notes test means.</li>", summary, StringComparison.Ordinal);
        Assert.Contains($"href=\"/meetings/egm-2/rooms/{room}/notes\"", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, notesPage.StatusCode);
        Assert.Contains($"Notes of {title}", notesHtml, StringComparison.Ordinal);
        Assert.Contains("Say which older people the notes test means.</li>", notesHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"notes-text\"", notesHtml, StringComparison.Ordinal); // read-only: no editor
        Assert.Equal(who.StartsWith("secretariat", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, roomPage.StatusCode);
    }

    [Theory]
    [InlineData("translator@demo.local")]
    [InlineData("translator4@demo.local")]
    public async Task Someone_in_none_of_the_meetings_rooms_is_refused_the_notes_and_the_summary_shows_none(string who)
    {
        var (room, _) = await RoomWithNotesAsync();
        var client = await app.SignInAsync(who);
        Assert.False(await app.DbAsync(db => db.BreakoutRooms.AnyAsync(r => r.Members.Any(m => m.User.Email == who) || r.Moderator!.Email == who || r.NoteTaker!.Email == who)));

        var summary = await client.GetStringAsync("/meetings/egm-2/summary");
        var notesPage = await client.GetAsync($"/meetings/egm-2/rooms/{room}/notes");
        var missing = await client.GetAsync("/meetings/egm-2/rooms/999999/notes");

        Assert.DoesNotContain("Say which older people the notes test means", summary, StringComparison.Ordinal);
        Assert.Contains("The rooms&#x27; notes are for the people in this meeting&#x27;s rooms and the secretariat.", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notesPage.StatusCode);
        var refusal = await notesPage.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Say which older people the notes test means", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_word_summary_links_every_room_on_the_public_address_never_the_request_host()
    {
        await using var configured = new ConfiguredAppFactory("Development", new Dictionary<string, string> { ["GuidelinesReview:PublicBaseUrl"] = "https://review.example.org/" });
        var client = await configured.SignInAsync("secretariat@demo.local");

        var response = await client.GetAsync("/meetings/egm-2/summary?format=docx");
        using var copy = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(copy, false);
        var main = document.MainDocumentPart!;
        var links = main.HyperlinkRelationships.Select(r => r.Uri.ToString()).ToList();
        var rooms = await configured.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).Select(r => r.Id).ToListAsync());
        var markdown = await client.GetStringAsync("/meetings/egm-2/summary?format=md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rooms.Count, links.Count);
        Assert.All(links, l => Assert.StartsWith("https://review.example.org/meetings/egm-2/rooms/", l, StringComparison.Ordinal));
        Assert.Equal(rooms.Select(id => $"https://review.example.org/meetings/egm-2/rooms/{id}/notes").Order(), links.Order());
        Assert.Equal(rooms.Count, main.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.Hyperlink>().Count());
        Assert.DoesNotContain("localhost", main.Document.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", markdown, StringComparison.Ordinal);
        Assert.Contains("Notes: https://review.example.org/meetings/egm-2/rooms/", markdown, StringComparison.Ordinal);
    }
}
