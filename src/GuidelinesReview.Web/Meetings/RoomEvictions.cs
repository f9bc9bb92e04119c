using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

/// <summary>
/// Takes connections out of a room's live group once their person may no longer enter it: removed
/// from the room, the room removed, or a role taken away. The hub checks membership only when a
/// method is called, and a page that only listens calls nothing: without this it would keep
/// receiving the room's notes and stay in its presence list.
/// </summary>
public sealed partial class RoomEvictions(AppDbContext db, RoomPresence presence, IHubContext<RoomHub, IRoomClient> hub, ILogger<RoomEvictions> logger)
{
    public const string NoLongerMember = "You are no longer a member of this room.";
    public const string RoomRemoved = "This room was removed from the meeting.";

    /// <summary>After a room's people changed: whoever is connected and may no longer enter leaves.</summary>
    public Task RecheckRoomAsync(int roomId, CancellationToken ct) =>
        RecheckAsync(presence.Connections().Where(c => c.Place == roomId).ToList(), ct);

    /// <summary>After a person's roles changed: each room they are connected to is checked again.</summary>
    public Task RecheckPersonAsync(string userId, CancellationToken ct) =>
        RecheckAsync(presence.Connections().Where(c => c.Person.UserId == userId).ToList(), ct);

    /// <summary>The room is gone: everyone connected to it leaves.</summary>
    public Task EmptyAsync(int roomId) =>
        EvictAsync(roomId, presence.Connections().Where(c => c.Place == roomId).Select(c => c.ConnectionId).ToList(), RoomRemoved);

    private async Task RecheckAsync(IReadOnlyList<(string ConnectionId, int Place, PresenceView Person)> connections, CancellationToken ct)
    {
        foreach (var room in connections.GroupBy(c => c.Place))
        {
            var mayEnter = await MayEnterAsync(room.Key, room.Select(c => c.Person.UserId).Distinct().ToList(), ct);
            await EvictAsync(room.Key, room.Where(c => !mayEnter.Contains(c.Person.UserId)).Select(c => c.ConnectionId).ToList(), NoLongerMember);
        }
    }

    /// <summary>Which of these people may enter the room now: by its people and by their roles in the database, not in their (older) sign-in.</summary>
    private async Task<HashSet<string>> MayEnterAsync(int roomId, List<string> userIds, CancellationToken ct)
    {
        var room = await db.BreakoutRooms.AsNoTracking().Where(r => r.Id == roomId)
            .Select(r => new { r.ModeratorId, r.NoteTakerId, Members = r.Members.Select(m => m.UserId).ToList() }).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return [];
        }

        var roles = (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        return userIds
            .Where(id => RoomAccess.Allows(RoomPerson.Of(id, room.Members, room.ModeratorId, room.NoteTakerId, roles[id].ToHashSet(StringComparer.Ordinal)), RoomAction.Enter))
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task EvictAsync(int roomId, IReadOnlyList<string> connectionIds, string reason)
    {
        var evicted = 0;
        foreach (var id in connectionIds.Where(id => presence.PlaceOf(id) == roomId))
        {
            await hub.Groups.RemoveFromGroupAsync(id, RoomGroups.Room(roomId));
            presence.Leave(id);
            await hub.Clients.Client(id).RemovedFromRoom(roomId, reason);
            evicted++;
        }

        if (evicted > 0)
        {
            LogEvicted(evicted, roomId, reason);
            await hub.Clients.Group(RoomGroups.Room(roomId)).PresenceChanged(roomId, presence.People(roomId));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} connection(s) taken out of room {RoomId}: {Reason}")]
    private partial void LogEvicted(int count, int roomId, string reason);
}
