using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>A room's notes through the hub: their size, their history.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomNotesHubTests(AppFactory app)
{
    private async Task<(string Notes, int Version)> StoredAsync(int room)
    {
        var stored = await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => new { r.Notes, r.NotesVersion }).SingleAsync());
        return (stored.Notes, stored.NotesVersion);
    }

    [Fact]
    public async Task Long_notes_up_to_the_limit_are_saved_and_longer_ones_refused_without_losing_the_connection()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);
        var long150k = new string('城', 150_000); // 450 KB of UTF-8, well over the hub's usual 128 KB

        var saved = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, long150k);
        var seen = await member.NextAsync<NotesChanged>();
        var tooLong = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room, saved.Version, new string('a', RoomService.MaxNotes + 1)));
        var stillConnected = await noteTaker.InvokeAsync<RoomState>("JoinRoom", room);

        Assert.True(saved.Saved);
        Assert.Equal(150_000, seen.Notes.Length);
        Assert.Equal("The notes are 200,001 characters long; at most 200,000 are kept.", tooLong.Message);
        Assert.Equal((long150k, 1), await StoredAsync(room));
        Assert.Equal(1, stillConnected.NotesVersion);
    }

    [Fact]
    public async Task One_persons_saves_close_together_make_one_revision_and_every_persons_edits_stay_restorable()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var moderator = await app.InRoomAsync("moderator3", room);
        async Task<int> SaveAsync(HubTestClient who, int version, string text)
        {
            var result = await who.InvokeAsync<NotesSaveResult>("SaveNotes", room, version, text);
            Assert.True(result.Saved, result.Conflict);
            return result.Version;
        }

        async Task<List<(int, int)>> HistoryAsync() =>
            (await noteTaker.InvokeAsync<List<NotesRevisionView>>("NotesHistory", room)).Select(r => (r.Version, r.Length)).ToList();

        var typed = await SaveAsync(noteTaker, 0, "- a");
        typed = await SaveAsync(noteTaker, typed, "- ab");
        typed = await SaveAsync(noteTaker, typed, "- abc");
        var afterTyping = await HistoryAsync();
        var byModerator = await SaveAsync(moderator, typed, "- abc\n- moderator");
        var again = await SaveAsync(noteTaker, byModerator, "- abc\n- moderator\n- d");
        await app.DbAsync(async db =>
        {
            var revision = await db.NotesRevisions.SingleAsync(r => r.RoomId == room && r.Version == again);
            revision.SavedAt -= TimeSpan.FromMinutes(3); // as if the note-taker paused for three minutes
            return await db.SaveChangesAsync();
        });
        var later = await SaveAsync(noteTaker, again, "- abc\n- moderator\n- de");
        var restored = await noteTaker.InvokeAsync<NotesSaveResult>("RestoreNotes", room, typed);

        Assert.Equal([(3, 5)], afterTyping);
        Assert.Equal((4, 5, 6), (byModerator, again, later));
        Assert.Equal((true, 7, "- abc"), (restored.Saved, restored.Version, restored.Notes));
        Assert.Equal([(7, 5), (6, 22), (5, 21), (4, 17), (3, 5)], await HistoryAsync());
        Assert.Equal(5, await app.DbAsync(db => db.NotesRevisions.CountAsync(r => r.RoomId == room)));
    }

    [Fact]
    public async Task Two_tabs_of_one_note_taker_saving_at_the_same_moment_never_silently_overwrite_each_other()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var tab1 = await app.InRoomAsync("notetaker3", room);
        await using var tab2 = await app.InRoomAsync("notetaker3", room);
        var version = (await tab1.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Start")).Version;

        for (var i = 0; i < 25; i++)
        {
            var results = await Task.WhenAll(
                tab1.InvokeAsync<NotesSaveResult>("SaveNotes", room, version, $"Tab 1, round {i}"),
                tab2.InvokeAsync<NotesSaveResult>("SaveNotes", room, version, $"Tab 2, round {i}"));

            var saved = Assert.Single(results, r => r.Saved);
            Assert.StartsWith("Someone else saved the notes", results.Single(r => !r.Saved).Conflict, StringComparison.Ordinal);
            Assert.Equal((saved.Notes, saved.Version), await StoredAsync(room));
            version = saved.Version;
        }
    }

    [Fact]
    public async Task Members_receive_the_notes_rendered_as_safe_html_as_the_page_shows_them()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);

        await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "- **Name** older people\n- [see](javascript:alert(1))");
        var html = (await member.NextAsync<NotesChanged>()).Html;
        var onJoin = await member.InvokeAsync<RoomState>("JoinRoom", room);
        var deep = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room, 1, new string('>', 200) + " quoted too deeply"));

        Assert.Contains("<li><strong>Name</strong> older people</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html, onJoin.NotesHtml);
        Assert.Equal("The text has lists or quotes nested 200 levels deep (line 1); at most 48 levels are accepted.", deep.Message);
        Assert.Equal(1, (await StoredAsync(room)).Version);
    }
}
