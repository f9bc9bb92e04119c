using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Core.Diff;

public enum PlacementStatus
{
    /// <summary>The block is in the new version with the same text (maybe elsewhere or under a new number).</summary>
    Unchanged,

    /// <summary>The block was edited (similarity at or above the threshold), or its passage was found in another block.</summary>
    Modified,

    /// <summary>The text is gone: the comment is listed apart, never attached to look-alike text.</summary>
    Orphaned,
}

/// <summary>Where a comment on the older version stands in the newer one.</summary>
public sealed record CommentAnchor(int CommentId, string Anchor, QuoteSelector? Quote);

/// <summary>
/// The placement of a comment in the newer version. <see cref="Quote"/> is the passage re-found
/// in the new block; <see cref="PassageFound"/> is false when the comment had a passage that no
/// longer occurs there (the block is still the right one, the words changed).
/// </summary>
public sealed record Placement(int CommentId, PlacementStatus Status, string? Anchor, QuoteSelector? Quote, bool PassageFound, double Similarity);

/// <summary>
/// Maps comments from one version to the next using the block alignment. A comment whose block
/// was deleted is re-found only by its exact passage (with matching context) or when nearly all
/// of its block's words (<see cref="ContainmentThreshold"/>) stand in one new block, as when two
/// paragraphs are merged. Anything less is orphaned.
/// </summary>
public static class CarryForward
{
    public const double ContainmentThreshold = 0.8;

    /// <summary>Context characters (prefix + suffix) that must match to re-find a passage outside its block
    /// (or all the context it had, when it had less).</summary>
    public const int MinimumContext = 16;

    /// <summary>Characters of verbatim text (passage + matching context) needed to re-find a passage outside its block:
    /// a short word with a little shared template around it ("per cent of its") is not evidence.</summary>
    public const int MinimumVerbatim = 32;

    public static IReadOnlyList<Placement> Place(DraftDiff diff, IReadOnlyList<BlockRef> newBlocks, IEnumerable<CommentAnchor> comments)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        int[]? [] newWords = new int[]?[newBlocks.Count];
        int[] NewWords(int j) => newWords[j] ??= Similarity.WordSet(BlockAligner.ComparableText(newBlocks[j]), vocabulary);

        var placements = new List<Placement>();
        foreach (var comment in comments)
        {
            var pair = diff.ForOldAnchor(comment.Anchor);
            if (pair?.New is { } block)
            {
                placements.Add(InBlock(comment, pair, block));
                continue;
            }

            placements.Add(pair?.Old is { } old ? Search(comment, old, newBlocks, NewWords, vocabulary) : Orphan(comment));
        }

        return placements;
    }

    private static Placement InBlock(CommentAnchor comment, BlockPair pair, BlockRef block)
    {
        var status = pair.TextChanged && !pair.Renumbered ? PlacementStatus.Modified : PlacementStatus.Unchanged;
        if (comment.Quote is not { } quote)
        {
            return new Placement(comment.CommentId, status, block.Anchor, null, true, pair.Similarity);
        }

        var found = TextQuote.Locate(block.Text, quote.Exact, quote.Prefix, quote.Suffix, quote.Start);
        return new Placement(comment.CommentId, found is null ? PlacementStatus.Modified : status, block.Anchor, found, found is not null, pair.Similarity);
    }

    private static Placement Search(CommentAnchor comment, BlockRef old, IReadOnlyList<BlockRef> newBlocks, Func<int, int[]> newWords, Dictionary<string, int> vocabulary)
    {
        if (comment.Quote is { } quote)
        {
            // The exact passage, with enough of its context, somewhere in the new version.
            var hits = newBlocks
                .Select(b => (Block: b, Quote: TextQuote.Locate(b.Text, quote.Exact, quote.Prefix, quote.Suffix, quote.Start)))
                .Where(h => h.Quote is not null)
                .Select(h => (h.Block, h.Quote, Context: Context(h.Quote!, quote)))
                .OrderByDescending(h => h.Context)
                .ToList();
            var available = quote.Prefix.Length + quote.Suffix.Length;
            if (hits.Count > 0
                && hits[0].Context >= Math.Min(MinimumContext, available)
                && hits[0].Context + quote.Exact.Length >= MinimumVerbatim
                && (hits.Count == 1 || hits[1].Context < hits[0].Context))
            {
                return new Placement(comment.CommentId, PlacementStatus.Modified, hits[0].Block.Anchor, hits[0].Quote, true,
                    available == 0 ? 1 : hits[0].Context / (double)available);
            }
        }

        // The whole block folded into another (merged paragraphs): nearly all its words there, in one place only.
        var oldWords = Similarity.WordSet(BlockAligner.ComparableText(old), vocabulary);
        var best = newBlocks.Where(b => b.Kind == old.Kind)
            .Select(b => (Block: b, Score: Similarity.Containment(oldWords, newWords(b.Index))))
            .OrderByDescending(c => c.Score)
            .Take(2)
            .ToList();
        if (best.Count == 0 || best[0].Score < ContainmentThreshold || (best.Count > 1 && best[1].Score >= best[0].Score))
        {
            return Orphan(comment);
        }

        var target = best[0].Block;
        var passage = comment.Quote is { } q ? TextQuote.Locate(target.Text, q.Exact, q.Prefix, q.Suffix, null) : null;
        return new Placement(comment.CommentId, PlacementStatus.Modified, target.Anchor, passage, comment.Quote is null || passage is not null, best[0].Score);
    }

    private static int Context(QuoteSelector found, QuoteSelector wanted)
    {
        int suffix = 0, prefix = 0;
        while (prefix < found.Prefix.Length && prefix < wanted.Prefix.Length && found.Prefix[^(prefix + 1)] == wanted.Prefix[^(prefix + 1)])
        {
            prefix++;
        }

        while (suffix < found.Suffix.Length && suffix < wanted.Suffix.Length && found.Suffix[suffix] == wanted.Suffix[suffix])
        {
            suffix++;
        }

        return prefix + suffix;
    }

    private static Placement Orphan(CommentAnchor comment) => new(comment.CommentId, PlacementStatus.Orphaned, null, null, false, 0);
}
