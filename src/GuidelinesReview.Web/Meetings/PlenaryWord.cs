using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Meetings;

namespace GuidelinesReview.Web.Meetings;

/// <summary>
/// The plenary summary as a Word document the secretariat can edit: built-in heading styles
/// (so Word's navigation pane and table of contents work), one paragraph per takeaway.
/// </summary>
public static class PlenaryWord
{
    public static byte[] Build(string meetingTitle, IReadOnlyList<SummaryRoom> rooms)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading($"Plenary summary: {meetingTitle}", "Title"));
            foreach (var session in rooms.GroupBy(r => r.Session))
            {
                body.Append(Heading(session.Key, "Heading1"));
                foreach (var room in session)
                {
                    body.Append(Heading(room.Title, "Heading2"));
                    body.Append(Text($"Moderator: {room.Moderator ?? "—"} · Note-taker: {room.NoteTaker ?? "—"}"));
                    if (room.Covers.Count > 0)
                    {
                        body.Append(Text($"Covers: {string.Join(", ", room.Covers)}"));
                    }

                    body.Append(Text($"Notes: {room.NotesLink}"));
                    if (room.Takeaways.Count == 0)
                    {
                        body.Append(Text("No takeaways recorded."));
                    }

                    foreach (var t in room.Ordered)
                    {
                        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }));
                        if (t.ForPlenary)
                        {
                            paragraph.Append(Run("For plenary. ", new Bold()));
                        }

                        paragraph.Append(Run($"{MeetingNames.Of(t.Kind)}: ", new Italic()));
                        paragraph.Append(Run(t.Text + (t.Anchor is null ? "" : $" ({t.Anchor})") + (t.Supports > 0 ? $" — supported by {t.Supports}" : "")));
                        body.Append(paragraph);
                    }
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Paragraph Text(string text) => new(Run(text));

    private static Run Run(string text, OpenXmlElement? format = null)
    {
        var run = new Run();
        if (format is not null)
        {
            run.Append(new RunProperties(format));
        }

        run.Append(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>
    /// The text without the characters XML cannot hold (control characters, lone surrogates): one of
    /// them, in text recorded before takeaways were checked for them, would make the whole document fail.
    /// </summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
        }

        return safe.ToString();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Define(string id, string name, int halfPoints, bool bold) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Define("Title", "Title", 40, true),
            Define("Heading1", "heading 1", 32, true),
            Define("Heading2", "heading 2", 26, true),
            Define("ListParagraph", "List Paragraph", 22, false));
        styles.Styles.Save();
    }
}
