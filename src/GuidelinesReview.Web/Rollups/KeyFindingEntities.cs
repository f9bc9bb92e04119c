using GuidelinesReview.Web.Drafts;

namespace GuidelinesReview.Web.Rollups;

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
