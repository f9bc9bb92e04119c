using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

public interface IRoomClient
{
    Task RoomChanged(int roomId, bool isOpen, string? focusAnchor, DateTime? timerEndsAt);

    /// <summary>New notes: the Markdown (for editors) and the safe HTML members see, rendered as on the page.</summary>
    Task NotesChanged(int roomId, int version, string notes, string savedById, string html);

    Task TakeawaysChanged(int roomId, IReadOnlyList<TakeawayView> takeaways);

    Task HandsChanged(int roomId, IReadOnlyList<HandView> hands, HandView? called);

    Task PresenceChanged(int roomId, IReadOnlyList<PresenceView> people);

    /// <summary>This connection was taken out of the room (removed from it, the room removed, or a role taken away); the page stops.</summary>
    Task RemovedFromRoom(int roomId, string reason);
}

/// <summary>Who is in which room now (one connection, one room).</summary>
public sealed class RoomPresence : PresenceTracker
{
    public override IReadOnlyList<string> GroupsOf(int roomId) => [RoomGroups.Room(roomId)];
}

public static class RoomGroups
{
    public static string Room(int roomId) => $"room:{roomId}";
}

/// <summary>
/// A breakout room live, at <c>/hubs/room</c>. Joining checks membership on the server; only
/// then is the connection added to the room's group, so nobody receives another room's events.
/// </summary>
[Authorize]
public sealed class RoomHub(RoomService rooms, RoomPresence presence, AppDbContext db, IHubContext<RoomHub, IRoomClient> hub) : Hub<IRoomClient>
{
    private Caller Caller => Caller.From(Context.User!);

    public async Task<RoomState> JoinRoom(int roomId)
    {
        var caller = Caller;
        var (room, person) = await rooms.EnterAsync(caller, roomId, Context.ConnectionAborted);
        if (presence.PlaceOf(Context.ConnectionId) is { } previous && previous != roomId)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Room(previous));
            presence.Leave(Context.ConnectionId);
            await SendPresenceAsync(previous);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Room(roomId));
        var name = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.DisplayName).SingleAsync(Context.ConnectionAborted);
        var role = person.IsModerator ? "Moderator" : person.IsNoteTaker ? "Note-taker" : person.IsMember ? "Member" : "Secretariat";
        presence.Join(Context.ConnectionId, roomId, new PresenceView(caller.UserId, name, role));
        await SendPresenceAsync(roomId);
        return await rooms.StateAsync(room, person, Context.ConnectionAborted);
    }

    public Task SetOpen(int roomId, bool open) => rooms.SetOpenAsync(Caller, roomId, open, Context.ConnectionAborted);

    public Task Focus(int roomId, string anchor) => rooms.FocusAsync(Caller, roomId, anchor, Context.ConnectionAborted);

    public Task SetTimer(int roomId, int minutes) => rooms.SetTimerAsync(Caller, roomId, minutes, Context.ConnectionAborted);

    public Task SetHand(int roomId, bool raised) => rooms.SetHandAsync(Caller, roomId, raised, Context.ConnectionAborted);

    public Task<HandView?> CallNext(int roomId) => rooms.CallNextAsync(Caller, roomId, Context.ConnectionAborted);

    public Task<NotesSaveResult> SaveNotes(int roomId, int baseVersion, string notes) => rooms.SaveNotesAsync(Caller, roomId, baseVersion, notes ?? "", Context.ConnectionAborted);

    public Task<IReadOnlyList<NotesRevisionView>> NotesHistory(int roomId) => rooms.NotesHistoryAsync(Caller, roomId, Context.ConnectionAborted);

    public Task<NotesSaveResult> RestoreNotes(int roomId, int version) => rooms.RestoreNotesAsync(Caller, roomId, version, Context.ConnectionAborted);

    public Task AddTakeaway(TakeawayInput input) => rooms.AddTakeawayAsync(Caller, input, Context.ConnectionAborted);

    public Task ReorderTakeaways(int roomId, IReadOnlyList<int> order) => rooms.ReorderTakeawaysAsync(Caller, roomId, order ?? [], Context.ConnectionAborted);

    public Task SetForPlenary(int takeawayId, bool forPlenary) => rooms.SetForPlenaryAsync(Caller, takeawayId, forPlenary, Context.ConnectionAborted);

    public Task SupportTakeaway(int takeawayId, bool support) => rooms.SupportTakeawayAsync(Caller, takeawayId, support, Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Leave(Context.ConnectionId) is { } roomId)
        {
            await SendPresenceAsync(roomId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task SendPresenceAsync(int roomId) => hub.Clients.Group(RoomGroups.Room(roomId)).PresenceChanged(roomId, presence.People(roomId));
}

/// <summary>Pushes committed room changes to the room's group only.</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub)
{
    public Task RoomChangedAsync(int roomId, bool isOpen, string? focus, DateTime? timerEndsAt) =>
        hub.Clients.Group(RoomGroups.Room(roomId)).RoomChanged(roomId, isOpen, focus, timerEndsAt);

    public Task NotesChangedAsync(int roomId, int version, string notes, string savedById, string html) =>
        hub.Clients.Group(RoomGroups.Room(roomId)).NotesChanged(roomId, version, notes, savedById, html);

    public Task TakeawaysChangedAsync(int roomId, IReadOnlyList<TakeawayView> takeaways) =>
        hub.Clients.Group(RoomGroups.Room(roomId)).TakeawaysChanged(roomId, takeaways);

    public Task HandsChangedAsync(int roomId, IReadOnlyList<HandView> hands, HandView? called) =>
        hub.Clients.Group(RoomGroups.Room(roomId)).HandsChanged(roomId, hands, called);
}
