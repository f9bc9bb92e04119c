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
        var seen = await member.NextEventAsync("NotesChanged");
        var tooLong = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room, saved.Version, new string('a', RoomService.MaxNotes + 1)));
        var stillConnected = await noteTaker.InvokeAsync<RoomState>("JoinRoom", room);

        Assert.True(saved.Saved);
        Assert.Equal(150_000, seen[2].GetString()!.Length);
        Assert.Equal("The notes are 200,001 characters long; at most 200,000 are kept.", tooLong.Message);
        Assert.Equal((long150k, 1), await StoredAsync(room));
        Assert.Equal(1, stillConnected.NotesVersion);
    }
}
