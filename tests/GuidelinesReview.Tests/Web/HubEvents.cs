using System.Reflection;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Tests.Web;

// What the hubs push, as the test client receives it: one record per method of the hubs' client
// interfaces (IReviewClient, IRoomClient), named after it, with its parameters in the same order.
// HubEventTests checks them against the interfaces.

public sealed record CommentChanged(CommentView Comment);

public sealed record CarriedCommentChanged(CarriedView Carried);

/// <summary>Who is looking: <paramref name="Id"/> is the version (review hub) or the room (room hub).</summary>
public sealed record PresenceChanged(int Id, IReadOnlyList<PresenceView> People);

public sealed record RoomChanged(int RoomId, bool IsOpen, string? FocusAnchor, DateTime? TimerEndsAt);

public sealed record NotesChanged(int RoomId, int Version, string Notes, string SavedById, string Html);

public sealed record TakeawaysChanged(int RoomId, IReadOnlyList<TakeawayView> Takeaways);

public sealed record HandsChanged(int RoomId, IReadOnlyList<HandView> Hands, HandView? Called);

public sealed record RemovedFromRoom(int RoomId, string Reason);

/// <summary>The events the test client listens for: one record per method of the hubs' client interfaces.</summary>
public static class HubEvents
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(CommentChanged), typeof(CarriedCommentChanged), typeof(PresenceChanged),
        typeof(RoomChanged), typeof(NotesChanged), typeof(TakeawaysChanged), typeof(HandsChanged), typeof(RemovedFromRoom),
    ];

    /// <summary>The parameter types of each record's constructor, by event name (for checking them against the hubs).</summary>
    public static IReadOnlyDictionary<string, Type[]> Signatures =>
        All.ToDictionary(t => t.Name, t => t.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToArray());

    /// <summary>Every hub client method in the app, found through the Hub&lt;T&gt; classes.</summary>
    public static IEnumerable<MethodInfo> PushedByTheApp() =>
        typeof(Program).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(Hub<>))
            .SelectMany(b => b!.GetGenericArguments()[0].GetMethods());
}
