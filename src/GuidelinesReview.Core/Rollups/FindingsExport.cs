using System.Globalization;
using System.Text;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Core.Rollups;

/// <summary>The findings report as Markdown, and its disposition table as CSV.</summary>
public static class FindingsExport
{
    public static readonly string[] CsvColumns =
    [
        "Comment", "Section", "Paragraph", "Author", "Organisation", "Stakeholder group", "Region", "Type",
        "Language", "Comment text", "Proposed change", "Decision", "Observation", "Where addressed",
    ];

    /// <summary>The heading id a Markdown viewer gives "Comment 12" (GitHub, VS Code, pandoc), which the details link to.</summary>
    public static string CommentAnchor(int number) => $"comment-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The report as Markdown: executive summary, details per area and principle (comments by
    /// number, linked to the annex), and the disposition annex with each comment once. Participants'
    /// and the secretariat's Markdown is kept but held to the page's rules (<see cref="SafeMarkdownExport"/>);
    /// names, places and labels are made inert.
    /// </summary>
    public static string Markdown(FindingsReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.AppendLine(Escape(report.Scope)).AppendLine();
        md.AppendLine(Escape(CountedLine(report))).AppendLine();

        md.AppendLine("## Executive summary").AppendLine();
        md.AppendLine("### Key findings").AppendLine();
        if (report.Summary.KeyFindings.Count == 0)
        {
            md.AppendLine(NoFindings).AppendLine();
        }

        foreach (var (area, findings) in report.Summary.KeyFindings)
        {
            md.Append("#### ").AppendLine(Escape(area)).AppendLine();
            Findings(md, findings, withPrinciple: true);
        }

        md.AppendLine("### Decisions").AppendLine();
        md.AppendLine(Escape(DecisionLine(report.Summary))).AppendLine();
        md.AppendLine("| Decision | Comments |").AppendLine("|---|---:|");
        foreach (var d in report.Summary.Decisions)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(d.Label)} | {d.Count} |").AppendLine();
        }

        md.AppendLine();
        md.AppendLine("### Who was heard").AppendLine();
        md.AppendLine(Escape(HeardLine(report.Summary))).AppendLine();
        Tally(md, "Stakeholder group", report.Summary.Heard.ByGroup);
        Tally(md, "Region", report.Summary.Heard.ByRegion);

        md.AppendLine("## Findings by thematic area").AppendLine();
        md.AppendLine("Comments are referred to by their number in the disposition annex, under every area and principle they are tagged with.").AppendLine();
        foreach (var area in report.Areas)
        {
            md.Append("### ").AppendLine(Escape(area.Name)).AppendLine();
            md.AppendLine(Escape(area.Counts.ToString())).AppendLine();
            Findings(md, area.Findings, withPrinciple: false);
            foreach (var principle in area.Principles)
            {
                md.Append("#### ").AppendLine(Escape(principle.Name)).AppendLine();
                md.AppendLine(Escape(principle.Counts.ToString())).AppendLine();
                Findings(md, principle.Findings, withPrinciple: false);
                if (principle.CommentNumbers.Count > 0)
                {
                    md.Append(principle.CommentNumbers.Count == 1 ? "Comment " : "Comments ")
                        .AppendJoin(", ", principle.CommentNumbers.Select(n => $"[{n.ToString(CultureInfo.InvariantCulture)}](#{CommentAnchor(n)})"))
                        .AppendLine(".").AppendLine();
                }

                if (principle.Takeaways.Count > 0)
                {
                    md.AppendLine("Room takeaways:").AppendLine();
                    foreach (var t in principle.Takeaways)
                    {
                        md.Append("- *").Append(Escape(t.Kind)).Append("* (").Append(Escape(t.Room)).Append("): ").AppendLine(Escape(t.Text).ReplaceLineEndings(" "));
                    }

                    md.AppendLine();
                }
            }
        }

        md.AppendLine("## Disposition annex").AppendLine();
        md.AppendLine(report.Annex.Count == 0 ? "No comments match." : "Each comment once, in the order of the draft, with the secretariat's decision.").AppendLine();
        foreach (var entry in report.Annex)
        {
            var c = entry.Comment;
            md.Append("### Comment ").AppendLine(entry.Number.ToString(CultureInfo.InvariantCulture)).AppendLine();
            md.Append("**Place:** ").Append(Escape(c.PlaceName)).AppendLine("  ");
            md.Append("**From:** ").Append(Escape(AuthorLine(c))).AppendLine("  ");
            md.Append("**Type:** ").Append(Escape(c.Type)).Append(" · **Language:** ").Append(Escape(c.Language));
            if (entry.TaggedUnder.Count > 0)
            {
                md.AppendLine("  ").Append("**Tagged under:** ").Append(Escape(string.Join("; ", entry.TaggedUnder)));
            }

            md.AppendLine().AppendLine();
            Quoted(md, c.Text);
            if (!string.IsNullOrWhiteSpace(c.ProposedChange))
            {
                md.AppendLine("**Proposed change:**").AppendLine();
                Quoted(md, c.ProposedChange);
            }

            md.Append("**Decision:** ").Append(Escape(c.DecisionName));
            if (c.WhereAddressed.Length > 0)
            {
                md.Append(" · **Addressed in:** ").Append(Escape(c.WhereAddressed));
            }

            md.AppendLine().AppendLine();
            if (!string.IsNullOrWhiteSpace(c.Observation))
            {
                md.AppendLine(Clean(c.Observation)).AppendLine();
            }
        }

        return md.ToString();
    }

    public const string NoFindings = "No key findings have been written for these filters yet; the secretariat writes them on the rollup page.";

    /// <summary>"40 items counted: 36 comments and 4 room takeaways."</summary>
    public static string CountedLine(FindingsReport report) =>
        $"{report.Total.ToString("N0", CultureInfo.InvariantCulture)} item{(report.Total == 1 ? "" : "s")} counted: {Plural(report.Summary.Comments, "comment")} and {Plural(report.Summary.Takeaways, "room takeaway")}.";

    /// <summary>"Of 36 comments, 20 have a decision: 8 accepted, … 16 are not yet decided."</summary>
    public static string DecisionLine(ReportSummary summary)
    {
        var total = summary.Decisions.Sum(d => d.Count);
        var undecided = summary.Decisions.Single(d => d.Label == ReportComment.Undecided).Count;
        var decided = summary.Decisions.Where(d => d.Label != ReportComment.Undecided && d.Count > 0).Select(d => $"{d.Count} {d.Label.ToLowerInvariant()}").ToList();
        var text = $"Of {Plural(total, "comment")}, {(total - undecided).ToString(CultureInfo.InvariantCulture)} {(total - undecided == 1 ? "has" : "have")} a decision";
        text += decided.Count > 0 ? $" ({string.Join(", ", decided)})" : "";
        return text + $"; {undecided.ToString(CultureInfo.InvariantCulture)} {(undecided == 1 ? "is" : "are")} not yet decided.";
    }

    /// <summary>"36 comments and 4 room takeaways, from 5 stakeholder groups in 4 regions."</summary>
    public static string HeardLine(ReportSummary summary) =>
        $"{Plural(summary.Comments, "comment")} and {Plural(summary.Takeaways, "room takeaway")}, from {Plural(summary.Heard.ByGroup.Count, "stakeholder group")} in {Plural(summary.Heard.ByRegion.Count, "region")}.";

    /// <summary>"Lina Local, City (Local and regional government, Africa)".</summary>
    public static string AuthorLine(ReportComment c)
    {
        var profile = string.Join(", ", new[] { c.Group, c.Region }.Where(s => s.Length > 0));
        return $"{c.Author}{(c.Organisation.Length > 0 ? ", " + c.Organisation : "")}{(profile.Length > 0 ? $" ({profile})" : "")}";
    }

    public static string Plural(int count, string noun) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    private static void Tally(StringBuilder md, string label, IReadOnlyList<(string Label, int Count)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("| ").Append(label).AppendLine(" | Items |").AppendLine("|---|---:|");
        foreach (var (name, count) in rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(name)} | {count} |").AppendLine();
        }

        md.AppendLine();
    }

    /// <summary>Markdown written in the app as a block quote: kept as written, held to the page's rules, and contained (a heading in a comment stays inside its quote).</summary>
    private static void Quoted(StringBuilder md, string markdown)
    {
        foreach (var line in Clean(markdown).Split('\n'))
        {
            md.Append(line.Length == 0 ? ">" : "> ").AppendLine(line);
        }

        md.AppendLine();
    }

    private static string Clean(string markdown) => SafeMarkdownExport.Clean(markdown.Trim()).ReplaceLineEndings("\n");

    /// <summary>
    /// RFC 4180 CSV with a UTF-8 byte order mark, so spreadsheet programs read non-Latin text
    /// correctly. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
    /// </summary>
    public static byte[] Csv(IEnumerable<ReportComment> comments)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvColumns.Select(Quote)).Append("\r\n");
        foreach (var c in comments)
        {
            string[] cells =
            [
                c.Id.ToString(CultureInfo.InvariantCulture), c.Section, c.Anchor, c.Author, c.Organisation, c.Group, c.Region, c.Type,
                c.Language, c.Text, c.ProposedChange ?? "", c.DecisionName, c.Observation, c.WhereAddressed,
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Findings(StringBuilder md, IReadOnlyList<ReportFinding> findings, bool withPrinciple)
    {
        if (findings.Count == 0)
        {
            return;
        }

        if (!withPrinciple)
        {
            md.AppendLine("Key findings:").AppendLine();
        }

        foreach (var f in findings)
        {
            // The finding is the secretariat's own Markdown: kept as written, indented under its
            // bullet, but held to the page's rules, as the file is opened in other tools.
            md.Append("- ");
            if (withPrinciple && f.Principle is not null)
            {
                md.Append('*').Append(Escape(f.Principle)).Append(":* ");
            }

            md.Append(Clean(f.Markdown).ReplaceLineEndings("\n  "))
                .Append(CultureInfo.InvariantCulture, $" *(covers {f.Covers} item{(f.Covers == 1 ? "" : "s")})*").AppendLine();
        }

        md.AppendLine();
    }

    /// <summary>Text from participants, made inert: no emphasis, links, HTML or code spans.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Escape(text).ReplaceLineEndings("<br>");
}
