using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// The translation of one segment as the workspace shows it. <see cref="SourceDiff"/> is the word
/// diff from the source it was translated from to the current source, when they differ (outdated).
/// </summary>
public sealed record TranslationView(
    string SegmentId,
    string Text,
    TranslationState State,
    int Revision,
    string? TranslatorId,
    string? Translator,
    DateTime? TranslatedAt,
    string? Reviewer,
    DateTime? ReviewedAt,
    string? RejectReason,
    string? ApprovedText,
    bool EditorialChange,
    string? WaivedChecks,
    string? WaiverReason,
    IReadOnlyList<WordChange>? SourceDiff,
    IReadOnlyList<TranslationIssue> Issues);

/// <summary>What a save came to. Not saved: <see cref="Conflict"/> says why, and <see cref="Current"/> is the newer text, to show beside yours.</summary>
public sealed record TranslationSaveResult(bool Saved, TranslationView? Current, string? Conflict);

public sealed record TranslationCommentView(int Id, string SegmentId, string Author, string Body, DateTime CreatedAt);

public sealed record TranslationEventView(string Kind, TranslationState State, string Text, string? Note, string? Actor, DateTime At, int VersionNumber);

public sealed record CandidateView(int Id, string? SegmentId, string Reason, string Text, int FromVersionNumber, string FromSegmentId);

/// <summary>What <see cref="TranslationHub.JoinWorkspace"/> answers: who you are here, and who else is.</summary>
public sealed record WorkspaceJoined(TranslationRights Rights, IReadOnlyList<PresenceView> People);
