using System.Net;
using System.Text;

namespace GuidelinesReview.Core.Mail;

/// <summary>A mail's subject with its plain-text and HTML parts, built from the same words.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>
/// Builds a mail from paragraphs and at most one link to follow, as plain text (what every mail
/// reader can show, and what spam filters expect beside HTML) and as a minimal HTML part. Every
/// word that came from a person (a name, an organisation) is escaped in the HTML part, so a
/// display name cannot put markup or a link of its own into a mail the platform signs.
/// </summary>
public sealed class MailBody
{
    private readonly List<(string Text, string? Url)> parts = [];

    public static MailBody Start() => new();

    /// <summary>A paragraph of plain words.</summary>
    public MailBody Paragraph(string text)
    {
        parts.Add((text, null));
        return this;
    }

    /// <summary>A link to follow: in the text part the label, then the address on a line of its own (so it is not broken when wrapped).</summary>
    public MailBody Link(string label, string url)
    {
        parts.Add((label, url));
        return this;
    }

    public MailContent WithSubject(string subject, string language)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(language)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var (words, url) in parts)
        {
            if (text.Length > 0)
            {
                text.Append("\r\n\r\n");
            }

            if (url is null)
            {
                text.Append(words);
                html.Append("<p>").Append(WebUtility.HtmlEncode(words)).Append("</p>");
            }
            else
            {
                text.Append(words).Append(":\r\n").Append(url);
                html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(words)).Append("</a></p>");
            }
        }

        html.Append("</body></html>");
        return new MailContent(subject, text.Append("\r\n").ToString(), html.ToString());
    }
}
