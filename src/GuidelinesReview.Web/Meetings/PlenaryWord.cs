using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Meetings;
using static GuidelinesReview.Web.Infrastructure.WordParts;

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

                    body.Append(new Paragraph(Run("Notes: "), Link(main, room.NotesLink)));
                    if (room.Takeaways.Count == 0)
                    {
                        body.Append(Text("No takeaways recorded."));
                    }

                    foreach (var t in room.Ordered)
                    {
                        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }));
                        if (t.ForPlenary)
                        {
                            paragraph.Append(Run("For plenary. ", bold: true));
                        }

                        paragraph.Append(Run($"{MeetingNames.Of(t.Kind)}: ", italic: true));
                        paragraph.Append(Run(t.Text + (t.Where is null ? "" : $" ({t.Where})") + (t.Supports > 0 ? $" — supported by {t.Supports}" : "")));
                        body.Append(paragraph);
                    }
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A clickable link showing its address (the summary is printed and mailed as well as read on screen).</summary>
    private static Hyperlink Link(MainDocumentPart main, string url)
    {
        var relationship = main.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), isExternal: true);
        return new Hyperlink(new Run(
            new RunProperties(new Color { Val = "0B5394" }, new Underline { Val = UnderlineValues.Single }),
            new Text(XmlSafe(url)) { Space = SpaceProcessingModeValues.Preserve }))
        { Id = relationship.Id, History = true };
    }

    private static Paragraph Heading(string text, string style) => Para(text, style);

    private static Paragraph Text(string text) => Para(text);
}
