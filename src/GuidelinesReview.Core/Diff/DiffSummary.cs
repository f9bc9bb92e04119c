namespace GuidelinesReview.Core.Diff;

/// <summary>How many blocks changed in what way, for one group (a section or a thematic area).</summary>
public sealed record ChangeCounts(int Modified, int Added, int Deleted, int Moved)
{
    public int Total => Modified + Added + Deleted + Moved;
}

public static class DiffSummary
{
    /// <summary>Counts changed blocks per group. A block in several groups (e.g. tagged with two areas) counts once in each.</summary>
    public static IReadOnlyDictionary<string, ChangeCounts> By(DraftDiff diff, Func<BlockPair, IEnumerable<string>> groupsOf)
    {
        var counts = new Dictionary<string, (int M, int A, int D, int V)>(StringComparer.Ordinal);
        foreach (var pair in diff.Pairs.Where(p => IsChange(p)))
        {
            foreach (var group in groupsOf(pair).Distinct())
            {
                var c = counts.GetValueOrDefault(group);
                counts[group] = pair.Change switch
                {
                    BlockChange.Added => c with { A = c.A + 1 },
                    BlockChange.Deleted => c with { D = c.D + 1 },
                    BlockChange.Moved => c with { V = c.V + 1 },
                    _ => c with { M = c.M + 1 },
                };
            }
        }

        return counts.ToDictionary(kv => kv.Key, kv => new ChangeCounts(kv.Value.M, kv.Value.A, kv.Value.D, kv.Value.V), StringComparer.Ordinal);
    }

    /// <summary>A change a reader should look at: everything but unchanged blocks (a renumbered heading counts as modified).</summary>
    public static bool IsChange(BlockPair pair) => pair.Change != BlockChange.Unchanged || pair.Renumbered;
}
