using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Core.Rollups;

/// <summary>
/// A comment as an entry of the report's disposition annex. <see cref="Language"/> is the code of the
/// reading view it was written on ("en" when on the version's own text), upper case as the pages show it.
/// <see cref="Place"/> names the block in words (<c>BlockPlace.Label</c>); <see cref="Decision"/> is
/// null while the secretariat has not decided. <see cref="Text"/>, <see cref="ProposedChange"/> and
/// <see cref="Observation"/> are Markdown, as written.
/// </summary>
public sealed record ReportComment(
    int Id,
    string Section,
    string Anchor,
    string Author,
    string Organisation,
    string Group,
    string Region,
    string Type,
    string Text,
    string? ProposedChange,
    Decision? Decision,
    string Observation,
    string WhereAddressed,
    string Language = "",
    string Place = "")
{
    public const string Undecided = "Not yet decided";

    public string DecisionName => Decision is { } d ? CommentNames.Of(d) : Undecided;

    /// <summary>The block in words, or the section title when the block is not known.</summary>
    public string PlaceName => Place.Length > 0 ? Place : Section;
}

public sealed record ReportTakeaway(int Id, string Room, string Kind, string Text);

public sealed record ReportFinding(string? Principle, string Markdown, int Covers);

public sealed record ReportCounts(int Items, IReadOnlyList<(string Label, int Count)> ByGroup, IReadOnlyList<(string Label, int Count)> ByRegion)
{
    /// <summary>"12 items. By stakeholder group: … By region: …", as both exports print it.</summary>
    public override string ToString()
    {
        var text = $"{Items.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} item{(Items == 1 ? "" : "s")}.";
        if (ByGroup.Count > 0)
        {
            text += " By stakeholder group: " + string.Join(", ", ByGroup.Select(g => $"{g.Label} {g.Count}")) + ".";
        }

        if (ByRegion.Count > 0)
        {
            text += " By region: " + string.Join(", ", ByRegion.Select(r => $"{r.Label} {r.Count}")) + ".";
        }

        return text;
    }
}

/// <summary>A principle of an area: its key findings, who was heard, the numbers of its comments in the annex, and the room takeaways.</summary>
public sealed record ReportPrinciple(string Name, IReadOnlyList<ReportFinding> Findings, ReportCounts Counts, IReadOnlyList<int> CommentNumbers, IReadOnlyList<ReportTakeaway> Takeaways);

public sealed record ReportArea(string Name, IReadOnlyList<ReportFinding> Findings, ReportCounts Counts, IReadOnlyList<ReportPrinciple> Principles)
{
    /// <summary>The area's own findings, then each principle's, in the order the details list them.</summary>
    public IEnumerable<ReportFinding> AllFindings => Findings.Concat(Principles.SelectMany(p => p.Findings));
}

/// <summary>How many counted comments have each decision, in the order the dispositions page offers them, undecided last.</summary>
public sealed record DecisionCount(string Label, int Count);

/// <summary>
/// What the report opens with: the key findings of each thematic area, where the decisions stand,
/// and who was heard (comments and room takeaways, by stakeholder group and region).
/// </summary>
public sealed record ReportSummary(
    IReadOnlyList<(string Area, IReadOnlyList<ReportFinding> Findings)> KeyFindings,
    IReadOnlyList<DecisionCount> Decisions,
    int Comments,
    int Takeaways,
    ReportCounts Heard);

/// <summary>
/// An entry of the disposition annex: a comment, once, with the areas and principles it is
/// counted under ("Engagement › Community, Transparency"), which the details refer to by its number.
/// </summary>
public sealed record AnnexEntry(ReportComment Comment, IReadOnlyList<string> TaggedUnder)
{
    public int Number => Comment.Id;
}

/// <summary>
/// The consultation findings, as a report is read: an executive summary (<see cref="Summary"/>),
/// the details per thematic area → principle (key findings, who was heard, the numbers of the
/// comments and the room takeaways), and the disposition annex, where each comment appears exactly
/// once, in document order, however many principles it is tagged with.
/// </summary>
public sealed record FindingsReport(string Title, string Scope, int Total, ReportSummary Summary, IReadOnlyList<ReportArea> Areas, IReadOnlyList<AnnexEntry> Annex)
{
    public const string NoArea = "No thematic area";
    public const string NoPrinciple = "No principle";

    public sealed record Term(int Id, string Name);

    public sealed record Finding(FindingLinks Links, string Markdown);

