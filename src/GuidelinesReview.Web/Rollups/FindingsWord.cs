using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Rollups;
using static GuidelinesReview.Web.Infrastructure.WordParts;

namespace GuidelinesReview.Web.Rollups;

/// <summary>
/// The findings report as a Word document the secretariat edits: built-in heading styles (so the
/// navigation pane and a table of contents work), landscape pages for the disposition tables,
/// whose header row repeats on each page.
/// </summary>
public static class FindingsWord
{
    private static readonly string[] Columns = ["#", "Section", "Language", "Comment", "Proposed change", "Decision", "Observation", "Where addressed"];

    /// <summary>Column widths in fiftieths of a percent (5000 = the page width): most room for the comment.</summary>
    private static readonly int[] Widths = [250, 650, 250, 1400, 750, 450, 700, 550];

    public static byte[] Build(FindingsReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para(report.Title, "Title"));
            body.Append(Para(report.Scope));
            body.Append(Para($"{report.Total.ToString("N0", CultureInfo.InvariantCulture)} items counted."));
            foreach (var area in report.Areas)
            {
                body.Append(Para(area.Name, "Heading1"));
                body.Append(Para(area.Counts.ToString()));
                AppendFindings(body, area.Findings);
                foreach (var principle in area.Principles)
                {
                    body.Append(Para(principle.Name, "Heading2"));
                    body.Append(Para(principle.Counts.ToString()));
                    AppendFindings(body, principle.Findings);
                    if (principle.Comments.Count > 0)
                    {
                        body.Append(Table(principle.Comments));
                    }

                    if (principle.Takeaways.Count > 0)
                    {
                        body.Append(Para("Room takeaways", "Heading3"));
                        foreach (var t in principle.Takeaways)
                        {
                            body.Append(Para($"{t.Kind} ({t.Room}): {t.Text}", "ListParagraph"));
                        }
                    }
                }
            }

            // A4 landscape, 2 cm margins: room for the eight columns of the disposition tables.
            body.Append(new SectionProperties(
                new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendFindings(Body body, IReadOnlyList<ReportFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        body.Append(Para("Key findings", "Heading3"));
        foreach (var f in findings)
        {
            var paragraphs = FromMarkdown(f.Markdown, "ListParagraph").ToList();
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(Para("", "ListParagraph"));
            }

            paragraphs[^1].Append(Run($" (covers {f.Covers} item{(f.Covers == 1 ? "" : "s")})", italic: true));
            foreach (var paragraph in paragraphs)
            {
                body.Append(paragraph);
            }
        }
    }

    private static Table Table(IReadOnlyList<ReportComment> comments)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border, new TableLayout { Type = TableLayoutValues.Fixed }));
        // the grid in twentieths of a point, over the 25.7 cm between the margins
        table.Append(new TableGrid(Widths.Select(w => new GridColumn { Width = (w * 14570 / 5000).ToString(CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < Columns.Length; i++)
        {
            header.Append(new TableCell(Width(i), new Paragraph(Run(Columns[i], bold: true))));
        }

        table.Append(header);
        foreach (var c in comments)
        {
            string[] cells =
            [
                c.Id.ToString(CultureInfo.InvariantCulture), $"{c.Section} ({c.Anchor})", c.Language,
                $"{c.Text}\n— {c.Author}, {c.Organisation} ({c.Group}{(c.Region.Length == 0 ? "" : ", " + c.Region)})",
                c.ProposedChange ?? "", c.Decision, c.Observation, c.WhereAddressed,
            ];
            table.Append(new TableRow(cells.Select((text, i) => Cell(text, i))));
        }

        return table;
    }

    private static TableCellProperties Width(int column) =>
        new(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = Widths[column].ToString(CultureInfo.InvariantCulture) });

    /// <summary>A cell whose lines stay separate lines.</summary>
    private static TableCell Cell(string text, int column)
    {
        var cell = new TableCell(Width(column));
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            cell.Append(Para(line));
        }

        return cell;
    }
}
