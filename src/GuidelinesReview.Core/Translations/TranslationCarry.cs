using System.Text.RegularExpressions;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Core.Translations;

/// <summary>A translation on the older version, as <see cref="TranslationCarry"/> needs it.</summary>
/// <param name="SourceHash">Hash of the source it was translated from (which may be older than the older version's own source, when it was already outdated).</param>
public sealed record PriorTranslation(int Id, string SegmentId, string BlockAnchor, string SourceHash, TranslationState State, string Text);

public enum CarriedAs
{
    /// <summary>Same source text (the block may have moved or been renumbered): text, state and approval kept.</summary>
    Kept,

    /// <summary>A heading whose only change is its number: kept, with the number in the translation updated.</summary>
    Renumbered,

    /// <summary>The source was edited: the text is kept, marked outdated.</summary>
    Outdated,

    /// <summary>The source was edited, and the secretariat marked the change editorial: state and approval kept.</summary>
    Editorial,

    /// <summary>The block was merged into another or split: offered to the translator of the new segment, not placed.</summary>
    Candidate,

    /// <summary>The source is gone: the translation stays in the older version's history.</summary>
    SourceGone,
}

/// <summary>Where a translation of the older version goes in the newer one. <see cref="SegmentId"/> is null when the source is gone.</summary>
public sealed record CarriedTranslation(int FromId, CarriedAs How, string? SegmentId, string Text, string? Reason);

