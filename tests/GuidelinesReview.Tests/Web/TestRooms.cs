using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Fresh, open breakout rooms of the sample meeting for tests that change a room's people, notes or
/// takeaways, so the sample rooms stay as other tests expect them.
/// </summary>
public static class TestRooms
{
    /// <summary>A new open room in egm-2's first breakout session, discussing section 9; people by demo account name ("expert6").</summary>
    public static Task<int> NewRoomAsync(this AppFactory app, string moderator, string noteTaker, params string[] members) => app.DbAsync(async db =>
    {
        var session = await db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).SelectMany(d => d.Agenda)
            .Where(a => a.Kind == AgendaKind.Breakout).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var room = new BreakoutRoom
        {
            AgendaItemId = session,
            Ordinal = 100,
            Title = "Test room " + Guid.NewGuid().ToString("N")[..8],
            IsOpen = true,
            ModeratorId = ids[$"{moderator}@demo.local"],
            NoteTakerId = ids[$"{noteTaker}@demo.local"],
        };
        room.Members.AddRange(members.Select(m => new RoomMember { UserId = ids[$"{m}@demo.local"] }));
        room.Sections.Add(new RoomSection { Anchor = "s9" });
        db.BreakoutRooms.Add(room);
        await db.SaveChangesAsync();
        return room.Id;
    });

    /// <summary>A hub connection of a demo account that has joined the room.</summary>
    public static async Task<HubTestClient> InRoomAsync(this AppFactory app, string who, int roomId)
    {
        var hub = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync($"{who}@demo.local"), path: "/hubs/room");
        await hub.InvokeAsync("JoinRoom", roomId);
        return hub;
    }

    public static Task<string> UserIdAsync(this AppFactory app, string who) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == $"{who}@demo.local").Select(u => u.Id).SingleAsync());
}
