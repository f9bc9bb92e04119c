using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Infrastructure;
using static GuidelinesReview.Web.Infrastructure.WordParts;

namespace GuidelinesReview.Web.Rollups;

/// <summary>
/// The findings report as a Word document the secretariat edits and sends: an executive summary
/// (key findings per thematic area, decision status, who was heard), the details per area and
/// principle, which refer to comments by number, and the disposition annex, where each comment
/// appears once with its place in words, its text, the decision and the observation. Built-in
/// heading styles, so the navigation pane and a table of contents work; A4 portrait; Markdown as
/// Word formatting (<see cref="WordMarkdown"/>); the numbers are links to the annex's bookmarks.
/// </summary>
public static class FindingsWord
{
    /// <summary>The bookmark of a comment's annex entry (Word allows letters, digits and underscores).</summary>
    public static string Bookmark(int number) => $"comment_{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Text width of an A4 portrait page with 2 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 11906 - (2 * 1134);

    /// <summary>Annex columns: number, comment, decision (twips, summing to <see cref="TextWidth"/>).</summary>
    private static readonly int[] AnnexWidths = [900, 5338, 3400];

    public static byte[] Build(FindingsReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var markdown = new WordMarkdown(main);
            var body = new Body();
            body.Append(Para(report.Title, "Title"));
            body.Append(Para(report.Scope));
            body.Append(Para(FindingsExport.CountedLine(report)));

            Summary(body, markdown, report);

            body.Append(PageBreakBefore(Para("Findings by thematic area", "Heading1")));
            body.Append(Para("Comments are referred to by their number in the disposition annex, under every area and principle they are tagged with."));
            foreach (var area in report.Areas)
            {
                body.Append(Para(area.Name, "Heading2"));
                body.Append(Para(area.Counts.ToString()));
                Findings(body, markdown, area.Findings, withPrinciple: false);
                foreach (var principle in area.Principles)
                {
                    body.Append(Para(principle.Name, "Heading3"));
                    body.Append(Para(principle.Counts.ToString()));
                    Findings(body, markdown, principle.Findings, withPrinciple: false);
                    if (principle.CommentNumbers.Count > 0)
                    {
                        body.Append(References(principle.CommentNumbers));
                    }

                    if (principle.Takeaways.Count > 0)
                    {
                        body.Append(KeepWithNext(Para("Room takeaways:")));
                        foreach (var t in principle.Takeaways)
                        {
                            var item = Bullet(new Paragraph(Run(t.Kind, italic: true), Run($" ({t.Room}): ")));
                            item.Append(Run(t.Text.ReplaceLineEndings(" ")));
                            body.Append(item);
                        }
                    }
                }
            }

            body.Append(PageBreakBefore(Para("Disposition annex", "Heading1")));
            body.Append(Para(report.Annex.Count == 0 ? "No comments match." : "Each comment once, in the order of the draft, with the secretariat's decision."));
            if (report.Annex.Count > 0)
            {
                body.Append(Annex(markdown, report.Annex));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = Footer(main) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void Summary(Body body, WordMarkdown markdown, FindingsReport report)
    {
        body.Append(Para("Executive summary", "Heading1"));
        body.Append(Para("Key findings", "Heading2"));
        if (report.Summary.KeyFindings.Count == 0)
        {
            body.Append(Para(FindingsExport.NoFindings));
        }

        foreach (var (area, findings) in report.Summary.KeyFindings)
        {
            body.Append(Para(area, "Heading3"));
            Findings(body, markdown, findings, withPrinciple: true);
        }

        body.Append(Para("Decisions", "Heading2"));
        body.Append(Para(FindingsExport.DecisionLine(report.Summary)));
        body.Append(Tally("Decision", "Comments", report.Summary.Decisions.Select(d => (d.Label, d.Count)).ToList()));

        body.Append(Para("Who was heard", "Heading2"));
        body.Append(Para(FindingsExport.HeardLine(report.Summary)));
        if (report.Summary.Heard.ByGroup.Count + report.Summary.Heard.ByRegion.Count > 0)
        {
            body.Append(Heard(report.Summary.Heard));
        }
    }

    /// <summary>Stakeholder groups and regions side by side, so who was heard fits beside the decisions on the first page.</summary>
    private static Table Heard(ReportCounts heard)
    {
        int[] widths = [3300, 1000, 3300, 1000];
        var table = NewTable(widths);
        table.Append(Row(header: true, Cell(widths[0], Strong("Stakeholder group")), Cell(widths[1], Right(Strong("Items"))),
            Cell(widths[2], Strong("Region")), Cell(widths[3], Right(Strong("Items")))));
        for (var i = 0; i < Math.Max(heard.ByGroup.Count, heard.ByRegion.Count); i++)
        {
            TableCell[] Pair((string Label, int Count)[] rows, int column) => i < rows.Length
                ? [Cell(widths[column], Para(rows[i].Label)), Cell(widths[column + 1], Right(Para(rows[i].Count.ToString("N0", CultureInfo.InvariantCulture))))]
                : [Cell(widths[column]), Cell(widths[column + 1])];
            table.Append(Row(false, [.. Pair([.. heard.ByGroup], 0), .. Pair([.. heard.ByRegion], 2)]));
        }

        return table;
    }

    private static void Findings(Body body, WordMarkdown markdown, IReadOnlyList<ReportFinding> findings, bool withPrinciple)
    {
        if (findings.Count == 0)
        {
            return;
        }

        if (!withPrinciple)
        {
            body.Append(KeepWithNext(Para("Key findings:")));
        }

        foreach (var f in findings)
        {
            var paragraphs = markdown.Paragraphs(f.Markdown, "ListParagraph", 360).ToList();
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(Para("", "ListParagraph"));
            }

            Bullet(paragraphs[0]);
            if (withPrinciple && f.Principle is not null)
            {
                paragraphs[0].InsertAt(Run($"{f.Principle}: ", italic: true), 2);
            }

            paragraphs[^1].Append(Run($" (covers {f.Covers} item{(f.Covers == 1 ? "" : "s")})", italic: true));
            body.Append(paragraphs);
        }
    }

    /// <summary>The paragraph as a bullet hanging in its indent.</summary>
    private static Paragraph Bullet(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.ParagraphStyleId ??= new ParagraphStyleId { Val = "ListParagraph" };
        properties.Indentation = new Indentation { Left = "360", Hanging = "360" };
        paragraph.InsertAfter(Run("•\t"), properties);
        return paragraph;
    }

    /// <summary>"Comments 12, 15 and 23 (disposition annex)", each number a link to its entry.</summary>
    private static Paragraph References(IReadOnlyList<int> numbers)
    {
        var paragraph = new Paragraph(Run(numbers.Count == 1 ? "Comment " : "Comments "));
        for (var i = 0; i < numbers.Count; i++)
        {
            if (i > 0)
            {
                paragraph.Append(Run(i == numbers.Count - 1 ? " and " : ", "));
            }

            var number = numbers[i].ToString(CultureInfo.InvariantCulture);
            paragraph.Append(new Hyperlink(new Run(new RunProperties(new Color { Val = "1F4E9A" }, new Underline { Val = UnderlineValues.Single }), new Text(number)))
            { Anchor = Bookmark(numbers[i]), History = true });
        }

        paragraph.Append(Run(" (disposition annex)."));
        return paragraph;
    }

    private static Table Tally(string label, string countLabel, IReadOnlyList<(string Label, int Count)> rows)
    {
        var table = NewTable([6000, 1600]);
        table.Append(Row(header: true, Cell(6000, Strong(label)), Cell(1600, Right(Strong(countLabel)))));
        foreach (var (name, count) in rows)
        {
            table.Append(Row(header: false, Cell(6000, Para(name)), Cell(1600, Right(Para(count.ToString("N0", CultureInfo.InvariantCulture))))));
        }

        return table;
    }

    private static Table Annex(WordMarkdown markdown, IReadOnlyList<AnnexEntry> annex)
    {
        var table = NewTable(AnnexWidths);
        table.Append(Row(header: true,
            Cell(AnnexWidths[0], Strong("No.")),
            Cell(AnnexWidths[1], Strong("Comment")),
            Cell(AnnexWidths[2], Strong("Decision"))));
        foreach (var entry in annex)
        {
            var c = entry.Comment;
            var number = new Paragraph(
                new BookmarkStart { Name = Bookmark(entry.Number), Id = entry.Number.ToString(CultureInfo.InvariantCulture) },
                Run(entry.Number.ToString(CultureInfo.InvariantCulture), bold: true),
                new BookmarkEnd { Id = entry.Number.ToString(CultureInfo.InvariantCulture) });

            var comment = new List<OpenXmlElement> { Strong(c.PlaceName), Small(Para($"{FindingsExport.AuthorLine(c)} · {c.Type} · {c.Language}")) };
            if (entry.TaggedUnder.Count > 0)
            {
                comment.Add(Small(Para($"Tagged under: {string.Join("; ", entry.TaggedUnder)}")));
            }

            comment.AddRange(markdown.Paragraphs(c.Text));
            if (!string.IsNullOrWhiteSpace(c.ProposedChange))
            {
                comment.Add(Strong("Proposed change:"));
                comment.AddRange(markdown.Paragraphs(c.ProposedChange, "Normal", 240));
            }

            var decision = new List<OpenXmlElement> { Strong(c.DecisionName) };
            if (!string.IsNullOrWhiteSpace(c.Observation))
            {
                decision.AddRange(markdown.Paragraphs(c.Observation));
            }

            if (c.WhereAddressed.Length > 0)
            {
                decision.Add(Small(Para($"Addressed in {c.WhereAddressed}")));
            }

            table.Append(Row(header: false, Cell(AnnexWidths[0], number), Cell(AnnexWidths[1], [.. comment]), Cell(AnnexWidths[2], [.. decision])));
        }

        return table;
    }

    private static Table NewTable(int[] widths)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A0A0A0" });
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private static TableRow Row(bool header, params TableCell[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        }

        row.Append(cells);
        return row;
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) }));
        cell.Append(content.Length == 0 ? [new Paragraph()] : content);
        return cell;
    }

    private static Paragraph Strong(string text) => new(Run(text, bold: true));

    private static Paragraph Right(Paragraph paragraph)
    {
        (paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties())).Justification = new Justification { Val = JustificationValues.Right };
        return paragraph;
    }

    /// <summary>A secondary line: 9 pt grey.</summary>
    private static Paragraph Small(Paragraph paragraph)
    {
        foreach (var run in paragraph.Elements<Run>())
        {
            (run.RunProperties ?? run.PrependChild(new RunProperties())).Append(new Color { Val = "555555" }, new FontSize { Val = "18" });
        }

        return paragraph;
    }

    private static Paragraph KeepWithNext(Paragraph paragraph)
    {
        (paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties())).KeepNext = new KeepNext();
        return paragraph;
    }

    private static Paragraph PageBreakBefore(Paragraph paragraph)
    {
        (paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties())).PageBreakBefore = new PageBreakBefore();
        return paragraph;
    }

    /// <summary>A footer with "Page n of m", so a printed report can be referred to.</summary>
    private static string Footer(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        Run Grey(string text) => new(new RunProperties(new Color { Val = "555555" }, new FontSize { Val = "18" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(Grey("Page "), new SimpleField(Grey("1")) { Instruction = " PAGE " }, Grey(" of "), new SimpleField(Grey("1")) { Instruction = " NUMPAGES " });
        part.Footer = new Footer(paragraph);
        part.Footer.Save();
        return main.GetIdOfPart(part);
    }
}
