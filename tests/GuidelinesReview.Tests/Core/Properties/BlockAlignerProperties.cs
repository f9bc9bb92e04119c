using CsCheck;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Tests.Core.Properties;

/// <summary>
/// Block alignment of a random edit script: distinct blocks, then some moved, deleted, inserted
/// and lightly edited. The comparison must say what the script did.
/// </summary>
public sealed class BlockAlignerProperties
{
    private enum Step
    {
        Keep,
        Move,
        Delete,
        Edit,
        EditAndMove,
    }

    /// <summary>
    /// 12–20 words of a block from a large vocabulary, so that distinct blocks are not look-alikes
    /// (those are the carry-forward properties' concern); each block also has a word of its own.
    /// </summary>
    private static readonly Gen<string[]> Words = Gen.Int[0, 5000].Select(n => $"w{n}").Array[12, 20];

    [Fact]
    public void Aligning_a_random_edit_script_recovers_every_moved_kept_edited_deleted_and_inserted_block()
    {
        var script = Gen.Int[2, 30].SelectMany(count => Gen.Select(
            Words.Array[count],
            Gen.Frequency((10, Gen.Const(Step.Keep)), (3, Gen.Const(Step.Move)), (2, Gen.Const(Step.Delete)), (2, Gen.Const(Step.Edit)), (1, Gen.Const(Step.EditAndMove))).Array[count],
            Gen.Int[0, 10_000].Array[count],
            Gen.Int[0, 10_000].Array[0, 6]));

        script.Sample((words, steps, places, inserted) =>
        {
            var old = words.Select((w, i) => Ref(i, $"o{i}", BlockKind.Paragraph, $"b{i}x " + string.Join(' ', w))).ToList();
            // New positions: kept and edited blocks keep their order; moved ones and inserted ones go anywhere.
            var revised = new List<(double Key, int? From, string Text)>();
            for (var i = 0; i < old.Count; i++)
            {
                var key = steps[i] is Step.Move or Step.EditAndMove ? places[i] / 10_000.0 * old.Count : i;
                var text = steps[i] is Step.Edit or Step.EditAndMove ? old[i].Text + " amended" : old[i].Text;
                if (steps[i] != Step.Delete)
                {
                    revised.Add((key + 0.25, i, text));
                }
            }

            // Inserted blocks share no word with any old block, so nothing may pair with them.
            revised.AddRange(inserted.Select((place, k) => (place / 10_000.0 * old.Count, (int?)null, $"inserted{k} novel paragraph {k}")));
            var ordered = revised.OrderBy(r => r.Key).ToList();
            var @new = ordered.Select((r, j) => Ref(j, $"n{j}", BlockKind.Paragraph, r.Text)).ToList();

            var diff = BlockAligner.Align(old, @new);

            DiffInput.AssertNothingLost(old, @new, diff);
            for (var j = 0; j < ordered.Count; j++)
            {
                var pair = Assert.Single(diff.Pairs, p => p.New?.Index == j);
                if (ordered[j].From is not { } from)
                {
                    Assert.Equal(BlockChange.Added, pair.Change);
                    continue;
                }

                Assert.True(pair.Old?.Index == from, $"new block {j} (old {from}, {steps[from]}) was paired with {pair.Old?.Index.ToString() ?? "nothing"} as {pair.Change}");
                // Which of two swapped blocks counts as moved is the diff's choice; either way it is found.
                BlockChange[] expected = steps[from] is Step.Keep or Step.Move
                    ? [BlockChange.Unchanged, BlockChange.Moved]
                    : [BlockChange.Modified, BlockChange.Moved];
                Assert.Contains(pair.Change, expected);
            }

            Assert.Equal(
                Enumerable.Range(0, old.Count).Where(i => steps[i] == Step.Delete),
                diff.Pairs.Where(p => p.Change == BlockChange.Deleted).Select(p => p.Old!.Index).Order());
        }, iter: 400);
    }

    private static BlockRef Ref(int index, string anchor, BlockKind kind, string text) => new(index, anchor, kind, "s1", text);
}
