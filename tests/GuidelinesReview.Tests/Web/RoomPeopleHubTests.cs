using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// People taken out of a room while their page is open (only listening, calling nothing) stop
/// receiving it at once: removed from the room, the room removed, or their role taken away.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RoomPeopleHubTests(AppFactory app)
{
    private static bool Lists(PresenceChanged presence, string userId) => presence.People.Any(p => p.UserId == userId);

    [Fact]
    public async Task A_member_removed_from_the_room_is_told_and_receives_nothing_more_from_it()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6", "expert7");
        var elena = await app.UserIdAsync("expert6");
        var removedId = await app.UserIdAsync("expert7");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var stays = await app.InRoomAsync("expert6", room);
        await using var removed = await app.InRoomAsync("expert7", room);
        await stays.NextAsync<PresenceChanged>(e => Lists(e, removedId));
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var saved = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{room}/edit", new()
        {
            ["Title"] = "Room without expert7", ["ModeratorId"] = await app.UserIdAsync("moderator3"), ["NoteTakerId"] = await app.UserIdAsync("notetaker3"),
            ["MemberIds"] = elena, ["Sections"] = "s9",
        });
        var told = await removed.NextAsync<RemovedFromRoom>();
        var presence = await stays.NextAsync<PresenceChanged>(); // the next list after the one with expert7
        await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Said after expert7 left the room.");
        var heard = await stays.NextAsync<NotesChanged>();

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((room, "You are no longer a member of this room."), (told.RoomId, told.Reason));
        Assert.False(Lists(presence, removedId));
        Assert.True(Lists(presence, elena));
        Assert.Equal("Said after expert7 left the room.", heard.Notes);
        Assert.DoesNotContain(await removed.ReceivedSoFarAsync(), e => e is NotesChanged);
        Assert.DoesNotContain(await stays.ReceivedSoFarAsync(), e => e is RemovedFromRoom);
    }

    [Fact]
    public async Task Everyone_looking_at_a_room_that_is_removed_is_told()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var member = await app.InRoomAsync("expert6", room);
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var removedRoom = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{room}/edit?handler=Remove", [], $"/meetings/egm-2/rooms/{room}/edit");
        var told = await member.NextAsync<RemovedFromRoom>();

        Assert.Equal("/meetings/egm-2/edit", removedRoom.Headers.Location!.OriginalString);
        Assert.Equal((room, "This room was removed from the meeting."), (told.RoomId, told.Reason));
    }

    [Fact]
    public async Task A_secretary_demoted_while_listening_to_a_room_they_are_not_in_is_taken_out_of_it()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        var email = $"demoted-room-{Guid.NewGuid():N}"[..24] + "@example.org";
        await app.CreateUserAsync(email, "demoted-password-2", Roles.Secretariat);
        var userId = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await using var demoted = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync(email, "demoted-password-2"), path: "/hubs/room");
        await demoted.InvokeAsync("JoinRoom", room);
        await using var member = await app.InRoomAsync("expert6", room);
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);

        await app.ScopedAsync(sp => sp.GetRequiredService<GuidelinesReview.Web.Accounts.AccountService>().SetRolesAsync("test", userId, [Roles.Expert]));
        var told = await demoted.NextAsync<RemovedFromRoom>();
        await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Said after the demotion.");
        var heard = await member.NextAsync<NotesChanged>();

        Assert.Equal("You are no longer a member of this room.", told.Reason);
        Assert.Equal("Said after the demotion.", heard.Notes);
        Assert.DoesNotContain(await demoted.ReceivedSoFarAsync(), e => e is NotesChanged);
        Assert.DoesNotContain(await member.ReceivedSoFarAsync(), e => e is RemovedFromRoom);
    }
}
