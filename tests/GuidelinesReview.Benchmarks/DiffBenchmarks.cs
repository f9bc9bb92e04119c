using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// Comparing two ~170 KB drafts (a few per cent of paragraphs changed) and carrying 2,000
/// comments forward, as publishing does; against <c>git diff --no-index --word-diff</c> on the
/// same two files as the baseline. And the worst case: two unrelated drafts.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiffBenchmarks
{
    private IReadOnlyList<BlockRef> oldBlocks = [];
    private IReadOnlyList<BlockRef> newBlocks = [];
    private IReadOnlyList<BlockRef> unrelatedBlocks = [];
    private List<CommentAnchor> comments = [];
    private string oldFile = "";
    private string newFile = "";

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = GuidelineManifest.Parse(LargeDraft.Manifest()).Taxonomy;
        var v1 = LargeDraft.Generate(seed: 1);
        var v2 = LargeDraft.Mutate(v1, percent: 3);
        oldBlocks = Refs(DraftParser.Parse(DraftFile.Parse(v1).Body, taxonomy));
        newBlocks = Refs(DraftParser.Parse(DraftFile.Parse(v2).Body, taxonomy));
        unrelatedBlocks = Refs(DraftParser.Parse(DraftFile.Parse(LargeDraft.Generate(seed: 2)).Body, taxonomy));

        // 2,000 comments spread over the old draft; half on a passage of their block.
        var random = new Random(3);
        var commentable = oldBlocks.Where(b => b.Text.Length > 40).ToList();
        comments = Enumerable.Range(0, 2_000).Select(i =>
        {
            var block = commentable[random.Next(commentable.Count)];
            var start = random.Next(block.Text.Length - 20);
            return new CommentAnchor(i, block.Anchor, i % 2 == 0 ? TextQuote.Capture(block.Text, start, start + 20) : null);
        }).ToList();

        var folder = Directory.CreateTempSubdirectory("gr-bench").FullName;
        (oldFile, newFile) = (Path.Combine(folder, "v1.md"), Path.Combine(folder, "v2.md"));
        File.WriteAllText(oldFile, v1);
        File.WriteAllText(newFile, v2);
    }

    private static List<BlockRef> Refs(DraftDocument document) =>
        document.Blocks.Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();

    [Benchmark(Baseline = true, Description = "git diff --no-index --word-diff (baseline)")]
    public int GitWordDiff()
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "diff", "--no-index", "--word-diff", oldFile, newFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var length = git.StandardOutput.ReadToEnd().Length;
        git.WaitForExit();
        return length;
    }

    [Benchmark(Description = "Align + word diff, 3 % changed")]
    public int Diff() => BlockAligner.Align(oldBlocks, newBlocks).Pairs.Count;

    [Benchmark(Description = "Align + word diff + carry 2,000 comments")]
    public int DiffAndCarryForward()
    {
        var diff = BlockAligner.Align(oldBlocks, newBlocks);
        return CarryForward.Place(diff, newBlocks, comments).Count;
    }

    [Benchmark(Description = "Worst case: two unrelated drafts")]
    public int Unrelated() => BlockAligner.Align(oldBlocks, unrelatedBlocks).Pairs.Count;
}
