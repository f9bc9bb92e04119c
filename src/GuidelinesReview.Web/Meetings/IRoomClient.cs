using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Meetings;

/// <summary>What the server pushes to the people connected to a breakout room.</summary>
public interface IRoomClient
{
    Task RoomChanged(int roomId, bool isOpen, string? focusAnchor, DateTime? timerEndsAt);

    /// <summary>New notes: the Markdown (for editors) and the safe HTML members see, rendered as on the page.</summary>
    Task NotesChanged(int roomId, int version, string notes, string savedById, string html);

    Task TakeawaysChanged(int roomId, IReadOnlyList<TakeawayView> takeaways);

    Task HandsChanged(int roomId, IReadOnlyList<HandView> hands, HandView? called);

    /// <summary>The floor was given to someone, or cleared (null); shown until the next change.</summary>
    Task FloorChanged(int roomId, FloorView? floor);

    Task PresenceChanged(int roomId, IReadOnlyList<PresenceView> people);

    /// <summary>This connection was taken out of the room (removed from it, the room removed, or a role taken away); the page stops.</summary>
    Task RemovedFromRoom(int roomId, string reason);
}
