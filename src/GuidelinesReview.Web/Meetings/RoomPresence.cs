using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Meetings;

/// <summary>Who is in which room now (one connection, one room).</summary>
public sealed class RoomPresence : PresenceTracker
{
    public override IReadOnlyList<string> GroupsOf(int roomId) => [RoomGroups.Room(roomId)];
}
