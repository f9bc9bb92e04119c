namespace GuidelinesReview.Core.Rollups;

/// <summary>A key finding's place (thematic area, optionally one principle) and the comments and takeaways it rests on.</summary>
public sealed record FindingLinks(int Id, int Area, int? Principle, IReadOnlySet<int> Comments, IReadOnlySet<int> Takeaways)
{
    public bool Covers(RollupItem item) => item.Kind switch
    {
        RollupItemKind.Comment => Comments.Contains(item.Id),
        RollupItemKind.Takeaway => Takeaways.Contains(item.Id),
        _ => false,
    };
}

/// <summary>How far the key findings account for what was heard: items per finding, and items no finding covers yet.</summary>
public static class KeyFindingCoverage
{
    /// <summary>For each finding, how many of the rollup's (filtered) items it covers.</summary>
    public static IReadOnlyDictionary<int, int> Covered(Rollup rollup, IEnumerable<FindingLinks> findings) =>
        findings.ToDictionary(f => f.Id, f => rollup.Items.Count(f.Covers));

    /// <summary>
    /// Comments and takeaways in an area (or one cell of it, when <paramref name="principle"/> is
    /// given) that no finding covers. Notes are never linked, so they are not listed.
    /// </summary>
    public static IReadOnlyList<RollupItem> Uncovered(Rollup rollup, IReadOnlyList<FindingLinks> findings, int area, int? principle = null)
    {
        var comments = findings.SelectMany(f => f.Comments).ToHashSet();
        var takeaways = findings.SelectMany(f => f.Takeaways).ToHashSet();
        var items = principle is { } p ? rollup.ItemsIn(area, p) : rollup.ItemsInArea(area);
        return items.Where(i => i.Kind switch
        {
            RollupItemKind.Comment => !comments.Contains(i.Id),
            RollupItemKind.Takeaway => !takeaways.Contains(i.Id),
            _ => false,
        }).ToList();
    }
}
