using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Translations;
using WordLanguages = DocumentFormat.OpenXml.Wordprocessing.Languages;
using static GuidelinesReview.Web.Infrastructure.WordParts;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// A localized version as a Word document, built like the other Word exports (<see cref="Infrastructure.WordParts"/>:
/// Word's built-in heading styles, so the navigation pane and a table of contents work). The document's
/// language is the translation's (<c>w:lang</c>, with <c>w:bidi</c> and right-to-left paragraphs and runs
/// for Arabic and other right-to-left languages); blocks not translated yet keep the source text and are
/// marked in the source language, left to right.
/// </summary>
public static partial class LocalizedWord
{
    [GeneratedRegex(@"^ {0,3}(?<marker>[-*+]|\d{1,9}[.)])[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    public static byte[] Build(string title, string subtitle, LanguageInfo language, string sourceLanguage, IReadOnlyList<LocalizedSource> blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            SetDocumentLanguage(main, language);
            var body = new Body();
            body.Append(Mark(Para(title, "Title"), language, translated: false, sourceLanguage));
            body.Append(Mark(Para(subtitle), language, translated: false, sourceLanguage));
            foreach (var block in blocks)
            {
                foreach (var element in Elements(block))
                {
                    if (element is Table table && block.Translated && language.RightToLeft)
                    {
                        table.GetFirstChild<TableProperties>()!.PrependChild(new BiDiVisual()); // columns from the right
                    }

                    var paragraphs = element is Paragraph p ? new[] { p } : element.Descendants<Paragraph>().ToArray();
                    foreach (var paragraph in paragraphs)
                    {
                        Mark(paragraph, language, block.Translated, sourceLanguage);
                    }

                    body.Append(element);
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The document's default language (Latin, East Asian or complex script as the language needs) and, for a right-to-left language, right-to-left paragraphs.</summary>
    private static void SetDocumentLanguage(MainDocumentPart main, LanguageInfo language)
    {
        var chinese = language.Code.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var lang = new WordLanguages { Val = language.Code, EastAsia = chinese ? language.Code : null, Bidi = language.RightToLeft ? language.Code : null };
        var defaults = new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(lang)));
        if (language.RightToLeft)
        {
            defaults.Append(new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new BiDi())));
        }

        var styles = main.StyleDefinitionsPart!.Styles!;
        styles.PrependChild(defaults);
        styles.Save();
    }

    /// <summary>A translated paragraph is in the document's language (right to left when it is); one not translated yet says it is in the source language, left to right.</summary>
    private static Paragraph Mark(Paragraph paragraph, LanguageInfo language, bool translated, string sourceLanguage)
    {
        var rtl = translated && language.RightToLeft;
        if (language.RightToLeft && !translated)
        {
            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
            properties.Append(new BiDi { Val = false });
        }

        foreach (var run in paragraph.Elements<Run>())
        {
            var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
            if (rtl)
            {
                properties.Append(new RightToLeftText());
            }

            if (!translated)
            {
                properties.Append(new WordLanguages { Val = sourceLanguage, Bidi = sourceLanguage });
            }
        }

        return paragraph;
    }

    private static IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> Elements(LocalizedSource block)
    {
        try
        {
            return block.Kind switch
            {
                BlockKind.Heading => FromMarkdown(block.Markdown, HeadingStyle(block.Markdown)),
                BlockKind.ListItem => [ListItem(block.Markdown)],
                BlockKind.Table => [Table(block.Markdown)],
                BlockKind.Quote => FromMarkdown(block.Markdown, "ListParagraph"),
                _ => FromMarkdown(block.Markdown, "Normal"),
            };
        }
        catch (MarkdownRejectedException)
        {
            return [Para(block.Markdown)]; // as written, rather than a document that fails
        }
    }

    private static string HeadingStyle(string markdown) => Math.Clamp(markdown.TakeWhile(c => c == '#').Count(), 1, 3) switch
    {
        1 => "Heading1",
        2 => "Heading2",
        _ => "Heading3",
    };

    /// <summary>A list item as one paragraph that starts with its marker ("•", or its number).</summary>
    private static Paragraph ListItem(string markdown)
    {
        var marker = ListMarker().Match(markdown);
        var text = marker.Success ? markdown[marker.Length..] : markdown;
        var paragraphs = FromMarkdown(text, "ListParagraph").ToList();
        var paragraph = paragraphs.FirstOrDefault() ?? Para("", "ListParagraph");
        foreach (var more in paragraphs.Skip(1))
        {
            paragraph.Append(Run(" "));
            paragraph.Append(more.Elements<Run>().Select(r => (Run)r.CloneNode(true)));
        }

        var bullet = !marker.Success || marker.Groups["marker"].Value is "-" or "*" or "+" ? "• " : marker.Groups["marker"].Value + " ";
        var first = paragraph.Elements<Run>().FirstOrDefault();
        if (first is null)
        {
            paragraph.Append(Run(bullet));
        }
        else
        {
            paragraph.InsertBefore(Run(bullet), first);
        }

        return paragraph;
    }

    /// <summary>A pipe table as a Word table with borders; the header row repeats on each page.</summary>
    private static Table Table(string markdown)
    {
        var document = SafeMarkdown.Parse(markdown, DraftParser.MaxBlockLength);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        var rows = document.OfType<Markdig.Extensions.Tables.Table>().FirstOrDefault()?.OfType<Markdig.Extensions.Tables.TableRow>().ToList() ?? [];
        var columns = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn())));
        foreach (var row in rows)
        {
            var wordRow = row.IsHeader ? new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new TableHeader())) : new DocumentFormat.OpenXml.Wordprocessing.TableRow();
            foreach (var cell in row.OfType<Markdig.Extensions.Tables.TableCell>())
            {
                var start = Math.Clamp(cell.Span.Start, 0, markdown.Length);
                var text = markdown.Substring(start, Math.Clamp(cell.Span.Length, 0, markdown.Length - start)).Trim();
                var paragraphs = FromMarkdown(text, "Normal").ToList();
                if (row.IsHeader)
                {
                    foreach (var run in paragraphs.SelectMany(p => p.Elements<Run>()))
                    {
                        var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
                        if (properties.Bold is null)
                        {
                            properties.PrependChild(new Bold());
                        }
                    }
                }

                wordRow.Append(new DocumentFormat.OpenXml.Wordprocessing.TableCell(paragraphs.Count == 0 ? [Para("")] : paragraphs));
            }

            table.Append(wordRow);
        }

        return table;
    }
}