/// <summary>
/// Places the translations of one version on the next by the same block alignment that carries
/// comments (<see cref="BlockAligner"/>): a segment whose source is unchanged keeps its
/// translation and approval; an edited one keeps the text, outdated (or its approval, when the
/// secretariat marked the edit editorial); a moved or renumbered block keeps it; a deleted
/// block's translation stays in the history; merged or split blocks are offered as candidates.
/// Nothing is ever attached to look-alike text: an unpaired block is only a candidate when
/// nearly all its words (<see cref="CarryForward.ContainmentThreshold"/>) stand in one block only.
/// </summary>
public static partial class TranslationCarry
{
    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,3})*\.?|Annex\s+[A-Z]\.?|[A-Z](?:\.\d{1,3})+\.?)(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    /// <summary>Places one language's translations. For several languages, <see cref="Between"/> once and place each on it.</summary>
    /// <param name="editorialAnchors">New-version anchors of blocks whose change the secretariat marked editorial.</param>
    public static IReadOnlyList<CarriedTranslation> Place(
        DraftDiff diff,
        IReadOnlyList<SourceSegment> newSegments,
        IEnumerable<PriorTranslation> translations,
        IReadOnlySet<string>? editorialAnchors = null) =>
        Between(diff, newSegments).Place(translations, editorialAnchors);

    /// <summary>
    /// The work that does not depend on the language (the new segments by block, the blocks' word
    /// sets, where each deleted block was merged), done once and shared by every language placed on it.
    /// </summary>
    public static Carrier Between(DraftDiff diff, IReadOnlyList<SourceSegment> newSegments) => new(diff, newSegments);

    /// <summary>
    /// One comparison of two versions, on which each language's translations are placed in turn
    /// (<see cref="Place"/>). It fills its caches as it goes: one caller at a time.
    /// </summary>
    public sealed class Carrier
    {
        private readonly DraftDiff diff;
        private readonly Dictionary<string, List<SourceSegment>> segmentsByBlock;
        private readonly List<BlockRef> newBlocks;
        private readonly List<BlockRef> oldBlocks;
        private readonly List<(BlockRef Block, SourceSegment Segment)> added;
        private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> newWords = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> oldWords = new(StringComparer.Ordinal);
        private readonly Dictionary<string, BlockRef?> mergedInto = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(BlockRef Old, double Score)>> splitScores = new(StringComparer.Ordinal);

        internal Carrier(DraftDiff diff, IReadOnlyList<SourceSegment> newSegments)
        {
            this.diff = diff;
            segmentsByBlock = newSegments.GroupBy(s => s.BlockAnchor, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            newBlocks = diff.Pairs.Where(p => p.New is not null).Select(p => p.New!).ToList();
            oldBlocks = diff.Pairs.Where(p => p.Old is not null).Select(p => p.Old!).ToList();
            added = diff.Pairs.Where(p => p.Change == BlockChange.Added)
                .Select(p => (Block: p.New!, Segment: segmentsByBlock.GetValueOrDefault(p.New!.Anchor)?.FirstOrDefault()))
                .Where(a => a.Segment is not null)
                .Select(a => (a.Block, a.Segment!))
                .ToList();
        }

        /// <summary>Places one language's translations of the older version.</summary>
        /// <param name="editorialAnchors">New-version anchors of blocks whose change the secretariat marked editorial.</param>
        public IReadOnlyList<CarriedTranslation> Place(IEnumerable<PriorTranslation> translations, IReadOnlySet<string>? editorialAnchors = null)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var placed = new List<CarriedTranslation>();
            var candidates = new List<CarriedTranslation>();
            var prior = translations.Where(t => t.Text.Trim().Length > 0).ToList();

            // Exact sources first, so that an edited table cell never takes the place of an unchanged one.
            foreach (var t in prior.OrderBy(t => ExactTarget(t) is null ? 1 : 0))
            {
                var pair = diff.ForOldAnchor(t.BlockAnchor);
                if (pair?.New is { } block)
                {
                    var segments = segmentsByBlock.GetValueOrDefault(block.Anchor) ?? [];
                    var same = segments.FirstOrDefault(s => s.Hash == t.SourceHash && !taken.Contains(s.Id));
                    if (same is not null)
                    {
                        taken.Add(same.Id);
                        placed.Add(new CarriedTranslation(t.Id, CarriedAs.Kept, same.Id, t.Text, null));
                        continue;
                    }

                    var counterpart = Counterpart(t, block, segments);
                    if (counterpart is null || !taken.Add(counterpart.Id))
                    {
                        candidates.Add(new CarriedTranslation(t.Id, CarriedAs.Candidate, counterpart?.Id ?? segments.FirstOrDefault()?.Id, t.Text, "edited"));
                        continue;
                    }

                    if (pair.Renumbered && pair.Old is { } old)
                    {
                        placed.Add(new CarriedTranslation(t.Id, CarriedAs.Renumbered, counterpart.Id, Renumber(t.Text, old.Text, block.Text), null));
                    }
                    else if (editorialAnchors?.Contains(block.Anchor) == true)
                    {
                        placed.Add(new CarriedTranslation(t.Id, CarriedAs.Editorial, counterpart.Id, t.Text, null));
                    }
                    else
                    {
                        placed.Add(new CarriedTranslation(t.Id, CarriedAs.Outdated, counterpart.Id, t.Text, null));
                    }

                    continue;
                }

                // Deleted: merged into one block (nearly all its words there, in one block only), or gone.
                var merged = pair?.Old is { } gone ? MergedInto(gone) : null;
                var target = merged is null ? null : segmentsByBlock.GetValueOrDefault(merged.Anchor)?.FirstOrDefault();
                candidates.Add(target is null
                    ? new CarriedTranslation(t.Id, CarriedAs.SourceGone, null, t.Text, null)
                    : new CarriedTranslation(t.Id, CarriedAs.Candidate, target.Id, t.Text, "merged"));
            }

            // Split: a new block whose words nearly all stood in one older block offers that block's translation.
            var priorByBlock = prior.GroupBy(t => t.BlockAnchor, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var (block, segment) in added)
            {
                if (NewWords(block).Length < 3)
                {
                    continue;
                }

                var from = OnlyBest(SplitScores(block).Where(s => priorByBlock.ContainsKey(s.Old.Anchor)));
                if (from is not null)
                {
                    var translation = priorByBlock[from.Anchor];
                    candidates.Add(new CarriedTranslation(translation.Id, CarriedAs.Candidate, segment.Id, translation.Text, "split"));
                }
            }

            return placed.Concat(candidates.Where(c => c.How == CarriedAs.SourceGone || c.SegmentId is not null)).ToList();
        }

        private SourceSegment? ExactTarget(PriorTranslation t) =>
            diff.ForOldAnchor(t.BlockAnchor)?.New is { } b ? segmentsByBlock.GetValueOrDefault(b.Anchor)?.FirstOrDefault(s => s.Hash == t.SourceHash) : null;

        private int[] NewWords(BlockRef b) => newWords.TryGetValue(b.Anchor, out var w) ? w : newWords[b.Anchor] = Similarity.WordSet(b.Text, vocabulary);

        private int[] OldWords(BlockRef b) => oldWords.TryGetValue(b.Anchor, out var w) ? w : oldWords[b.Anchor] = Similarity.WordSet(b.Text, vocabulary);

        /// <summary>The one new block of the same kind that holds nearly all the deleted block's words, if there is exactly one.</summary>
        private BlockRef? MergedInto(BlockRef old)
        {
            if (!mergedInto.TryGetValue(old.Anchor, out var block))
            {
                var words = OldWords(old);
                mergedInto[old.Anchor] = block = OnlyBest(newBlocks.Where(b => b.Kind == old.Kind).Select(b => (b, Similarity.Containment(words, NewWords(b)))));
            }

            return block;
        }

        /// <summary>How much of an added block's words stood in each older block of its kind, in reading order.</summary>
        private List<(BlockRef Old, double Score)> SplitScores(BlockRef block)
        {
            if (!splitScores.TryGetValue(block.Anchor, out var scores))
            {
                var words = NewWords(block);
                splitScores[block.Anchor] = scores = oldBlocks.Where(o => o.Kind == block.Kind).Select(o => (o, Similarity.Containment(words, OldWords(o)))).ToList();
            }

            return scores;
        }

        /// <summary>The block with the highest score, when that score reaches <see cref="CarryForward.ContainmentThreshold"/> and no other block has it.</summary>
        private static BlockRef? OnlyBest(IEnumerable<(BlockRef Block, double Score)> scored)
        {
            BlockRef? best = null;
            var bestScore = double.NegativeInfinity;
            var tied = false;
            foreach (var (block, score) in scored)
            {
                if (score > bestScore)
                {
                    (best, bestScore, tied) = (block, score, false);
                }
                else if (score == bestScore)
                {
                    tied = true;
                }
            }

            return best is not null && bestScore >= CarryForward.ContainmentThreshold && !tied ? best : null;
        }
    }

    /// <summary>The segment of the paired block that stands where the old one stood: the block itself, or the same table cell.</summary>
    private static SourceSegment? Counterpart(PriorTranslation t, BlockRef block, List<SourceSegment> segments)
    {
        if (block.Kind != BlockKind.Table)
        {
            return segments.FirstOrDefault();
        }

        var cell = t.SegmentId.Length > t.BlockAnchor.Length ? t.SegmentId[t.BlockAnchor.Length..] : "";
        return segments.FirstOrDefault(s => s.Id == block.Anchor + cell);
    }

    /// <summary>"2.3 Données ouvertes" under a heading renumbered from 2.3 to 3.3 becomes "3.3 Données ouvertes".</summary>
    private static string Renumber(string translation, string oldHeading, string newHeading)
    {
        var oldNumber = LeadingNumber().Match(oldHeading);
        var newNumber = LeadingNumber().Match(newHeading);
        return oldNumber.Success && newNumber.Success && translation.StartsWith(oldNumber.Value, StringComparison.Ordinal)
            ? newNumber.Value + translation[oldNumber.Value.Length..]
            : translation;
    }
}
