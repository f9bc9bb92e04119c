using GuidelinesReview.Core.Accounts;

namespace GuidelinesReview.Web.Data;

public enum ConsultationAudience
{
    /// <summary>Every signed-in participant who may comment.</summary>
    Everyone,

    /// <summary>Only people whose profile names one of the window's stakeholder groups.</summary>
    StakeholderGroups,
}

/// <summary>
/// An online consultation on one draft version: commenting opens and closes at these UTC times
/// for the audience named. Outside every window of a version that has windows, commenting is refused.
/// </summary>
public sealed class ConsultationWindow
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public DraftVersion Version { get; set; } = null!;
    public string Title { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public ConsultationAudience Audience { get; set; }
    public List<ConsultationGroup> Groups { get; set; } = [];
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class ConsultationGroup
{
    public int WindowId { get; set; }
    public StakeholderGroup Group { get; set; }
}

/// <summary>
/// What the secretariat concludes for a thematic area (and optionally one principle) of a version,
/// in Markdown, with the comments and takeaways that support it.
/// </summary>
public sealed class KeyFinding
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public int AreaTermId { get; set; }
    public GuidelineTerm Area { get; set; } = null!;
    public int? PrincipleTermId { get; set; }
    public GuidelineTerm? Principle { get; set; }
    public string Text { get; set; } = "";
    public string TextHtml { get; set; } = "";
    public int Ordinal { get; set; }
    public string WrittenById { get; set; } = "";
    public DateTime WrittenAt { get; set; }
    public List<KeyFindingComment> Comments { get; set; } = [];
    public List<KeyFindingTakeaway> Takeaways { get; set; } = [];
}

public sealed class KeyFindingComment
{
    public int KeyFindingId { get; set; }
    public int CommentId { get; set; }
}

public sealed class KeyFindingTakeaway
{
    public int KeyFindingId { get; set; }
    public int TakeawayId { get; set; }
}
