using System.Text.RegularExpressions;
using CsCheck;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Tests.Core.Properties;

/// <summary>
/// Carry-forward over random drafts and random revisions of them: a comment is never attached to
/// text that is not similar enough, and a draft carried onto itself changes no comment.
/// </summary>
public sealed partial class CarryForwardProperties
{
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>A revision of a draft: blocks kept, dropped, edited word by word, reordered and added, as a secretariat does.</summary>
    private static readonly Gen<(string Old, string New, int[] Commented, (int Start, int Length)[] Passages)> Revision =
        Drafts.Block.Array[2, 24].SelectMany(blocks => Gen.Select(
            Gen.Int[0, 9].Array[blocks.Length],        // per block: 0–1 dropped, 2–4 edited, rest kept
            Drafts.Word.Array[blocks.Length],          // the word an edit puts in
            Gen.Int[0, 99].Array[blocks.Length],       // where it goes, and the sort key of a move
            Drafts.Block.Array[0, 6],                  // look-alike blocks added
            Gen.Int[0, 1000].Array[1, 8],              // commented blocks
            Gen.Select(Gen.Int[0, 200], Gen.Int[1, 60]).Array[8],
            (fate, words, places, added, commented, passages) =>
            {
                var revised = new List<(int Key, (Drafts.Kind Kind, string Text) Block)>();
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (fate[i] <= 1)
                    {
                        continue;
                    }

                    var text = blocks[i].Text;
                    if (fate[i] <= 4)
                    {
                        var parts = text.Split(' ');
                        parts[places[i] % parts.Length] = words[i];
                        text = string.Join(' ', parts);
                    }

                    // Most blocks keep their place; a few move.
                    revised.Add((places[i] < 80 ? i * 100 : places[i] * blocks.Length, (blocks[i].Kind, text)));
                }

                revised.AddRange(added.Select((b, k) => (places[k % places.Length] * blocks.Length + 1, b)));
                var @new = revised.OrderBy(r => r.Key).Select(r => r.Block).ToArray();
                return (Drafts.Write(blocks), Drafts.Write(@new), commented, passages);
            }));

    [Fact]
    public void Reanchoring_never_attaches_a_comment_to_text_below_the_similarity_thresholds()
    {
        Revision.Sample(revision =>
        {
            var (oldBlocks, newBlocks) = (DiffInput.Blocks(revision.Old), DiffInput.Blocks(revision.New));
            var comments = Comments(oldBlocks, revision.Commented, revision.Passages);

            var placements = CarryForward.Place(BlockAligner.Align(oldBlocks, newBlocks), newBlocks, comments);

            foreach (var (comment, placement) in comments.Zip(placements))
            {
                if (placement.Status == PlacementStatus.Orphaned)
                {
                    Assert.Null(placement.Anchor);
                    continue;
                }

                var old = oldBlocks.Single(b => b.Anchor == comment.Anchor);
                var target = newBlocks.Single(b => b.Anchor == placement.Anchor);
                // A heading is its title: one renumbered (or moved under a new number) is the same heading.
                var (oldText, targetText) = (BlockAligner.ComparableText(old), BlockAligner.ComparableText(target));
                var dice = Dice(oldText, targetText);
                var containment = Containment(oldText, targetText);
                var verbatim = comment.Quote is { } quote && placement.Quote is { } found ? Verbatim(quote, found) : 0;
                Assert.True(
                    dice >= BlockAligner.ModifiedThreshold || containment >= CarryForward.ContainmentThreshold || verbatim >= CarryForward.MinimumVerbatim,
                    $"comment on {old.Anchor} \"{old.Text}\" was attached to {target.Anchor} \"{target.Text}\": word similarity {dice:0.00}, "
                    + $"containment {containment:0.00}, {verbatim} characters of verbatim passage and context");
                if (placement.Status == PlacementStatus.Unchanged)
                {
                    Assert.Equal(BlockAligner.WithoutNumber(old.Text), BlockAligner.WithoutNumber(target.Text));
                }

                if (placement.Quote is { } passage)
                {
                    Assert.Equal(passage.Exact, target.Text[passage.Start..passage.End]);
                }
            }
        }, iter: 400);
    }

    /// <summary>
    /// The property's first counterexample (seed b118ADUQ1iC6): the comparison of words counted the
    /// heading numbers, but a heading is matched by its title, so one moved under another number
    /// keeps its comments. Kept as the behaviour it showed.
    /// </summary>
    [Fact]
    public void A_comment_on_a_heading_follows_its_title_to_another_number_elsewhere()
    {
        var placement = CarryOne(
            "# 1. Purpose\n\n## 1.1 Open data\n\nCities publish data.\n\n# 2. Principles\n\nResidents come first.\n",
            "# 1. Purpose\n\nCities publish data.\n\n# 2. Principles\n\nResidents come first.\n\n## 2.1 Open data\n",
            "s1.1");

        Assert.Equal((PlacementStatus.Unchanged, "s2.1"), (placement.Status, placement.Anchor));
    }

    /// <summary>
    /// The second (seed in the commit): a heading replaced by another in the same place was paired
    /// with it, similarity 0.5, only because both had the number 2. A comment on it is orphaned.
    /// </summary>
    [Fact]
    public void A_comment_on_a_heading_replaced_under_the_same_number_is_orphaned()
    {
        var placement = CarryOne(
            "# 1. Purpose\n\nCities publish data.\n\n# 2. Financing\n\nResidents come first.\n",
            "# 1. Purpose\n\nCities publish data.\n\n# 2. Procurement\n\nResidents come first.\n",
            "s2");

        Assert.Equal((PlacementStatus.Orphaned, null), (placement.Status, placement.Anchor));
    }

    [Fact]
    public void Carrying_any_draft_onto_itself_keeps_every_comment_unchanged()
    {
        Gen.Select(Drafts.Markdown, Gen.Int[0, 1000].Array[1, 8], Gen.Select(Gen.Int[0, 200], Gen.Int[1, 60]).Array[8]).Sample((markdown, commented, passages) =>
        {
            var blocks = DiffInput.Blocks(markdown);
            var comments = Comments(blocks, commented, passages);

            var placements = CarryForward.Place(BlockAligner.Align(blocks, blocks), blocks, comments);

            Assert.Equal(
                comments.Select(c => (c.CommentId, PlacementStatus.Unchanged, (string?)c.Anchor, c.Quote, true, 1.0)),
                placements.Select(p => (p.CommentId, p.Status, p.Anchor, p.Quote, p.PassageFound, p.Similarity)));
        }, iter: 300);
    }

    /// <summary>Where a comment on the whole of block <paramref name="anchor"/> goes from one draft to the next.</summary>
    private static Placement CarryOne(string old, string revised, string anchor)
    {
        var (oldBlocks, newBlocks) = (DiffInput.Blocks(old), DiffInput.Blocks(revised));
        return Assert.Single(CarryForward.Place(BlockAligner.Align(oldBlocks, newBlocks), newBlocks, [new CommentAnchor(1, anchor, null)]));
    }

    /// <summary>Comments on the chosen blocks; every other one on a passage, stored as the app stores it (located again).</summary>
    private static List<CommentAnchor> Comments(IReadOnlyList<BlockRef> blocks, int[] commented, (int Start, int Length)[] passages) =>
        commented.Select((pick, id) =>
        {
            var block = blocks[pick % blocks.Count];
            var (start, length) = passages[id % passages.Length];
            QuoteSelector? quote = null;
            if (id % 2 == 1)
            {
                start %= block.Text.Length;
                var end = Math.Min(block.Text.Length, start + length);
                var selected = TextQuote.Capture(block.Text, start, end);
                quote = TextQuote.Locate(block.Text, selected.Exact, selected.Prefix, selected.Suffix, selected.Start);
            }

            return new CommentAnchor(id, block.Anchor, quote);
        }).ToList();

    private static HashSet<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Dice(string a, string b)
    {
        var (x, y) = (Words(a), Words(b));
        return x.Count + y.Count == 0 ? 1 : 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    private static double Containment(string a, string b)
    {
        var x = Words(a);
        return x.Count == 0 ? 0 : (double)x.Intersect(Words(b)).Count() / x.Count;
    }

    /// <summary>The passage plus the characters of its original context that stand around it where it was found.</summary>
    private static int Verbatim(QuoteSelector original, QuoteSelector found)
    {
        if (original.Exact != found.Exact)
        {
            return 0;
        }

        var prefix = 0;
        while (prefix < original.Prefix.Length && prefix < found.Prefix.Length && original.Prefix[^(prefix + 1)] == found.Prefix[^(prefix + 1)])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < original.Suffix.Length && suffix < found.Suffix.Length && original.Suffix[suffix] == found.Suffix[suffix])
        {
            suffix++;
        }

        return found.Exact.Length + prefix + suffix;
    }
}
