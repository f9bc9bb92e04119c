namespace GuidelinesReview.Web.Meetings;

/// <summary>The one place room group names are built.</summary>
public static class RoomGroups
{
    public static string Room(int roomId) => $"room:{roomId}";
}
