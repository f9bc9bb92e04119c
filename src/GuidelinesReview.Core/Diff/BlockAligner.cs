using System.Text.RegularExpressions;
using DiffPlex;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Core.Diff;

/// <summary>
/// Aligns the blocks of two versions, then compares modified blocks word by word.
/// </summary>
/// <remarks>
/// 1. Blocks with the same content (kind + text; headings without their number) are matched in
///    order by a longest-common-subsequence diff of their keys: <c>Unchanged</c> (a heading
///    whose number changed is <c>Renumbered</c>).
/// 2. Equal blocks that the diff saw as deleted in one place and added in another: <c>Moved</c>.
/// 3. Left-over blocks of the same kind are paired by word-set similarity (Dice): inside the same
///    gap between unchanged blocks from <see cref="ModifiedThreshold"/>, anywhere else from
///    <see cref="MovedAndModifiedThreshold"/> (moved and edited). Below that, a block is
///    <c>Deleted</c> or <c>Added</c>: look-alike text is never paired.
/// 4. Except a paragraph rewritten in place: when a gap is exactly one old block replaced by one
///    new block of the same kind (not a heading), they still share words (<see cref="RewrittenThreshold"/>)
///    and a passage of at least <see cref="RewrittenSharedRun"/> words stands in both, word for word,
///    it is one <c>Modified</c> block, as an editor sees it ("The present draft takes account of the
///    discussions held at the first meeting…" rewritten for the next draft), not a deletion and an
///    unrelated addition. A look-alike on the same sentence template shares only short runs
///    ("per cent of its") and stays deleted and added.
/// The work is bounded: within a gap, only blocks within <see cref="Window"/> positions of each
/// other are compared, and word diffs are skipped for huge blocks, so two unrelated 150 KB
/// drafts still compare in well under a second or two.
/// </remarks>
public static partial class BlockAligner
{
    private static readonly Differ Differ = new();

    public const double ModifiedThreshold = 0.5;
    public const double MovedAndModifiedThreshold = 0.75;

    /// <summary>The least similarity at which a one-for-one replacement in place is one rewritten block.</summary>
    public const double RewrittenThreshold = 0.3;

    /// <summary>Words in a row both texts of a one-for-one replacement must share to be one rewritten block.</summary>
    public const int RewrittenSharedRun = 6;
    public const int Window = 60;

