using MimeKit;

namespace GuidelinesReview.Web.Mail;

/// <summary>Turns an outbox row into the MIME message that goes over SMTP.</summary>
public static class MimeMails
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the mail, as a header.</summary>
    public const string KindHeader = "X-GuidelinesReview-Kind";

    public static MimeMessage Build(OutboxMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        message.Date = new DateTimeOffset(mail.QueuedAt, TimeSpan.Zero);
        message.Headers.Add(KindHeader, mail.Kind); // lets a mail program (and the tests) sort mail by what it is about

        // Text first, HTML last: a reader shows the last part of multipart/alternative it can.
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language); // a Content-* header belongs to the top-level body

        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058 one-click: the mail program posts to the address, without opening a page.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }
}
