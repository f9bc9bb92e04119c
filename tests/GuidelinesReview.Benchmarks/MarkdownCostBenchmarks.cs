using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// Every worst case of Specs/markdown-cost.txt (rendered or refused) against ordinary notes cut to
/// the same length, in the same run: the ratio column is the worst case's cost over an ordinary
/// text of its size, which must stay under 10.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(FullCaseNames))]
public class MarkdownCostBenchmarks
{
    /// <summary>Shows each case's whole name, as the spec file and the README name it.</summary>
    private sealed class FullCaseNames : ManualConfig
    {
        public FullCaseNames() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(100);
    }

    private string worst = "";
    private string ordinary = "";
    private int limit;

    public static IEnumerable<string> Cases() => MarkdownCostCases.All.Select(c => c.Name).Where(n => !n.StartsWith("ordinary", StringComparison.Ordinal));

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var c = MarkdownCostCases.Named(Case);
        (worst, limit) = (c.Markdown, c.Limit);
        ordinary = MarkdownCostCases.Named("ordinary notes").Markdown[..c.Markdown.Length];
    }

    [Benchmark(Baseline = true, Description = "ordinary notes, same length")]
    public int Ordinary() => Render(ordinary);

    [Benchmark(Description = "worst case")]
    public int WorstCase() => Render(worst);

    private int Render(string markdown)
    {
        try
        {
            return SafeMarkdown.ToHtml(markdown, limit).Length;
        }
        catch (MarkdownRejectedException e)
        {
            return e.Message.Length; // refused: the cost is that of finding out
        }
    }
}

/// <summary>
/// The Core part of a notes save (<c>RoomService.SaveNotesAsync</c> renders the notes once and
/// checks them in the same pass) by size: time per save should double with the size.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NotesRenderBenchmarks
{
    private string plain = "";
    private string list = "";

    [Params(25_000, 50_000, 100_000, 200_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        plain = string.Concat(Enumerable.Repeat("The room discussed how the city publishes its data and who may reuse it. ", (Size / 70) + 1))[..Size];
        list = string.Concat(Enumerable.Range(1, 8000).Select(i => $"- point {i:D4} of the room\n"))[..Size];
    }

    [Benchmark(Baseline = true, Description = "plain notes")]
    public int Plain() => SafeMarkdown.ToHtml(plain, Size).Length;

    [Benchmark(Description = "list, 25 characters a line (8,000 lines at 200,000)")]
    public int List() => SafeMarkdown.ToHtml(list, Size).Length;
}
