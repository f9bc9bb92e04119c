using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

/// <summary>
/// A breakout room live, at <c>/hubs/room</c>. Joining checks membership on the server; only
/// then is the connection added to the room's group, so nobody receives another room's events.
/// </summary>
[Authorize]
[HubMessageLimit(RoomService.MaxNotesMessageBytes)]
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

    public Task StopTimer(int roomId) => rooms.StopTimerAsync(Caller, roomId, Context.ConnectionAborted);

    public Task AddMinute(int roomId) => rooms.AddMinuteAsync(Caller, roomId, Context.ConnectionAborted);

    public Task ClearFloor(int roomId) => rooms.ClearFloorAsync(Caller, roomId, Context.ConnectionAborted);

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

