using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>What the Word exports share: Word's built-in paragraph styles and text that XML can hold.</summary>
public static class WordParts
{
    /// <summary>Normal, Title, heading 1–3 and List Paragraph, under Word's own names (so navigation and tables of contents work).</summary>
    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Define(string id, string name, int halfPoints, bool bold) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Define("Title", "Title", 40, true),
            Define("Heading1", "heading 1", 32, true),
            Define("Heading2", "heading 2", 26, true),
            Define("Heading3", "heading 3", 22, true),
            Define("ListParagraph", "List Paragraph", 22, false));
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
