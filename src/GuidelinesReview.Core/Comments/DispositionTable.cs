namespace GuidelinesReview.Core.Comments;

/// <summary>
/// One comment (not a reply) as a line of the disposition table. <see cref="Language"/> is the
/// language of the reading view it was written on: the version's own language when written on it.
/// </summary>
public sealed record DispositionRow(
    int CommentId,
    string Anchor,
    IReadOnlyList<string> SectionAnchors,
    CommentType Type,
    CommentStatus Status,
    bool Hidden,
    Decision? Decision,
    IReadOnlySet<string> Areas,
    IReadOnlySet<string> Principles,
    string StakeholderGroup,
    string? Region,
    string Language = "en");

/// <summary>
/// The secretariat's filters; null means "any". <see cref="Undecided"/> keeps only comments
/// still waiting for a decision. A section filter includes its subsections.
/// </summary>
public sealed record DispositionFilter(
    string? Section = null,
    CommentType? Type = null,
    Decision? Decision = null,
    bool Undecided = false,
    string? Area = null,
    string? Principle = null,
    string? StakeholderGroup = null,
    string? Region = null,
    string? Language = null)
{
    public bool IsEmpty => this == new DispositionFilter();

    public bool Matches(DispositionRow row) =>
        (Section is null || row.SectionAnchors.Contains(Section)) &&
        (Type is null || row.Type == Type) &&
        (Decision is null || row.Decision == Decision) &&
        (!Undecided || row.Decision is null) &&
        (Area is null || row.Areas.Contains(Area)) &&
        (Principle is null || row.Principles.Contains(Principle)) &&
        (StakeholderGroup is null || row.StakeholderGroup == StakeholderGroup) &&
        (Region is null || row.Region == Region) &&
        (Language is null || string.Equals(row.Language, Language, StringComparison.OrdinalIgnoreCase));
}

/// <summary>"n of m dispositioned": withdrawn comments need no decision and are not counted.</summary>
public sealed record DispositionProgress(int Decided, int Total)
{
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Decided / Total);

    public static DispositionProgress Of(IEnumerable<DispositionRow> rows)
    {
        var needed = rows.Where(r => r.Status != CommentStatus.Withdrawn).ToList();
        return new DispositionProgress(needed.Count(r => r.Decision is not null), needed.Count);
    }
}