    /// <summary>Cross-gap pairing is skipped when it would compare more pairs than this.</summary>
    public const long MaxCrossPairs = 250_000;

    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,3})*\.?|Annex\s+[A-Z]\.?|[A-Z](?:\.\d{1,3})+\.?)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingNumber();

    public static string WithoutNumber(string heading) => HeadingNumber().Replace(heading, "");

    /// <summary>
    /// The text blocks are compared by: a heading's title without its number, so that a shared
    /// number ("2. Data" and "2. Rights") never makes two headings look alike.
    /// </summary>
    public static string ComparableText(BlockRef block) => block.Kind == BlockKind.Heading ? WithoutNumber(block.Text) : block.Text;

    public static DraftDiff Align(IReadOnlyList<BlockRef> oldBlocks, IReadOnlyList<BlockRef> newBlocks)
    {
        static string Key(BlockRef b) => $"{b.Kind}\u0001{ComparableText(b)}".Replace('\n', ' ');

        var oldKeys = oldBlocks.Select(Key).ToArray();
        var newKeys = newBlocks.Select(Key).ToArray();
        var diff = Differ.CreateCustomDiffs("old", "new", ignoreWhiteSpace: false, chunker: s => s == "old" ? oldKeys : newKeys);

        var pairs = new List<BlockPair>();
        var gaps = new List<(List<int> Deleted, List<int> Inserted)>();
        int a = 0, b = 0;
        void Same(int count)
        {
            for (var i = 0; i < count; i++, a++, b++)
            {
                pairs.Add(Pair(oldBlocks[a], newBlocks[b]));
            }
        }

        foreach (var block in diff.DiffBlocks)
        {
            Same(block.DeleteStartA - a);
            gaps.Add((Enumerable.Range(block.DeleteStartA, block.DeleteCountA).ToList(), Enumerable.Range(block.InsertStartB, block.InsertCountB).ToList()));
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        Same(oldBlocks.Count - a);

        var usedOld = new HashSet<int>();
        var usedNew = new HashSet<int>();

        // Identical blocks in different places: moved.
        var insertedByKey = gaps.SelectMany(g => g.Inserted).GroupBy(i => newKeys[i]).ToDictionary(g => g.Key, g => new Queue<int>(g));
        foreach (var i in gaps.SelectMany(g => g.Deleted))
        {
            if (insertedByKey.TryGetValue(oldKeys[i], out var candidates) && candidates.Count > 0)
            {
                var j = candidates.Dequeue();
                usedOld.Add(i);
                usedNew.Add(j);
                pairs.Add(Pair(oldBlocks[i], newBlocks[j]) with { Change = BlockChange.Moved });
            }
        }

        // Edited blocks: by similarity, first within each gap, then across gaps (moved and edited).
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var oldWords = new Dictionary<int, int[]>();
        var newWords = new Dictionary<int, int[]>();
        int[] OldWords(int i) => oldWords.TryGetValue(i, out var w) ? w : oldWords[i] = Similarity.WordSet(ComparableText(oldBlocks[i]), vocabulary);
        int[] NewWords(int j) => newWords.TryGetValue(j, out var w) ? w : newWords[j] = Similarity.WordSet(ComparableText(newBlocks[j]), vocabulary);

        void Match(IEnumerable<(int Old, int New)> candidates, double threshold, BlockChange change)
        {
            var scored = new List<(double Score, int Old, int New)>();
            foreach (var (i, j) in candidates)
            {
                if (usedOld.Contains(i) || usedNew.Contains(j) || oldBlocks[i].Kind != newBlocks[j].Kind)
                {
                    continue;
                }

                var score = Similarity.Dice(OldWords(i), NewWords(j));
                if (score >= threshold)
                {
                    scored.Add((score, i, j));
                }
            }

            foreach (var (score, i, j) in scored.OrderByDescending(s => s.Score).ThenBy(s => Math.Abs(s.Old - s.New)))
            {
                if (usedOld.Add(i))
                {
                    if (!usedNew.Add(j))
                    {
                        usedOld.Remove(i);
                        continue;
                    }

                    pairs.Add(new BlockPair(change, oldBlocks[i], newBlocks[j], score, false, WordDiff.Compare(oldBlocks[i].Text, newBlocks[j].Text)));
                }
            }
        }

        foreach (var (deleted, inserted) in gaps)
        {
            Match(
                from x in deleted.Select((i, k) => (i, k))
                from y in inserted.Select((j, k) => (j, k))
                where Math.Abs(x.k * (inserted.Count / (double)Math.Max(1, deleted.Count)) - y.k) <= Window
                select (x.i, y.j),
                ModifiedThreshold,
                BlockChange.Modified);
        }

        foreach (var (deleted, inserted) in gaps)
        {
            if (deleted is [var i] && inserted is [var j] && !usedOld.Contains(i) && !usedNew.Contains(j)
                && oldBlocks[i].Kind == newBlocks[j].Kind && oldBlocks[i].Kind != BlockKind.Heading
                && Similarity.Dice(OldWords(i), NewWords(j)) is var score && score >= RewrittenThreshold
                && WordDiff.Compare(oldBlocks[i].Text, newBlocks[j].Text) is { } words
                && words.Where(w => w.Op == WordOp.Equal).Select(w => Similarity.WordCount(w.Text)).DefaultIfEmpty(0).Max() >= RewrittenSharedRun)
            {
                usedOld.Add(i);
                usedNew.Add(j);
                pairs.Add(new BlockPair(BlockChange.Modified, oldBlocks[i], newBlocks[j], score, false, words));
            }
        }

        var leftOld = gaps.SelectMany(g => g.Deleted).Where(i => !usedOld.Contains(i)).ToList();
        var leftNew = gaps.SelectMany(g => g.Inserted).Where(j => !usedNew.Contains(j)).ToList();
        if ((long)leftOld.Count * leftNew.Count <= MaxCrossPairs)
        {
            Match(from i in leftOld from j in leftNew select (i, j), MovedAndModifiedThreshold, BlockChange.Moved);
        }

        pairs.AddRange(leftOld.Where(i => !usedOld.Contains(i)).Select(i => new BlockPair(BlockChange.Deleted, oldBlocks[i], null, 0, false, null)));
        pairs.AddRange(leftNew.Where(j => !usedNew.Contains(j)).Select(j => new BlockPair(BlockChange.Added, null, newBlocks[j], 0, false, null)));
        return new DraftDiff(InReadingOrder(pairs, oldBlocks.Count));
    }

    private static BlockPair Pair(BlockRef old, BlockRef @new) =>
        old.Text == @new.Text
            ? new BlockPair(BlockChange.Unchanged, old, @new, 1, false, null)
            : new BlockPair(BlockChange.Unchanged, old, @new, 1, Renumbered: true, WordDiff.Compare(old.Text, @new.Text));

    /// <summary>Newer version's order; a deleted block goes after the newer counterpart of the block before it.</summary>
    private static List<BlockPair> InReadingOrder(List<BlockPair> pairs, int oldCount)
    {
        var newIndexOfOld = new int?[oldCount];
        // A moved block's new place says nothing about where its old neighbours stood.
        foreach (var p in pairs.Where(p => p.Old is not null && p.New is not null && p.Change != BlockChange.Moved))
        {
            newIndexOfOld[p.Old!.Index] = p.New!.Index;
        }

        double SortKey(BlockPair p)
        {
            if (p.New is not null)
            {
                return p.New.Index;
            }

            for (var i = p.Old!.Index - 1; i >= 0; i--)
            {
                if (newIndexOfOld[i] is { } at)
                {
                    return at + 0.5 + (p.Old.Index / (double)(oldCount + 1) / 2);
                }
            }

            return -1 + (p.Old.Index / (double)(oldCount + 1));
        }

        return pairs.OrderBy(SortKey).ToList();
    }
}
