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

    public static string Markdown(FindingsReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.AppendLine(Escape(report.Scope)).AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"{report.Total:N0} items counted.").AppendLine().AppendLine();
        foreach (var area in report.Areas)
        {
            md.Append("## ").AppendLine(Escape(area.Name)).AppendLine();
            md.AppendLine(Escape(area.Counts.ToString())).AppendLine();
            Findings(md, area.Findings);
            foreach (var principle in area.Principles)
            {
                md.Append("### ").AppendLine(Escape(principle.Name)).AppendLine();
                md.AppendLine(Escape(principle.Counts.ToString())).AppendLine();
                Findings(md, principle.Findings);
                if (principle.Comments.Count > 0)
                {
                    md.AppendLine("| # | Section | Language | Comment | Proposed change | Decision | Observation | Where addressed |");
                    md.AppendLine("|---|---|---|---|---|---|---|---|");
                    foreach (var c in principle.Comments)
                    {
                        md.Append(CultureInfo.InvariantCulture, $"| {c.Id} | {Cell(c.Section)} | {Cell(c.Language)} | {Cell(c.Text)} — {Cell(c.Author)} ({Cell(c.Group)}, {Cell(c.Region)}) | {Cell(c.ProposedChange ?? "")} | {Cell(c.Decision)} | {Cell(c.Observation)} | {Cell(c.WhereAddressed)} |").AppendLine();
                    }

                    md.AppendLine();
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

        return md.ToString();
    }

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
                c.Language, c.Text, c.ProposedChange ?? "", c.Decision, c.Observation, c.WhereAddressed,
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

    private static void Findings(StringBuilder md, IReadOnlyList<ReportFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        md.AppendLine("Key findings:").AppendLine();
        foreach (var f in findings)
        {
            // The finding is the secretariat's own Markdown: kept as written, indented under its
            // bullet, but held to the page's rules, as the file is opened in other tools.
            md.Append("- ").Append(SafeMarkdownExport.Clean(f.Markdown.Trim()).ReplaceLineEndings("\n  "))
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
