using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>Runs the cases of Specs/translation-carry.md (format described at the top of that file).</summary>
public sealed class TranslationCarrySpecTests
{
    private const string FileName = "translation-carry.md";

    private static readonly Lazy<List<SpecCase>> Cases = new(() => SpecFile.ReadCases(FileName).Cases);

    public static TheoryData<string> CaseNames() => SpecFile.NamesOf(Cases.Value);

    [Fact]
    public void The_spec_file_covers_every_way_a_translation_can_go()
    {
        var hows = Cases.Value.SelectMany(c => c.Expectations.Where(e => e.Name == "expect").SelectMany(e => e.Entries()))
            .Select(l => l.Split('|')[1].Trim())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Enum.GetNames<CarriedAs>().Select(n => n.ToLowerInvariant()).Order(), hows.Order());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        var spec = Cases.Value.Single(c => c.Name == name);
        string Body(string directive) => spec.Expectations.Single(e => e.Name == directive).Body();
        var empty = new Taxonomy([], []);
        var oldDoc = DraftParser.Parse(spec.Markdown, empty);
        var newDoc = DraftParser.Parse(Body("new"), empty);
        var oldSegments = oldDoc.Blocks.SelectMany(b => Segments.Of(b.Kind, b.Anchor, b.Source)).ToDictionary(s => s.Id);
        var newSegments = newDoc.Blocks.SelectMany(b => Segments.Of(b.Kind, b.Anchor, b.Source)).ToList();

        var ids = new Dictionary<int, string>();
        var prior = spec.Expectations.Single(e => e.Name == "translations").Entries().Select((line, i) =>
        {
            var parts = line.Split('|', 2);
            var segment = oldSegments[parts[0].Trim()];
            ids[i] = segment.Id;
            return new PriorTranslation(i, segment.Id, segment.BlockAnchor, segment.Hash, TranslationState.Approved, parts[1].Trim());
        }).ToList();
        var editorial = spec.Expectations.SingleOrDefault(e => e.Name == "editorial")?.Entries().Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        var diff = BlockAligner.Align(Refs(oldDoc), Refs(newDoc));
        var carried = TranslationCarry.Place(diff, newSegments, prior, editorial);

        var expected = Body("expect").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|').Select(p => p.Trim()).ToArray()).ToList();
        static string Key(string from, string how, string? to) => $"{from} | {how} | {to ?? "-"}";
        var actual = carried.ToDictionary(c => Key(ids[c.FromId], c.How.ToString().ToLowerInvariant(), c.SegmentId));
        Assert.Equal(expected.Select(e => Key(e[0], e[1], e[2])).Order(), actual.Keys.Order());
        foreach (var e in expected)
        {
            var c = actual[Key(e[0], e[1], e[2])];
            if (e.Length > 3 && e[3].Length > 0)
            {
                Assert.Equal(e[3], c.Text);
            }

            if (e.Length > 4 && e[4].Length > 0)
            {
                Assert.Equal(e[4], c.Reason);
            }
        }
    }

    private static List<BlockRef> Refs(DraftDocument document) =>
        document.Blocks.Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();
}
