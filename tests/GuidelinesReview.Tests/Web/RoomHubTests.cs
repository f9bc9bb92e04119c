using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>The breakout-room hub through real WebSocket connections: access matrix and events.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomHubTests(AppFactory app)
{
    private const string Room2 = "Community engagement, participation and capacity"; // moderator2, notetaker2, expert2, expert5, observer
    private const string Room1 = "Digital infrastructure, city services and governance"; // moderator, notetaker, expert, expert3, expert4

    private Task<int> RoomIdAsync(string title) => app.DbAsync(db => db.BreakoutRooms.Where(r => r.Title == title).Select(r => r.Id).FirstAsync());

    private Task<HubTestClient> InRoomAsync(string who, int roomId) => app.InRoomAsync(who, roomId);

    private async Task OpenAsync(int roomId, bool open = true)
    {
        await using var moderator = await InRoomAsync("secretariat", roomId);
        await moderator.InvokeAsync("SetOpen", roomId, open);
    }

    public static TheoryData<string, string, bool> JoinMatrix() => new()
    {
        { "moderator2", Room2, true }, { "notetaker2", Room2, true }, { "expert2", Room2, true }, { "observer", Room2, true },
        { "secretariat", Room2, true }, { "admin", Room2, true },
        { "expert", Room2, false }, { "moderator", Room2, false }, { "notetaker", Room2, false }, { "translator", Room2, false },
    };

    [Theory]
    [MemberData(nameof(JoinMatrix))]
    public async Task Only_the_rooms_people_and_the_secretariat_can_join_its_group(string who, string room, bool allowed)
    {
        var roomId = await RoomIdAsync(room);
        await using var hub = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync($"{who}@demo.local"), path: "/hubs/room");

        if (allowed)
        {
            var state = await hub.InvokeAsync<RoomState>("JoinRoom", roomId);
            Assert.Equal(roomId, state.RoomId);
        }
        else
        {
            var error = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("JoinRoom", roomId));
            Assert.Equal("You are not a member of this breakout room.", error.Message);
        }
    }

    [Fact]
    public async Task Notes_typed_by_the_note_taker_reach_the_members_and_never_another_room()
    {
        var room2 = await RoomIdAsync(Room2);
        var room1 = await RoomIdAsync(Room1);
        await OpenAsync(room2);
        await using var noteTaker = await InRoomAsync("notetaker2", room2);
        await using var member = await InRoomAsync("expert2", room2);
        await using var otherRoom = await InRoomAsync("expert3", room1);
        var version = (await noteTaker.InvokeAsync<RoomState>("JoinRoom", room2)).NotesVersion;

        var saved = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room2, version, "- Reframe the opening paragraph of section 8.");
        var seen = await member.NextAsync<NotesChanged>(e => e.RoomId == room2);

        Assert.True(saved.Saved);
        Assert.Equal(version + 1, saved.Version);
        Assert.Equal("- Reframe the opening paragraph of section 8.", seen.Notes);
        Assert.DoesNotContain(await otherRoom.ReceivedSoFarAsync(), e => e is NotesChanged);
    }

    [Fact]
    public async Task Two_editors_never_silently_overwrite_each_other()
    {
        var room2 = await RoomIdAsync(Room2);
        await OpenAsync(room2);
        await using var noteTaker = await InRoomAsync("notetaker2", room2);
        await using var moderator = await InRoomAsync("moderator2", room2);
        var version = (await moderator.InvokeAsync<RoomState>("JoinRoom", room2)).NotesVersion; // the moderator starts typing on this version

        var first = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room2, version, "Note-taker's text");
        // The moderator's page hears of the new version while its own text is unsaved; its save
        // still names the version that text was written on (room.js keeps it apart).
        var heard = await moderator.NextAsync<NotesChanged>(e => e.Version == first.Version);
        var second = await moderator.InvokeAsync<NotesSaveResult>("SaveNotes", room2, version, "Moderator's text");
        var stored = await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room2).Select(r => r.Notes).SingleAsync());
        var keptMine = await moderator.InvokeAsync<NotesSaveResult>("SaveNotes", room2, second.Version, "Moderator's text"); // "Save my text instead"
        var history = await moderator.InvokeAsync<List<NotesRevisionView>>("NotesHistory", room2);

        Assert.True(first.Saved);
        Assert.Equal("Note-taker's text", heard.Notes);
        Assert.False(second.Saved);
        Assert.Equal(("Note-taker's text", first.Version), (second.Notes, second.Version));
        Assert.StartsWith("Someone else saved the notes", second.Conflict, StringComparison.Ordinal);
        Assert.Equal("Note-taker's text", stored);
        Assert.True(keptMine.Saved);
        Assert.Equal([keptMine.Version, first.Version], history.Take(2).Select(r => r.Version));
    }

    [Fact]
    public async Task Members_cannot_edit_notes_or_use_moderator_controls_and_a_closed_room_is_read_only()
    {
        var room2 = await RoomIdAsync(Room2);
        await OpenAsync(room2);
        await using var member = await InRoomAsync("expert2", room2);
        await using var moderator = await InRoomAsync("moderator2", room2);
        await using var noteTaker = await InRoomAsync("notetaker2", room2);

        var notes = await Assert.ThrowsAsync<HubError>(() => member.InvokeAsync("SaveNotes", room2, 0, "hijack"));
        var close = await Assert.ThrowsAsync<HubError>(() => member.InvokeAsync("SetOpen", room2, false));
        var takeaway = await Assert.ThrowsAsync<HubError>(() => member.InvokeAsync("AddTakeaway", new TakeawayInput(room2, "x", TakeawayKind.Concern, null, null, null)));
        var outOfScope = await Assert.ThrowsAsync<HubError>(() => moderator.InvokeAsync("Focus", room2, "s4-p1"));
        await moderator.InvokeAsync("SetOpen", room2, false);
        var closed = await noteTaker.InvokeAsync<RoomState>("JoinRoom", room2);
        var whileClosed = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room2, closed.NotesVersion, "after closing"));
        await moderator.InvokeAsync("SetOpen", room2, true);

        Assert.Equal("Only the room's note-taker and moderator can edit the notes.", notes.Message);
        Assert.Equal("Only the room's moderator (or the secretariat) can do this.", close.Message);
        Assert.Equal("Only the room's note-taker and moderator can record takeaways.", takeaway.Message);
        Assert.StartsWith("'s4-p1' is outside the sections this room discusses", outOfScope.Message, StringComparison.Ordinal);
        Assert.False(closed.IsOpen);
        Assert.True(closed.You.CanEditNotes); // rights while open; the page combines them with IsOpen
        Assert.Equal("This room is closed: its notes and takeaways can be read but not changed.", whileClosed.Message);
    }

    [Fact]
    public async Task Focus_timer_hands_and_takeaways_reach_every_member()
    {
        var room2 = await RoomIdAsync(Room2);
        await OpenAsync(room2);
        await using var moderator = await InRoomAsync("moderator2", room2);
        await using var member = await InRoomAsync("expert5", room2);
        await using var noteTaker = await InRoomAsync("notetaker2", room2);

        await moderator.InvokeAsync("Focus", room2, "s8.1-p1");
        var focus = await member.NextAsync<RoomChanged>(e => e.FocusAnchor == "s8.1-p1");
        await moderator.InvokeAsync("SetTimer", room2, 15);
        var timer = await member.NextAsync<RoomChanged>(e => e.TimerEndsAt is not null);
        await member.InvokeAsync("SetHand", room2, true);
        var called = await moderator.InvokeAsync<HandView>("CallNext", room2);
        await noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room2, "Name people with disabilities explicitly.", TakeawayKind.Recommendation, ["engagement"], ["community"], "s8-p1"));
        var takeaways = (await member.NextAsync<TakeawaysChanged>(e => e.Takeaways.Count > 0)).Takeaways;
        var added = takeaways.Single(t => t.Text == "Name people with disabilities explicitly.");
        await member.InvokeAsync("SupportTakeaway", added.Id, true);
        await noteTaker.InvokeAsync("SetForPlenary", added.Id, true);
        var after = (await member.NextAsync<TakeawaysChanged>(e => e.Takeaways.Any(t => t.Id == added.Id && t.ForPlenary))).Takeaways;

        Assert.True(focus.IsOpen);
        Assert.InRange(timer.TimerEndsAt!.Value, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        Assert.Equal("Emeka Expert", called.Name);
        var final = after.Single(t => t.Id == added.Id);
        Assert.Equal((1, true, "Recommendation", "s8-p1"), (final.SupportCount, final.ForPlenary, final.KindName, final.Anchor));
        Assert.Equal(["community"], final.Principles);
    }

    [Fact]
    public async Task A_comment_posted_from_a_room_carries_the_room_and_shows_on_the_draft()
    {
        var room2 = await RoomIdAsync(Room2);
        await OpenAsync(room2);
        var v3 = await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3).Select(v => v.Id).SingleAsync());
        await using var member = await app.HubAsync("expert2@demo.local");
        await using var outsider = await app.HubAsync("expert@demo.local");

        var posted = await member.InvokeAsync<GuidelinesReview.Web.Comments.CommentView>("PostComment", CommentTestData.Post(v3, "Raised in room 2.", "s8-p1") with { RoomId = room2 });
        var refused = await Assert.ThrowsAsync<HubError>(() => outsider.InvokeAsync("PostComment", CommentTestData.Post(v3, "Not my room.", "s8-p1") with { RoomId = room2 }));
        var onDraft = await outsider.InvokeAsync<GuidelinesReview.Web.Comments.JoinResult>("JoinVersion", v3, 0);

        Assert.Equal((room2, "egm-2"), (posted.Room!.Id, posted.Room.MeetingSlug));
        Assert.StartsWith("Only the room's members, moderator and note-taker", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Room2, Assert.Single(onDraft.Comments, c => c.Id == posted.Id).Room!.Title);
    }
}
