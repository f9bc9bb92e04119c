using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Meetings;

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

    public Task FloorChangedAsync(int roomId, FloorView? floor) =>
        hub.Clients.Group(RoomGroups.Room(roomId)).FloorChanged(roomId, floor);
}
