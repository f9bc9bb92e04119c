using GuidelinesReview.Core.Notifications;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Notifications;

/// <summary>
/// One pass of the digests: records windows that opened or closed, then for each person whose
/// notifications are due (<see cref="DigestSchedule"/>) composes one digest and queues it. The
/// notifications are marked done and the mail queued in one transaction, and marking only takes
/// rows still pending, so two passes at once (two app instances) never send an event twice.
/// </summary>
public sealed partial class DigestPass(
    AppDbContext db,
    ConsultationAnnouncer announcer,
    NotificationSettings settings,
    MailOutbox outbox,
    IOptions<NotificationOptions> options,
    IOptions<AppOptions> appOptions,
    IServer server,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DigestPass> logger)
{
    public const string MailKind = "digest";

    /// <summary>Runs the pass at the clock's now; returns how many digests were queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await announcer.AnnounceAsync(now, ct);
        var schedule = new DigestSchedule(TimeSpan.FromSeconds(options.Value.BatchSeconds), options.Value.DailyHourUtc);
        var pending = await db.Notifications.AsNoTracking().Where(n => n.DoneAt == null)
            .Select(n => new { n.RecipientId, n.RecordedAt }).ToListAsync(ct);
        var due = new List<(string UserId, NotificationFrequency Frequency)>();
        foreach (var person in pending.GroupBy(n => n.RecipientId))
        {
            var frequency = await settings.FrequencyAsync(person.Key, ct);
            if (frequency == NotificationFrequency.Never)
            {
                // Chose "never" after these were recorded: they are dropped, not kept for later.
                await db.Notifications.Where(n => n.RecipientId == person.Key && n.DoneAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, now), ct);
            }
            else if (schedule.IsDue(frequency, person.Min(n => n.RecordedAt), now))
            {
                due.Add((person.Key, frequency));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        if (BaseUrl() is not { } baseUrl)
        {
            // Nothing is lost: the notifications wait until the address is configured.
            LogNoBaseUrl(due.Count);
            return 0;
        }

        var queued = 0;
        foreach (var (userId, frequency) in due)
        {
            if (await SendAsync(userId, frequency, baseUrl, now, ct))
            {
                queued++;
            }
        }

        return queued;
    }

    private async Task<bool> SendAsync(string userId, NotificationFrequency frequency, string baseUrl, DateTime now, CancellationToken ct)
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId && n.DoneAt == null && n.RecordedAt <= now)
            .Join(db.DraftVersions, n => n.VersionId, v => v.Id, (n, v) => new { n, v.Number, v.Guideline.Title })
            .ToListAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(ct);
        var recipient = new DigestRecipient(
            user.DisplayName,
            frequency,
            options.Value.DailyHourUtc,
            baseUrl,
            baseUrl + "/account/profile",
            baseUrl + "/notifications/unsubscribe?token=" + Uri.EscapeDataString(await settings.UnsubscribeTokenAsync(userId, ct)));
        var digest = DigestComposer.Compose(recipient, rows.Select(r => new DigestEvent(
            r.n.Id, r.n.Kind, r.n.RecordedAt, r.Title, r.Number, r.n.Link, r.n.About, r.n.Text, r.n.Actor, r.n.Decision, r.n.CommentId)));
        var ids = rows.Select(r => r.n.Id).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Notifications.Where(n => ids.Contains(n.Id) && n.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DoneAt, now), ct);
        if (claimed != ids.Count)
        {
            // Another pass took some of them meanwhile: leave this person to it.
            await transaction.RollbackAsync(ct);
            return false;
        }

        if (digest is not null)
        {
            await outbox.EnqueueAsync(new OutgoingMail(user.Email!, user.DisplayName, digest.Subject, digest.Text, digest.Html, MailKind, recipient.UnsubscribeUrl), ct);
        }

        await transaction.CommitAsync(ct);
        LogQueued(userId, ids.Count, frequency);
        return digest is not null;
    }

    /// <summary>
    /// The address links in mail start from: the configured public address, or in Development the
    /// first address the server listens on (so `dotnet run` mails working links). A digest is
    /// composed outside any request, so there is no request address to fall back on.
    /// </summary>
    private string? BaseUrl()
    {
        if (!string.IsNullOrEmpty(appOptions.Value.PublicBaseUrl))
        {
            return appOptions.Value.PublicBaseUrl.TrimEnd('/');
        }

        return environment.IsDevelopment() ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} digests wait: set GuidelinesReview:PublicBaseUrl, the address links in mail start from")]
    private partial void LogNoBaseUrl(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {UserId} with {Count} notifications queued ({Frequency})")]
    private partial void LogQueued(string userId, int count, NotificationFrequency frequency);
}
