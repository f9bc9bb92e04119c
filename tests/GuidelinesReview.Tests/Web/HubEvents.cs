using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Tests.Web;

// What the hubs push, as the test client receives it: one record per method of the hubs' client
// interfaces (IReviewClient, IRoomClient, ITranslationClient), named after it, with its parameters in
// the same order. HubEventTests checks them against the interfaces.

public sealed record CommentChanged(CommentView Comment);

public sealed record CarriedCommentChanged(CarriedView Carried);

/// <summary>Who is looking: <paramref name="Id"/> is the version (review hub) or the room (room hub).</summary>
public sealed record PresenceChanged(int Id, IReadOnlyList<PresenceView> People);

public sealed record RoomChanged(int RoomId, bool IsOpen, string? FocusAnchor, DateTime? TimerEndsAt);

public sealed record NotesChanged(int RoomId, int Version, string Notes, string SavedById, string Html);

public sealed record TakeawaysChanged(int RoomId, IReadOnlyList<TakeawayView> Takeaways);

public sealed record HandsChanged(int RoomId, IReadOnlyList<HandView> Hands, HandView? Called);

public sealed record FloorChanged(int RoomId, FloorView? Floor);

public sealed record RemovedFromRoom(int RoomId, string Reason);

/// <summary>What the translation hub pushes (ITranslationClient); its PresenceChanged also names the language.</summary>
public static class TranslationEvents
{
    public sealed record TranslationChanged(int VersionId, string Language, TranslationView Translation, string ByUserId);

    public sealed record TranslationCommented(int VersionId, string Language, TranslationCommentView Comment);

    public sealed record PresenceChanged(int VersionId, string Language, IReadOnlyList<PresenceView> People);
}

/// <summary>The events the test client listens for: one record per method of each hub's client interface.</summary>
public static class HubEvents
{
    /// <summary>Each hub's client interface → the records of its events (a connection listens for those of the hub it is connected to).</summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyList<Type>> ByClient = new Dictionary<Type, IReadOnlyList<Type>>
    {
        [typeof(IReviewClient)] = [typeof(CommentChanged), typeof(CarriedCommentChanged), typeof(PresenceChanged)],
        [typeof(IRoomClient)] = [typeof(RoomChanged), typeof(NotesChanged), typeof(TakeawaysChanged), typeof(HandsChanged), typeof(FloorChanged), typeof(PresenceChanged), typeof(RemovedFromRoom)],
        [typeof(ITranslationClient)] = [typeof(TranslationEvents.TranslationChanged), typeof(TranslationEvents.TranslationCommented), typeof(TranslationEvents.PresenceChanged)],
    };

    /// <summary>The records of the events a hub of this type pushes (its Hub&lt;TClient&gt;'s client interface).</summary>
    public static IReadOnlyList<Type> Of(Type hubType)
    {
        for (var type = hubType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Hub<>))
            {
                return ByClient.TryGetValue(type.GetGenericArguments()[0], out var events) ? events : [];
            }
        }

        return [];
    }

    /// <summary>The parameter types of a record's constructor (checked against the hubs).</summary>
    public static Type[] Signature(Type record) => record.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToArray();

    /// <summary>Every hub client interface in the app, found through the Hub&lt;T&gt; classes.</summary>
    public static IEnumerable<Type> ClientsOfTheApp() =>
        typeof(Program).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(Hub<>))
            .Select(b => b!.GetGenericArguments()[0])
            .Distinct();
}
