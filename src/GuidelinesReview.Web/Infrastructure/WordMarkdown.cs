using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Markdown;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static GuidelinesReview.Web.Infrastructure.WordParts;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Markdown written in the app (a comment, an observation, a key finding) as Word formatting, for
/// exports a person reads: bold, italic and code as run formatting, lists as indented bullets or
/// numbers, quotes as indented paragraphs with a bar, headings inside a comment as bold lines
/// (never Word headings, which belong to the report's outline), and links as real hyperlinks
/// with their address written after them for print. Parsed with the page's rules
/// (<see cref="SafeMarkdown"/>): a link to another scheme keeps only its text, and an image
/// becomes its alt text (an exported file fetches nothing). Text the rules refuse is shown as it was typed.
/// </summary>
public sealed class WordMarkdown(MainDocumentPart main)
{
    /// <summary>Twentieths of a point per list or quote level.</summary>
    private const int Indent = 360;

    private readonly Dictionary<string, string> relationships = new(StringComparer.Ordinal);

    /// <summary>The Markdown as paragraphs in <paramref name="style"/>; <paramref name="indent"/> (twips) shifts them all, as under a bullet.</summary>
    public IReadOnlyList<Paragraph> Paragraphs(string markdown, string style = "Normal", int indent = 0)
    {
        MarkdownDocument document;
        try
        {
            document = SafeMarkdown.Parse(markdown, SafeMarkdown.MaxDraftLength);
        }
        catch (MarkdownRejectedException)
        {
            return markdown.ReplaceLineEndings("\n").Split('\n').Select(line => Styled(Para(line), style, indent, quote: false)).ToList();
        }

        var paragraphs = new List<Paragraph>();
        Blocks(document, paragraphs, style, indent, quote: false);
        return paragraphs;
    }

    private void Blocks(ContainerBlock container, List<Paragraph> into, string style, int indent, bool quote)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var first = into.Count;
                        Blocks(item, into, style, indent + Indent, quote);
                        if (into.Count > first)
                        {
                            // the marker hangs in the indent of the item's first paragraph
                            var marker = list.IsOrdered ? $"{number.ToString(CultureInfo.InvariantCulture)}.\t" : "•\t";
                            var p = into[first];
                            p.ParagraphProperties!.Indentation = new Indentation { Left = (indent + Indent).ToString(CultureInfo.InvariantCulture), Hanging = Indent.ToString(CultureInfo.InvariantCulture) };
                            p.InsertAfter(Run(marker), p.ParagraphProperties);
                        }

                        number++;
                    }

                    break;
                case QuoteBlock q:
                    Blocks(q, into, style, indent + Indent, quote: true);
                    break;
                case MdTable table:
                    foreach (var row in table.OfType<MdTableRow>())
                    {
                        var paragraph = Styled(new Paragraph(), style, indent, quote);
                        var cells = row.OfType<MdTableCell>().ToList();
                        for (var i = 0; i < cells.Count; i++)
                        {
                            if (i > 0)
                            {
                                paragraph.Append(Run(" | "));
                            }

                            foreach (var leaf in cells[i].Descendants<LeafBlock>())
                            {
                                Inlines(paragraph, leaf.Inline, row.IsHeader, italic: false, code: false);
                            }
                        }

                        into.Add(paragraph);
                    }

                    break;
                case ContainerBlock other:
                    Blocks(other, into, style, indent, quote);
                    break;
                case ThematicBreakBlock:
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.ToString().ReplaceLineEndings("\n").Split('\n'))
                    {
                        into.Add(Styled(new Paragraph(Code(line)), style, indent, quote));
                    }

                    break;
                case HeadingBlock heading:
                    var title = Styled(new Paragraph(), style, indent, quote);
                    title.ParagraphProperties!.KeepNext = new KeepNext();
                    Inlines(title, heading.Inline, bold: true, italic: false, code: false);
                    into.Add(title);
                    break;
                case LeafBlock leaf:
                    var paragraph2 = Styled(new Paragraph(), style, indent, quote);
                    Inlines(paragraph2, leaf.Inline, bold: false, italic: false, code: false);
                    into.Add(paragraph2);
                    break;
            }
        }
    }

    private static Paragraph Styled(Paragraph paragraph, string style, int indent, bool quote)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (quote)
        {
            properties.ParagraphBorders = new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 12, Space = 6, Color = "A0A0A0" });
        }

        if (indent > 0)
        {
            properties.Indentation = new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) };
        }

        return paragraph;
    }

    private void Inlines(OpenXmlElement into, ContainerInline? container, bool bold, bool italic, bool code)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    into.Append(code ? Code(literal.Content.ToString()) : Run(literal.Content.ToString(), bold, italic));
                    break;
                case HtmlEntityInline entity:
                    into.Append(Run(entity.Transcoded.ToString(), bold, italic));
                    break;
                case CodeInline span:
                    into.Append(Code(span.Content));
                    break;
                case LineBreakInline lineBreak:
                    into.Append(lineBreak.IsHard ? new Run(new Break()) : Run(" ", bold, italic));
                    break;
                case EmphasisInline emphasis:
                    Inlines(into, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1, code);
                    break;
                case AutolinkInline autolink:
                    Link(into, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, [Run(autolink.Url, bold, italic)], writeAddress: false);
                    break;
                case LinkInline { IsImage: true } image:
                    // an exported file fetches nothing: the image's alt text stands in for it
                    into.Append(Run(PlainText.Of(image), bold, italic));
                    break;
                case LinkInline link:
                    var text = new Paragraph();
                    Inlines(text, link, bold, italic, code);
                    Link(into, link.Url, text.Elements<Run>().Select(r => (Run)r.CloneNode(true)).ToList(), writeAddress: true);
                    break;
                case ContainerInline other:
                    Inlines(into, other, bold, italic, code);
                    break;
            }
        }
    }

    /// <summary>
    /// A hyperlink when the address is absolute http, https or mailto (the page's rules already
    /// removed any other scheme); a relative address means nothing in a file, so it is only printed.
    /// </summary>
    private void Link(OpenXmlElement into, string? url, IReadOnlyList<Run> runs, bool writeAddress)
    {
        Uri? uri = null;
        if (!string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Absolute, out uri) && uri.Scheme is "http" or "https" or "mailto")
        {
            if (!relationships.TryGetValue(uri.AbsoluteUri, out var id))
            {
                id = main.AddHyperlinkRelationship(uri, true).Id;
                relationships[uri.AbsoluteUri] = id;
            }

            var hyperlink = new Hyperlink { Id = id, History = true };
            foreach (var run in runs)
            {
                var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
                properties.Append(new Color { Val = "1F4E9A" }, new Underline { Val = UnderlineValues.Single });
                hyperlink.Append(run);
            }

            into.Append(hyperlink);
        }
        else
        {
            into.Append(runs);
        }

        if (writeAddress && !string.IsNullOrEmpty(url) && uri?.Scheme != "mailto")
        {
            into.Append(Run($" ({url})"));
        }
    }

    private static Run Code(string text) =>
        new(new RunProperties(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New" }), new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
}
