using BenchmarkDotNet.Attributes;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// Markdown → blocks with anchors, tags, hashes and per-block HTML, as the importer does on
/// publishing. Baseline: Markdig's own Markdown → HTML of the same text, with no block model.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RenderBenchmarks
{
    private string sampleV3 = "";
    private string large = "";
    private Taxonomy sampleTaxonomy = Taxonomy.Empty;
    private Taxonomy largeTaxonomy = Taxonomy.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(RepoPaths.Content, "guidelines", "people-centred-smart-cities");
        sampleTaxonomy = GuidelineManifest.Parse(File.ReadAllText(Path.Combine(folder, "guideline.yml"))).Taxonomy;
        sampleV3 = DraftFile.Parse(File.ReadAllText(Path.Combine(folder, "v3.md"))).Body;
        largeTaxonomy = GuidelineManifest.Parse(LargeDraft.Manifest()).Taxonomy;
        large = DraftFile.Parse(LargeDraft.Generate()).Body;
    }

    [Benchmark(Baseline = true, Description = "Markdig ToHtml, large draft (baseline)")]
    public string MarkdigLarge() => Markdig.Markdown.ToHtml(large, Core.Markdown.SafeMarkdown.Pipeline);

    [Benchmark(Description = "DraftParser.Parse, large draft")]
    public int ParseLarge() => DraftParser.Parse(large, largeTaxonomy).Blocks.Count;

    [Benchmark(Description = "DraftParser.Parse, sample v3")]
    public int ParseSampleV3() => DraftParser.Parse(sampleV3, sampleTaxonomy).Blocks.Count;
}
