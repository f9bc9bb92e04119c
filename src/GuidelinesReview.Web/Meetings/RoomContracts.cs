using GuidelinesReview.Core.Meetings;

namespace GuidelinesReview.Web.Meetings;

/// <summary>A takeaway as the room shows it; <paramref name="Place"/> names its paragraph in words (<see cref="Core.Drafts.BlockPlace.Label"/>).</summary>
public sealed record TakeawayView(int Id, string Text, TakeawayKind Kind, string KindName, string? Anchor, int Ordinal, bool ForPlenary,
    IReadOnlyList<string> Areas, IReadOnlyList<string> Principles, IReadOnlyList<string> SupporterIds, int SupportCount, string? Place = null);

public sealed record HandView(string UserId, string Name, DateTime RaisedAt);

/// <summary>Who has the floor, given it by the moderator at <paramref name="Since"/>.</summary>
public sealed record FloorView(string UserId, string Name, DateTime Since);

/// <summary>What the person may do in the room while it is open.</summary>
public sealed record RoomRights(bool CanModerate, bool CanEditNotes, bool CanEditTakeaways, bool CanSupport);

/// <summary>Everything a room's page shows live.</summary>
public sealed record RoomState(
    int RoomId,
    bool IsOpen,
    string? FocusAnchor,
    DateTime? TimerEndsAt,
    string Notes,
    string NotesHtml,
    int NotesVersion,
    DateTime? NotesSavedAt,
    IReadOnlyList<TakeawayView> Takeaways,
    IReadOnlyList<HandView> Hands,
    RoomRights You,
    FloorView? Floor);

/// <summary>The answer to a notes save: saved (new version), or a conflict with what is there now.</summary>
public sealed record NotesSaveResult(bool Saved, int Version, string Notes, string? Conflict);

public sealed record TakeawayInput(int RoomId, string Text, TakeawayKind Kind, IReadOnlyList<string>? Areas, IReadOnlyList<string>? Principles, string? Anchor);

public sealed record NotesRevisionView(int Version, DateTime SavedAt, string SavedBy, int Length);
