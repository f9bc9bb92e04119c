using System.Text;
using GuidelinesReview.Core.Accounts;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Rollups;

namespace GuidelinesReview.Tests.Core;

public sealed class FindingsReportTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static ReportComment Line(int id, string text = "Text") =>
        new(id, "8.1 Participation", "s9.1-p1", "Lina Local", "City", "Local and regional government", "Africa", "General", text, null, null, "", "", "EN", "8.1 Participation: “Cities should open”");

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
    public void Areas_and_principles_with_nothing_in_them_are_left_out_and_items_are_referred_to_under_each_of_their_principles()
    {
        var report = Report();

        Assert.Equal(["Engagement", FindingsReport.NoArea], report.Areas.Select(a => a.Name));
        var engagement = report.Areas[0];
        Assert.Equal(["Community", "Transparency"], engagement.Principles.Select(p => p.Name));
        Assert.Equal([1], engagement.Principles[0].CommentNumbers);
        Assert.Equal([1], engagement.Principles[1].CommentNumbers);
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
    public void The_annex_lists_each_comment_once_with_every_area_and_principle_it_is_counted_under()
    {
        var report = Report();

        Assert.Equal([1, 2], report.Annex.Select(e => e.Number));
        Assert.Equal(["Engagement › Community, Transparency"], report.Annex[0].TaggedUnder);
        Assert.Equal(["No thematic area › Transparency"], report.Annex[1].TaggedUnder);
    }

    [Fact]
    public void The_summary_counts_every_decision_including_not_yet_decided_and_who_was_heard()
    {
        var rollup = Rollup.Build(
        [
            new RollupItem(RollupItemKind.Comment, 1, [1], [11], At, StakeholderGroup.NationalGovernment, Region.Africa),
            new RollupItem(RollupItemKind.Comment, 2, [1], [11], At, StakeholderGroup.NationalGovernment, Region.Africa),
            new RollupItem(RollupItemKind.Comment, 3, [1], [11], At, StakeholderGroup.Academia, Region.EuropeAndCentralAsia),
            new RollupItem(RollupItemKind.Takeaway, 9, [1], [11], At, RoomId: 1),
        ], RollupFilter.None);
        var comments = new Dictionary<int, ReportComment>
        {
            [1] = Line(1) with { Decision = Decision.Accepted }, [2] = Line(2) with { Decision = Decision.AcceptedInPart }, [3] = Line(3),
        };

        var report = FindingsReport.Build("Findings", "All feedback.", rollup, [new(1, "Engagement")], [new(11, "Community")],
            [new(new FindingLinks(40, 1, 11, new HashSet<int>(), new HashSet<int>()), "Say **more**.")], comments, new Dictionary<int, ReportTakeaway>());

        Assert.Equal(
            [new("Accepted", 1), new("Accepted in part", 1), new("Not accepted", 0), new("Noted", 0), new("Out of scope", 0), new DecisionCount("Not yet decided", 1)],
            report.Summary.Decisions);
        Assert.Equal("Of 3 comments, 2 have a decision (1 accepted, 1 accepted in part); 1 is not yet decided.", FindingsExport.DecisionLine(report.Summary));
        Assert.Equal("3 comments and 1 room takeaway, from 2 stakeholder groups in 2 regions.", FindingsExport.HeardLine(report.Summary));
        Assert.Equal([("National government", 2), ("Academia", 1)], report.Summary.Heard.ByGroup);
        var (area, findings) = Assert.Single(report.Summary.KeyFindings);
        Assert.Equal("Engagement", area);
        Assert.Equal("Say **more**.", Assert.Single(findings).Markdown);
    }

    [Fact]
    public void The_markdown_reads_summary_details_annex_keeps_safe_formatting_and_links_each_number_to_its_entry()
    {
        var rollup = Rollup.Build([new RollupItem(RollupItemKind.Comment, 1, [1], [11, 12], At)], RollupFilter.None);
        var report = FindingsReport.Build("Findings", "All feedback.", rollup, [new(1, "Engagement")], [new(11, "Community"), new(12, "Transparency")], [],
            new Dictionary<int, ReportComment> { [1] = Line(1, "We need **binding** votes. See [this](javascript:alert(1)) <b>now</b>\n# Not a heading of the report") }, new Dictionary<int, ReportTakeaway>());

        var md = FindingsExport.Markdown(report);

        var order = new[] { "## Executive summary", "### Decisions", "### Who was heard", "## Findings by thematic area", "### Engagement", "#### Community", "#### Transparency", "## Disposition annex", "### Comment 1" }
            .Select(h => md.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal(2, Regex.Matches(md, @"Comment \[1\]\(#comment-1\)").Count);
        Assert.Single(Regex.Matches(md, "^### Comment 1$", RegexOptions.Multiline));
        Assert.Contains("> We need **binding** votes. See this \\<b>now\\</b>\n> # Not a heading of the report", md, StringComparison.Ordinal);
        Assert.Contains("**Place:** 8.1 Participation: “Cities should open”", md, StringComparison.Ordinal);
        Assert.Contains("**Tagged under:** Engagement › Community, Transparency", md, StringComparison.Ordinal);
        Assert.Contains("| Not yet decided | 1 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", md, StringComparison.Ordinal);
        Assert.Contains("- *Community:* People want a *say*. *(covers 2 items)*", FindingsExport.Markdown(Report()), StringComparison.Ordinal);
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
