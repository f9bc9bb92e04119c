using BenchmarkDotNet.Attributes;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// Placing the translations of the 173 KB generated draft on its mutated copy (<c>LargeDraft.Mutate</c>,
/// as in <see cref="DiffBenchmarks"/>), every segment of the old version translated in 6 languages,
/// as <c>TranslationCarryService</c> does on publishing: one alignment shared, the new version cut into
/// segments, the language-independent work prepared once (<see cref="TranslationCarry.Between"/>) and
/// <see cref="TranslationCarry.Carrier.Place"/> called once per language. Baseline: the alignment alone,
/// which carrying comments already pays for.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TranslationCarryBenchmarks
{
    private static readonly string[] LanguageCodes = ["ar", "zh", "fr", "ru", "es", "pt"];

    private IReadOnlyList<BlockRef> oldRefs = [];
    private IReadOnlyList<BlockRef> newRefs = [];
    private IReadOnlyList<DraftBlock> newBlocks = [];
    private List<List<PriorTranslation>> prior = [];

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = GuidelineManifest.Parse(LargeDraft.Manifest()).Taxonomy;
        var v1 = LargeDraft.Generate(seed: 1);
        var v2 = LargeDraft.Mutate(v1, percent: 3);
        var oldDocument = DraftParser.Parse(DraftFile.Parse(v1).Body, taxonomy);
        var newDocument = DraftParser.Parse(DraftFile.Parse(v2).Body, taxonomy);
        oldRefs = Refs(oldDocument);
        newRefs = Refs(newDocument);
        newBlocks = newDocument.Blocks;

        // Every segment of the old version translated in each language: the source reversed,
        // prefixed with the language, so that each language's text differs and nothing is random.
        var oldSegments = oldDocument.Blocks.SelectMany(b => Segments.Of(b.Kind, b.Anchor, b.Source)).ToList();
        var id = 0;
        prior = LanguageCodes.Select(language => oldSegments
            .Select(s => new PriorTranslation(++id, s.Id, s.BlockAnchor, s.Hash, TranslationState.Approved, $"[{language}] {new string(s.Source.Reverse().ToArray())}"))
            .ToList()).ToList();
    }

    private static List<BlockRef> Refs(DraftDocument document) =>
        document.Blocks.Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();

    private List<SourceSegment> SegmentNew() => newBlocks.SelectMany(b => Segments.Of(b.Kind, b.Anchor, b.Source)).ToList();

    [Benchmark(Baseline = true, Description = "Align old vs new blocks (baseline)")]
    public int AlignOnly() => BlockAligner.Align(oldRefs, newRefs).Pairs.Count;

    [Benchmark(Description = "Segments.Of over the new version")]
    public int SegmentNewVersion() => SegmentNew().Count;

    [Benchmark(Description = "Align + segments + place 6 languages")]
    public int PlaceSixLanguages()
    {
        var diff = BlockAligner.Align(oldRefs, newRefs);
        var segments = SegmentNew();
        var carrier = TranslationCarry.Between(diff, segments);
        var placed = 0;
        foreach (var language in prior)
        {
            placed += carrier.Place(language).Count;
        }

        return placed;
    }
}
