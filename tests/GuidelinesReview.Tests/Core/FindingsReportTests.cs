using System.Text;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Rollups;

namespace GuidelinesReview.Tests.Core;

public sealed class FindingsReportTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static ReportComment Line(int id, string text = "Text") =>
        new(id, "8.1 Participation", "s9.1-p1", "Lina Local", "City", "Local and regional government", "Africa", "General", text, null, "Not yet decided", "", "");

    private static FindingsReport Report()
    {
        RollupItem[] items =
        [
            new(RollupItemKind.Comment, 1, [1], [11, 12], At, StakeholderGroup.LocalAndRegionalGovernment, Region.Africa),
            new(RollupItemKind.Comment, 2, [], [12], At, StakeholderGroup.NationalGovernment, Region.Africa),
            new(RollupItemKind.Takeaway, 7, [1], [11], At, RoomId: 3),
        ];
        var rollup = Rollup.Build(items, RollupFilter.None);
        return FindingsReport.Build("Findings", "All feedback.", rollup,
            [new(1, "Engagement"), new(2, "Inclusion")], [new(11, "Community"), new(12, "Transparency")],
            [new(new FindingLinks(40, 1, 11, new HashSet<int> { 1 }, new HashSet<int> { 7 }), "People want a *say*."), new(new FindingLinks(41, 1, null, new HashSet<int>(), new HashSet<int>()), "Area-wide point.")],
            new Dictionary<int, ReportComment> { [1] = Line(1), [2] = Line(2) },
            new Dictionary<int, ReportTakeaway> { [7] = new(7, "Room 2", "Concern", "Budgets are opaque") });
    }

    [Fact]
    public void Areas_and_principles_with_nothing_in_them_are_left_out_and_items_appear_under_each_of_their_principles()
    {
        var report = Report();

        Assert.Equal(["Engagement", FindingsReport.NoArea], report.Areas.Select(a => a.Name));
        var engagement = report.Areas[0];
        Assert.Equal(["Community", "Transparency"], engagement.Principles.Select(p => p.Name));
        Assert.Equal([1], engagement.Principles[0].Comments.Select(c => c.Id));
        Assert.Equal([1], engagement.Principles[1].Comments.Select(c => c.Id));
        Assert.Equal(["Budgets are opaque"], engagement.Principles[0].Takeaways.Select(t => t.Text));
        Assert.Equal(2, engagement.Counts.Items);
        Assert.Equal([("Local and regional government", 1)], engagement.Counts.ByGroup);
        Assert.Equal(3, report.Total);
    }

    [Fact]
    public void Key_findings_sit_under_their_area_or_cell_with_the_number_of_items_they_cover()
    {
        var engagement = Report().Areas[0];

        Assert.Equal([new ReportFinding(null, "Area-wide point.", 0)], engagement.Findings);
        Assert.Equal([new ReportFinding("Community", "People want a *say*.", 2)], engagement.Principles[0].Findings);
        Assert.Empty(engagement.Principles[1].Findings);
    }

    [Fact]
    public void The_markdown_keeps_the_findings_markdown_and_makes_participants_text_inert()
    {
        var rollup = Rollup.Build([new RollupItem(RollupItemKind.Comment, 1, [1], [11], At)], RollupFilter.None);
        var report = FindingsReport.Build("Findings", "All feedback.", rollup, [new(1, "Engagement")], [new(11, "Community")], [],
            new Dictionary<int, ReportComment> { [1] = Line(1, "See [this](javascript:alert(1)) | <b>now</b>\nsecond line") }, new Dictionary<int, ReportTakeaway>());

        var md = FindingsExport.Markdown(report);

        Assert.Contains(@"See \[this\](javascript:alert(1)) \| \<b\>now\</b\><br>second line", md, StringComparison.Ordinal);
        Assert.Contains("| # | Section | Language | Comment | Proposed change | Decision | Observation | Where addressed |", md, StringComparison.Ordinal);
        Assert.Contains("- People want a *say*. *(covers 2 items)*", FindingsExport.Markdown(Report()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_starts_with_a_byte_order_mark_quotes_what_needs_it_and_disarms_formulas()
    {
        var bytes = FindingsExport.Csv([Line(1, "=HYPERLINK(\"x\")"), Line(2, "Comma, \"quote\"\nand line"), Line(3, "مدينة ذكية")]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var rows = text.Split("\r\n");
        Assert.Equal(string.Join(',', FindingsExport.CsvColumns), rows[0]);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", rows[1], StringComparison.Ordinal);
        Assert.Contains("\"Comma, \"\"quote\"\"\nand line\"", text, StringComparison.Ordinal);
        Assert.Contains(",مدينة ذكية,", text, StringComparison.Ordinal);
    }
}
