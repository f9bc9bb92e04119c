using GuidelinesReview.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// Sends queued mail over SMTP, oldest first, in the background. A failed attempt is kept with its
/// error and tried again after a doubling delay (<see cref="MailOptions.Retries"/>) until it is
/// given up, so an outage of the mail server delays mail but loses none. Each row is claimed with
/// a conditional UPDATE before it is sent, so app instances sharing the database never send one
/// twice; a claim runs out, so a sender that died mid-send does not hold a mail for ever.
/// </summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(settings.PollSeconds);
            try
            {
                wait = await SendDueAsync(settings, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database itself failed (the mail server's failures are handled per mail): try again at the next poll.
                LogPassFailed(e);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due; returns how long to wait before the next pass (at most the poll interval).</summary>
    internal async Task<TimeSpan> SendDueAsync(MailOptions settings, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var poll = TimeSpan.FromSeconds(settings.PollSeconds);

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count > 0)
        {
            using var smtp = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
            foreach (var id in due)
            {
                if (!await SendOneAsync(db, smtp, id, settings, ct))
                {
                    break; // the server is not reachable: the rest wait for their next attempt rather than fail one by one
                }
            }

            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, ct);
            }
        }

        now = clock.GetUtcNow().UtcDateTime;
        var next = await db.OutboxMails
            .Where(m => m.SentAt == null && m.FailedAt == null)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTime?)m.NextAttemptAt)
            .FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return poll;
        }

        var untilNext = next.Value - now;
        return untilNext < TimeSpan.Zero ? TimeSpan.FromMilliseconds(100) : untilNext < poll ? untilNext : poll;
    }

    private static IQueryable<OutboxMail> Due(AppDbContext db, DateTime now) => db.OutboxMails.Where(m =>
        m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now));

    /// <summary>Claims and sends one mail; false when the mail server could not be reached (or dropped the connection).</summary>
    private async Task<bool> SendOneAsync(AppDbContext db, SmtpClient smtp, long id, MailOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimedUntil = now.AddSeconds(settings.TimeoutSeconds * 4);
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil), ct);
        if (claimed != 1)
        {
            return true; // another instance has it
        }

        var mail = await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.Security), ct);
                if (!string.IsNullOrEmpty(settings.User))
                {
                    await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
                }
            }

            await smtp.SendAsync(MimeMails.Build(mail, settings), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(db, mail, e, settings, ct);
            return smtp.IsConnected;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        LogSent(mail.Id, mail.Kind, mail.To, mail.Attempts + 1);
        return true;
    }

    private async Task RecordFailureAsync(AppDbContext db, OutboxMail mail, Exception error, MailOptions settings, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var message = $"{error.GetType().Name}: {error.Message}";
        message = message.Length > 1000 ? message[..1000] : message;
        var schedule = settings.Retries;
        if (schedule.GivesUp(attempts))
        {
            await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, message)
                .SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
            LogGaveUp(error, mail.Id, mail.Kind, mail.To, attempts);
            return;
        }

        var next = now + schedule.DelayAfter(attempts);
        await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, message)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        LogWillRetry(mail.Id, mail.Kind, mail.To, attempts, next, message);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail sending is off (GuidelinesReview:Mail:Enabled); mail stays queued in the outbox")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Kind}) to {To} sent at attempt {Attempt}")]
    private partial void LogSent(long mailId, string kind, string to, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} ({Kind}) to {To}: attempt {Attempt} failed, next at {NextAttemptAt:u}: {Error}")]
    private partial void LogWillRetry(long mailId, string kind, string to, int attempt, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} ({Kind}) to {To} given up after {Attempts} attempts")]
    private partial void LogGaveUp(Exception error, long mailId, string kind, string to, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the mail sender failed; it tries again at the next poll")]
    private partial void LogPassFailed(Exception error);
}
