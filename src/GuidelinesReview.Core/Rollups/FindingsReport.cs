using GuidelinesReview.Core.Accounts;

namespace GuidelinesReview.Core.Rollups;

/// <summary>
/// A comment as a line of the report's disposition table. <see cref="Language"/> is the code of the
/// reading view it was written on ("en" when on the version's own text), upper case as the pages show it.
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
    string Decision,
    string Observation,
    string WhereAddressed,
    string Language = "");

public sealed record ReportTakeaway(int Id, string Room, string Kind, string Text);

public sealed record ReportFinding(string? Principle, string Markdown, int Covers);

public sealed record ReportCounts(int Items, IReadOnlyList<(string Label, int Count)> ByGroup, IReadOnlyList<(string Label, int Count)> ByRegion)
{
    /// <summary>"12 items. By stakeholder group: … By region: …", as both exports print it.</summary>
    public override string ToString()
    {
        var text = $"{Items.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} items.";
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

public sealed record ReportPrinciple(string Name, IReadOnlyList<ReportFinding> Findings, ReportCounts Counts, IReadOnlyList<ReportComment> Comments, IReadOnlyList<ReportTakeaway> Takeaways);

public sealed record ReportArea(string Name, IReadOnlyList<ReportFinding> Findings, ReportCounts Counts, IReadOnlyList<ReportPrinciple> Principles);

/// <summary>
/// The consultation findings, per thematic area → principle: key findings, who was heard
/// (stakeholder groups and regions), the disposition table and the room takeaways. An item
/// tagged with several principles appears under each of them, as in the rollup's matrix.
/// </summary>
public sealed record FindingsReport(string Title, string Scope, int Total, IReadOnlyList<ReportArea> Areas)
{
    public const string NoArea = "No thematic area";
    public const string NoPrinciple = "No principle";

    public sealed record Term(int Id, string Name);

    public sealed record Finding(FindingLinks Links, string Markdown);

    /// <summary>
    /// Builds the report from a (filtered) rollup. <paramref name="comments"/> and
    /// <paramref name="takeaways"/> give the text of the items by id; items without one (hidden
    /// since, say) are left out of the tables but still counted.
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

                sections.Add(new ReportPrinciple(
                    principle.Name,
                    cellFindings,
                    CountsOf(items),
                    items.Where(i => i.Kind == RollupItemKind.Comment).Select(i => comments.GetValueOrDefault(i.Id)).OfType<ReportComment>().ToList(),
                    items.Where(i => i.Kind == RollupItemKind.Takeaway).Select(i => takeaways.GetValueOrDefault(i.Id)).OfType<ReportTakeaway>().ToList()));
            }

            result.Add(new ReportArea(area.Name, areaFindings.Where(f => f.Links.Principle is null).Select(Of).ToList(), CountsOf(areaItems), sections));
        }

        return new FindingsReport(title, scope, rollup.Total, result);
    }

    private static ReportCounts CountsOf(IReadOnlyList<RollupItem> items) => new(
        items.Count,
        items.Where(i => i.Group is not null).GroupBy(i => i.Group!.Value).OrderBy(g => g.Key).Select(g => (ProfileNames.Of(g.Key), g.Count())).ToList(),
        items.Where(i => i.Region is not null).GroupBy(i => i.Region!.Value).OrderBy(g => g.Key).Select(g => (ProfileNames.Of(g.Key), g.Count())).ToList());
}