    /// <summary>
    /// Builds the report from a (filtered) rollup. <paramref name="comments"/> and
    /// <paramref name="takeaways"/> give the text of the items by id; items without one (hidden
    /// since, say) are left out of the annex but still counted. The annex follows the order of
    /// <paramref name="comments"/> (document order).
    /// </summary>
    public static FindingsReport Build(
        string title,
        string scope,
        Rollup rollup,
        IReadOnlyList<Term> areas,
        IReadOnlyList<Term> principles,
        IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<int, ReportComment> comments,
        IReadOnlyDictionary<int, ReportTakeaway> takeaways)
    {
        var covers = KeyFindingCoverage.Covered(rollup, findings.Select(f => f.Links));
        var allAreas = areas.Append(new Term(Rollup.None, NoArea));
        var allPrinciples = principles.Append(new Term(Rollup.None, NoPrinciple)).ToList();
        string PrincipleName(int? id) => id is { } p ? allPrinciples.FirstOrDefault(t => t.Id == p)?.Name ?? "?" : "";

        ReportFinding Of(Finding f) => new(f.Links.Principle is null ? null : PrincipleName(f.Links.Principle), f.Markdown, covers[f.Links.Id]);

        var taggedUnder = new Dictionary<int, List<(string Area, string? Principle)>>();
        var result = new List<ReportArea>();
        foreach (var area in allAreas)
        {
            var areaItems = rollup.ItemsInArea(area.Id);
            var areaFindings = findings.Where(f => f.Links.Area == area.Id).ToList();
            if (areaItems.Count == 0 && areaFindings.Count == 0)
            {
                continue;
            }

            var sections = new List<ReportPrinciple>();
            foreach (var principle in allPrinciples)
            {
                var items = rollup.ItemsIn(area.Id, principle.Id);
                var cellFindings = areaFindings.Where(f => f.Links.Principle == principle.Id).Select(Of).ToList();
                if (items.Count == 0 && cellFindings.Count == 0)
                {
                    continue;
                }

                var numbers = items.Where(i => i.Kind == RollupItemKind.Comment && comments.ContainsKey(i.Id)).Select(i => i.Id).Distinct().Order().ToList();
                foreach (var id in numbers)
                {
                    if (!taggedUnder.TryGetValue(id, out var list))
                    {
                        taggedUnder[id] = list = [];
                    }

                    list.Add((area.Name, principle.Id == Rollup.None ? null : principle.Name));
                }

                sections.Add(new ReportPrinciple(
                    principle.Name,
                    cellFindings,
                    CountsOf(items),
                    numbers,
                    items.Where(i => i.Kind == RollupItemKind.Takeaway).Select(i => takeaways.GetValueOrDefault(i.Id)).OfType<ReportTakeaway>().ToList()));
            }

            result.Add(new ReportArea(area.Name, areaFindings.Where(f => f.Links.Principle is null).Select(Of).ToList(), CountsOf(areaItems), sections));
        }

        var counted = rollup.Items.Where(i => i.Kind == RollupItemKind.Comment).Select(i => i.Id).ToHashSet();
        var annex = comments.Values.Where(c => counted.Contains(c.Id))
            .Select(c => new AnnexEntry(c, Tags(taggedUnder.GetValueOrDefault(c.Id)))).ToList();
        var decisions = Enum.GetValues<Decision>().Select(d => new DecisionCount(CommentNames.Of(d), annex.Count(e => e.Comment.Decision == d)))
            .Append(new DecisionCount(ReportComment.Undecided, annex.Count(e => e.Comment.Decision is null)))
            .ToList();
        var summary = new ReportSummary(
            result.Select(a => (a.Name, (IReadOnlyList<ReportFinding>)a.AllFindings.ToList())).Where(a => a.Item2.Count > 0).ToList(),
            decisions,
            rollup.Items.Count(i => i.Kind == RollupItemKind.Comment),
            rollup.Items.Count(i => i.Kind == RollupItemKind.Takeaway),
            CountsOf(rollup.Items));
        return new FindingsReport(title, scope, rollup.Total, summary, result, annex);
    }

    /// <summary>"Engagement › Community, Transparency": each area once, with the principles the comment is counted under in it.</summary>
    private static IReadOnlyList<string> Tags(List<(string Area, string? Principle)>? tags) =>
        tags is null ? [] : tags.GroupBy(t => t.Area).Select(g =>
        {
            var principles = g.Select(t => t.Principle).OfType<string>().ToList();
            return principles.Count == 0 ? g.Key : $"{g.Key} › {string.Join(", ", principles)}";
        }).ToList();

    private static ReportCounts CountsOf(IReadOnlyList<RollupItem> items) => new(
        items.Count,
        items.Where(i => i.Group is not null).GroupBy(i => i.Group!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (ProfileNames.Of(g.Key), g.Count())).ToList(),
        items.Where(i => i.Region is not null).GroupBy(i => i.Region!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (ProfileNames.Of(g.Key), g.Count())).ToList());
}
