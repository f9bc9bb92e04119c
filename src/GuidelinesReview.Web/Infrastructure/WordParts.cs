using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>What the Word exports share: Word's built-in paragraph styles and text that XML can hold.</summary>
public static class WordParts
{
    /// <summary>Normal, Title, heading 1–3 and List Paragraph, under Word's own names (so navigation and tables of contents work).</summary>
    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        // Spacing in twentieths of a point: headings stand apart from what they introduce.
        Style Define(string id, string name, int halfPoints, bool bold, int before) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" }),
            new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleParagraphProperties(new SpacingBetweenLines { After = "80" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Define("Title", "Title", 40, true, 0),
            Define("Heading1", "heading 1", 32, true, 360),
            Define("Heading2", "heading 2", 26, true, 240),
            Define("Heading3", "heading 3", 22, true, 160),
            Define("ListParagraph", "List Paragraph", 22, false, 0));
        styles.Styles.Save();
    }

    public static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>
    /// Markdown written in the app (a key finding, say) as Word paragraphs: one per paragraph or
    /// list item, with bold, italic and code kept and links written out as "text (address)".
    /// Parsed with the page's rules, so a link to another scheme keeps only its text and an
    /// image from elsewhere only its alt text, as on the page.
    /// </summary>
    public static IReadOnlyList<Paragraph> FromMarkdown(string markdown, string style)
    {
        // Parsed here, not lazily, so a refusal reaches the caller's catch.
        var document = GuidelinesReview.Core.Markdown.SafeMarkdown.Parse(markdown, GuidelinesReview.Core.Markdown.SafeMarkdown.MaxDraftLength);
        var paragraphs = new List<Paragraph>();
        foreach (var block in document.Descendants<Markdig.Syntax.LeafBlock>())
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            if (block.Inline is { } inline)
            {
                AppendRuns(paragraph, inline, bold: false, italic: false);
            }
            else if (block is Markdig.Syntax.CodeBlock code)
            {
                paragraph.Append(Run(code.Lines.ToString(), bold: false, italic: false));
            }

            paragraphs.Add(paragraph);
        }

        return paragraphs;
    }

    private static void AppendRuns(Paragraph paragraph, Markdig.Syntax.Inlines.ContainerInline container, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case Markdig.Syntax.Inlines.LiteralInline literal:
                    paragraph.Append(Run(literal.Content.ToString(), bold, italic));
                    break;
                case Markdig.Syntax.Inlines.CodeInline code:
                    paragraph.Append(Run(code.Content, bold, italic));
                    break;
                case Markdig.Syntax.Inlines.AutolinkInline autolink:
                    paragraph.Append(Run(autolink.Url, bold, italic));
                    break;
                case Markdig.Syntax.Inlines.LineBreakInline:
                    paragraph.Append(Run(" ", bold, italic));
                    break;
                case Markdig.Syntax.Inlines.EmphasisInline emphasis:
                    AppendRuns(paragraph, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                    break;
                case Markdig.Syntax.Inlines.LinkInline link:
                    AppendRuns(paragraph, link, bold, italic);
                    if (!string.IsNullOrEmpty(link.Url))
                    {
                        paragraph.Append(Run($" ({link.Url})", bold, italic));
                    }

                    break;
                case Markdig.Syntax.Inlines.ContainerInline other:
                    AppendRuns(paragraph, other, bold, italic);
                    break;
            }
        }
    }

    public static Run Run(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        return new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>The text without characters XML cannot hold (control characters, lone surrogates), which would make the whole document fail.</summary>
    public static string XmlSafe(string text)
    {
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.Length == text.Length ? text : clean.ToString();
    }
}
