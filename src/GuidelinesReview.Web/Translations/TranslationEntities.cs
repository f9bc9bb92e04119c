using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Drafts;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// The translation of one segment (a block, or a table cell) of a version into one language.
/// <see cref="SourceText"/> is the source it was translated from: when the version's source
/// differs, the translation is outdated and the workspace shows the word diff of the two.
/// </summary>
public sealed class Translation
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public DraftVersion Version { get; set; } = null!;
    public string Language { get; set; } = "";
    public string SegmentId { get; set; } = "";
    public string BlockAnchor { get; set; } = "";

    public string Text { get; set; } = "";
    public TranslationState State { get; set; }

    /// <summary>
    /// The text last approved, what readers of the localized version see. Approved text changes only
    /// through a new translation that is reviewed again: until then <see cref="Text"/> differs from it.
    /// </summary>
    public string? ApprovedText { get; set; }

    public string SourceText { get; set; } = "";
    public string SourceHash { get; set; } = "";

    /// <summary>Goes up with every save: a save written on an older revision is a conflict, never an overwrite.</summary>
    public int Revision { get; set; }

    public string? TranslatorId { get; set; }
    public AppUser? Translator { get; set; }
    public DateTime? TranslatedAt { get; set; }
    public string? ReviewerId { get; set; }
    public AppUser? Reviewer { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? RejectReason { get; set; }

    /// <summary>Check codes a reviewer waived when approving, and why.</summary>
    public string? WaivedChecks { get; set; }
    public string? WaiverReason { get; set; }

    /// <summary>The translation of the previous version this one was carried from.</summary>
    public int? CarriedFromId { get; set; }

    /// <summary>The source changed when this version was published, and the secretariat marked the change editorial.</summary>
    public bool EditorialChange { get; set; }

    public DateTime UpdatedAt { get; set; }
    public List<TranslationEvent> Events { get; set; } = [];
}

public enum TranslationEventKind
{
    Saved,
    Submitted,
    Approved,
    Rejected,
    Carried,
    Outdated,
    Imported,

    /// <summary>A save that came in on an older revision: kept here, shown beside the newer text.</summary>
    Conflict,
}

/// <summary>The history of a translation: every save, review and carry, with its text at the time.</summary>
public sealed class TranslationEvent
{
    public int Id { get; set; }
    public int TranslationId { get; set; }
    public TranslationEventKind Kind { get; set; }
    public TranslationState State { get; set; }
    public string Text { get; set; } = "";
    public string? Note { get; set; }
    public string? ActorId { get; set; }
    public AppUser? Actor { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A translation of the previous version offered for a segment of this one: from a block that was
/// merged into it or split from it, or (no segment) one whose source is gone, kept to be consulted.
/// </summary>
public sealed class TranslationCandidate
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public string Language { get; set; } = "";
    public string? SegmentId { get; set; }
    public int FromTranslationId { get; set; }
    public Translation FromTranslation { get; set; } = null!;

    /// <summary>merged, split, edited, gone, or import (a unit whose source changed since its export).</summary>
    public string Reason { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A reviewer's (or translator's) remark on the translation of one segment.</summary>
public sealed class TranslationComment
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public string Language { get; set; } = "";
    public string SegmentId { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public AppUser Author { get; set; } = null!;
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A language a translator works in: translates it, and may also review it.</summary>
public sealed class TranslatorLanguage
{
    public string UserId { get; set; } = "";
    public string Language { get; set; } = "";
    public bool Reviews { get; set; }
}

/// <summary>A glossary term of a guideline, with its preferred rendering per language.</summary>
public sealed class GlossaryItem
{
    public int Id { get; set; }
    public int GuidelineId { get; set; }
    public Guideline Guideline { get; set; } = null!;
    public string Term { get; set; } = "";
    public string Note { get; set; } = "";
    public List<GlossaryItemRendering> Renderings { get; set; } = [];
}

public sealed class GlossaryItemRendering
{
    public int GlossaryItemId { get; set; }
    public string Language { get; set; } = "";
    public string Preferred { get; set; } = "";

    /// <summary>Forbidden variants, one a line.</summary>
    public string Forbidden { get; set; } = "";
}
