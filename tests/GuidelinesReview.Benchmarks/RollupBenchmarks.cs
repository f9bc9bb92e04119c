using BenchmarkDotNet.Attributes;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Generated;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// The rollup over a large consultation on the sample v3: 20,000 comments by 2,000 people, 400
/// takeaways in 20 rooms and their notes, from the same plan the app generates
/// (<see cref="ConsultationPlan"/>), as the rollup items <c>RollupQueries</c> makes of them.
/// Baseline: a plain LINQ GroupBy counting the same items per thematic area × principle.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RollupBenchmarks
{
    private List<RollupItem> items = [];
    private Rollup all = null!;
    private int engagement;
    private List<FindingLinks> findings = [];

    private static readonly RollupFilter GroupAndRegion = new()
    {
        Groups = new HashSet<StakeholderGroup> { StakeholderGroup.LocalAndRegionalGovernment },
        Regions = new HashSet<Region> { Region.Africa },
    };

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(RepoPaths.Content, "guidelines", "people-centred-smart-cities");
        var taxonomy = GuidelineManifest.Parse(File.ReadAllText(Path.Combine(folder, "guideline.yml"))).Taxonomy;
        var document = DraftParser.Parse(DraftFile.Parse(File.ReadAllText(Path.Combine(folder, "v3.md"))).Body, taxonomy);

        // Term ids as the database would give them: areas, then principles.
        var terms = taxonomy.ThematicAreas.Select(t => (t.Kind, t.Key, t.Name)).Concat(taxonomy.Principles.Select(t => (t.Kind, t.Key, t.Name)))
            .Select((t, i) => new PlanTerm(i + 1, t.Kind, t.Name)).ToList();
        var keys = taxonomy.ThematicAreas.Concat(taxonomy.Principles).Select((t, i) => (t.Kind, t.Key, Id: i + 1)).ToDictionary(t => (t.Kind, t.Key), t => t.Id);
        var blocks = document.Blocks.Where(b => b.Kind != BlockKind.Heading)
            .Select(b => new PlanBlock(b.Ordinal, b.Anchor, b.SectionAnchor,
                b.Areas.Select(k => keys[(TaxonomyKind.ThematicArea, k)]).Concat(b.Principles.Select(k => keys[(TaxonomyKind.Principle, k)])).ToList()))
            .ToList();
        var plan = ConsultationPlan.Create(new ConsultationShape(blocks, terms, []), new ConsultationSize(2_000, 20_000, 400), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        bool IsArea(int id) => terms[id - 1].Kind == TaxonomyKind.ThematicArea;
        var comments = plan.Comments.Select((c, i) => (c, Id: i + 1)).Where(x => x.c.State == PlannedState.Active).Select(x =>
        {
            var author = plan.Users[x.c.Author];
            return new RollupItem(RollupItemKind.Comment, x.Id, x.c.Block.Terms.Where(IsArea).ToList(), x.c.Block.Terms.Where(t => !IsArea(t)).ToList(), x.c.At,
                author.Group, author.Region, author.Organisation, Type: x.c.Type, Decision: x.c.Decision?.Decision);
        });
        var takeaways = plan.Takeaways.Select((t, i) => new RollupItem(RollupItemKind.Takeaway, i + 1, t.Terms.Where(IsArea).ToList(), t.Terms.Where(x => !IsArea(x)).ToList(), t.At,
            RoomId: t.Room + 1, MeetingId: 1, FromRoom: true));
        var notes = plan.Rooms.Select((r, i) => (r, Id: i + 1)).Where(x => x.r.Notes.Length > 0).Select(x => new RollupItem(RollupItemKind.Notes, x.Id,
            x.r.Terms.Where(IsArea).ToList(), x.r.Terms.Where(t => !IsArea(t)).ToList(), plan.MeetingDay, RoomId: x.Id, MeetingId: 1, FromRoom: true));
        items = [.. comments, .. takeaways, .. notes];

        all = Rollup.Build(items, RollupFilter.None);
        engagement = terms.Single(t => t.Kind == TaxonomyKind.ThematicArea && t.Name.StartsWith("Community engagement", StringComparison.Ordinal)).Id;

        // Three key findings on the area, each resting on 50 of its comments and 5 takeaways.
        var inArea = all.ItemsInArea(engagement);
        findings = Enumerable.Range(0, 3).Select(f => new FindingLinks(f + 1, engagement, null,
            inArea.Where(i => i.Kind == RollupItemKind.Comment).Skip(f * 50).Take(50).Select(i => i.Id).ToHashSet(),
            inArea.Where(i => i.Kind == RollupItemKind.Takeaway).Skip(f * 5).Take(5).Select(i => i.Id).ToHashSet())).ToList();
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy count per area × principle (baseline)")]
    public int GroupByCount() => items
        .SelectMany(i => (i.Areas.Count == 0 ? [Rollup.None] : i.Areas).SelectMany(a => (i.Principles.Count == 0 ? [Rollup.None] : i.Principles).Select(p => (a, p))))
        .GroupBy(cell => cell)
        .Count();

    [Benchmark(Description = "Rollup.Build, no filter")]
    public int BuildAll() => Rollup.Build(items, RollupFilter.None).MaxCell;

    [Benchmark(Description = "Rollup.Build, group + region filter")]
    public int BuildFiltered() => Rollup.Build(items, GroupAndRegion).MaxCell;

    [Benchmark(Description = "Drill-down: ItemsInArea + KeyFindingCoverage.Uncovered")]
    public int DrillDown() => all.ItemsInArea(engagement).Count + KeyFindingCoverage.Uncovered(all, findings, engagement).Count;
}
