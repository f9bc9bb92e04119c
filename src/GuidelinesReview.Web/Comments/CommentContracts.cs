using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Comments;

// The JSON shapes of the hub and the HTTP API (camelCase, enums as camelCase strings).
// Documented in the README's "Integrations" section; change both together.

public sealed record QuoteInput(string Exact, string? Prefix, string? Suffix, int? Start);

/// <summary>
/// A new comment or reply. <see cref="Language"/> is the language of the reading view it was written
/// on (null or the version's own language: its source text); a quote is taken only on the source text.
/// </summary>
public sealed record PostCommentInput(
    Guid ClientId,
    int VersionId,
    string? Anchor,
    CommentType Type,
    string Body,
    string? ProposedText,
    QuoteInput? Quote,
    int? ParentId,
    int? RoomId = null,
    string? Language = null);

public sealed record EditCommentInput(int CommentId, CommentType? Type, string Body, string? ProposedText);

/// <summary>
/// A decision. <see cref="Expected"/> is the seq of the decision event the form was built on (0 when
/// it showed "not yet decided"): if a colleague decided since, the save is refused and names their
/// decision. Null skips that check (an API client that means to overwrite).
/// </summary>
public sealed record DispositionInput(int CommentId, Decision Decision, string? Observation, int? AddressedVersionNumber, string? AddressedAnchor, long? Expected = null);

/// <summary>Sets a comment back to "not yet decided"; <see cref="Expected"/> as in <see cref="DispositionInput"/>.</summary>
public sealed record ResetDispositionInput(int CommentId, long? Expected = null);

/// <summary>One comment of a bulk decision, with the decision seq its row showed (see <see cref="DispositionInput.Expected"/>).</summary>
public sealed record BulkTarget(int CommentId, long? Expected = null);

/// <summary>One decision and observation for several comments; "addressed in" is kept as it was on each.</summary>
public sealed record BulkDispositionInput(IReadOnlyList<BulkTarget> Comments, Decision Decision, string? Observation);

/// <summary>What a bulk decision did: a sentence for people, each comment's outcome, and the comments as they now are.</summary>
public sealed record BulkDispositionResult(string Summary, IReadOnlyList<BulkItem> Items, IReadOnlyList<CommentView> Changed);

public sealed record RetagInput(int CommentId, IReadOnlyList<string>? Areas, IReadOnlyList<string>? Principles);

public sealed record AuthorView(string Id, string Name, string Organisation, string StakeholderGroup, string? Region);

public sealed record SupporterView(string Id, string Name);

public sealed record DispositionView(Decision Decision, string DecisionName, string Observation, int? AddressedVersion, string? AddressedAnchor, DateTime DecidedAt);

public sealed record HiddenView(DateTime At, string? Reason);

/// <summary>Where the comment stands in a later version (its path through the drafts).</summary>
public sealed record PlacementView(int Version, string? Anchor, Core.Diff.PlacementStatus Status, bool PassageFound);

/// <summary>
/// A comment as clients see it. <see cref="Seq"/> is the id of its latest change event: clients
/// keep the highest they have seen and catch up from it. For a hidden comment, people who are
/// not secretariat get no body, proposed change or reason. <see cref="Language"/> is the language of
/// the reading view it was written on; null when written on the version's own text.
/// </summary>
public sealed record CommentView(
    int Id,
    long Seq,
    int VersionId,
    int VersionNumber,
    string Anchor,
    int? ParentId,
    Guid ClientId,
    AuthorView Author,
    CommentType Type,
    string? Body,
    string? BodyHtml,
    string? ProposedText,
    QuoteSelector? Quote,
    CommentStatus Status,
    DateTime CreatedAt,
    DateTime? EditedAt,
    int RevisionCount,
    HiddenView? Hidden,
    IReadOnlyList<SupporterView> Supporters,
    DispositionView? Disposition,
    int ReplyCount,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Principles,
    IReadOnlyList<PlacementView> Placements,
    RoomRef? Room = null,
    string? Language = null);

/// <summary>The breakout room (and meeting) a comment was posted from.</summary>
public sealed record RoomRef(int Id, string Title, string MeetingSlug, string MeetingTitle);

/// <summary>A comment made on an earlier version, as placed in this one (read-only here).</summary>
public sealed record CarriedView(CommentView Comment, string? Anchor, Core.Diff.PlacementStatus Status, QuoteSelector? Quote, bool PassageFound);


public sealed record JoinResult(
    int VersionId,
    long Seq,
    IReadOnlyList<CommentView> Comments,
    IReadOnlyList<CarriedView> Carried,
    IReadOnlyList<PresenceView> Viewers,
    bool CanWrite,
    bool CanModerate,
    string? ReadOnlyReason,
    ConsultationView? Consultation = null,
    SupersededView? Superseded = null);

/// <summary>
/// A newer version (<see cref="Newest"/>, published <see cref="PublishedOn"/>) supersedes this one. Unless
/// the secretariat keeps it open, new comments, replies and supports are refused with <see cref="Refusal"/>
/// (the API adds the code <c>version-superseded</c>); null when kept open.
/// </summary>
public sealed record SupersededView(int Newest, DateTime PublishedOn, bool KeptOpen, string? Refusal);

/// <summary>
/// What the version's consultation windows say now (null when it has none): why your comments are
/// refused (posts from a breakout room are exempt), or null; the next opening or closing, when to
/// join again; and the server's time, so a client can time that without trusting its own clock.
/// </summary>
public sealed record ConsultationView(string? Refusal, DateTime? ChangesAt, DateTime Now);

public sealed record RevisionView(CommentType Type, string Body, string? ProposedText, DateTime WrittenAt);

public sealed record EventView(string Kind, string ActorName, string? Note, DateTime At);

public sealed record CommentHistory(int CommentId, IReadOnlyList<RevisionView> Revisions, IReadOnlyList<EventView> Events);
