using System.Text.Json;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
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
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private static bool Lists(JsonElement presence, string userId) =>
        presence[1].EnumerateArray().Any(p => p.GetProperty("userId").GetString() == userId);

    private static bool NotesAre(JsonElement e, string text) => e[2].GetString() == text;

    [Fact]
    public async Task A_member_removed_from_the_room_is_told_and_receives_nothing_more_from_it()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6", "expert7");
        var elena = await app.UserIdAsync("expert6");
        var removedId = await app.UserIdAsync("expert7");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var stays = await app.InRoomAsync("expert6", room);
        await using var removed = await app.InRoomAsync("expert7", room);
        await stays.NextEventAsync("PresenceChanged", e => Lists(e, removedId));
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var saved = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{room}/edit", new()
        {
            ["Title"] = "Room without expert7", ["ModeratorId"] = await app.UserIdAsync("moderator3"), ["NoteTakerId"] = await app.UserIdAsync("notetaker3"),
            ["MemberIds"] = elena, ["Sections"] = "s9",
        });
        var told = await removed.NextEventAsync("RemovedFromRoom");
        var presence = await stays.NextEventAsync("PresenceChanged");
        await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Said after expert7 left the room.");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((room, "You are no longer a member of this room."), (told[0].GetInt32(), told[1].GetString()));
        Assert.False(Lists(presence, removedId));
        Assert.True(Lists(presence, elena));
        Assert.True(await stays.ReceivesAsync("NotesChanged", e => NotesAre(e, "Said after expert7 left the room."), TimeSpan.FromSeconds(5)));
        Assert.False(await removed.ReceivesAsync("NotesChanged", _ => true, Quiet));
        Assert.False(await stays.ReceivesAsync("RemovedFromRoom", _ => true, TimeSpan.Zero));
    }

    [Fact]
    public async Task Everyone_looking_at_a_room_that_is_removed_is_told()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var member = await app.InRoomAsync("expert6", room);
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var removedRoom = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{room}/edit?handler=Remove", [], $"/meetings/egm-2/rooms/{room}/edit");
        var told = await member.NextEventAsync("RemovedFromRoom");

        Assert.Equal("/meetings/egm-2/edit", removedRoom.Headers.Location!.OriginalString);
        Assert.Equal("This room was removed from the meeting.", told[1].GetString());
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
        var told = await demoted.NextEventAsync("RemovedFromRoom");
        await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Said after the demotion.");

        Assert.Equal("You are no longer a member of this room.", told[1].GetString());
        Assert.False(await demoted.ReceivesAsync("NotesChanged", _ => true, Quiet));
        Assert.True(await member.ReceivesAsync("NotesChanged", e => NotesAre(e, "Said after the demotion."), TimeSpan.FromSeconds(5)));
        Assert.False(await member.ReceivesAsync("RemovedFromRoom", _ => true, TimeSpan.Zero));
    }
}
