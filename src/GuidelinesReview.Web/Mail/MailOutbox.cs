using GuidelinesReview.Web.Data;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// Queues mail in the database. It never talks to the mail server: <see cref="MailSender"/> does,
/// in the background, so a request never waits for SMTP and a mail-server outage loses nothing.
/// </summary>
public sealed partial class MailOutbox(AppDbContext db, OutboxSignal signal, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailOutbox> logger)
{
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new OutboxMail
        {
            To = mail.To.Trim(),
            ToName = mail.ToName.Trim(),
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Kind = mail.Kind,
            UnsubscribeUrl = mail.UnsubscribeUrl,
            Language = mail.Language,
            MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain(options.Value.FromAddress)}",
            QueuedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMails.Add(row);
        await db.SaveChangesAsync(ct);
        LogQueued(row.Id, row.Kind, row.To);
        signal.Wake();
    }

    /// <summary>The sender's domain, as the right side of Message-Ids (RFC 5322 wants a domain the sender owns).</summary>
    private static string MessageIdDomain(string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        return at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "localhost";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Kind}) to {To} queued")]
    private partial void LogQueued(long mailId, string kind, string to);
}

/// <summary>Wakes the sender when mail is queued, so it goes out at once instead of at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up sends everything that is due.
        }
    }

    /// <summary>Returns when woken or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
