using System.Security.Cryptography;
using GuidelinesReview.Core.Notifications;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Notifications;

/// <summary>What an unsubscribe link turned out to be.</summary>
public enum UnsubscribeOutcome
{
    /// <summary>Valid and unused: the person's choice is (or, after the POST, was set to) "never".</summary>
    Valid,

    /// <summary>Genuine, but the choice changed since the mail was sent (this link or the profile).</summary>
    AlreadyUsed,

    /// <summary>Not made by this app, altered, or expired.</summary>
    Invalid,
}

/// <summary>
/// A person's choice of how they hear by mail, and the unsubscribe links of digests: a link carries
/// the person and their setting's stamp, protected (signed and encrypted, expiring) for this one
/// purpose, so it needs no sign-in, cannot be made for someone else, and works once.
/// </summary>
public sealed partial class NotificationSettings(AppDbContext db, IDataProtectionProvider protection, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationSettings> logger)
{
    private const string Purpose = "GuidelinesReview.Notifications.Unsubscribe.v1";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public async Task<NotificationFrequency> FrequencyAsync(string userId, CancellationToken ct) =>
        await db.NotificationSettings.Where(s => s.UserId == userId).Select(s => (NotificationFrequency?)s.Frequency).SingleOrDefaultAsync(ct)
            ?? NotificationFrequency.Daily;

    /// <summary>Sets the choice (a new stamp, so links in mails sent before stop working) and saves.</summary>
    public async Task SetAsync(string userId, NotificationFrequency frequency, CancellationToken ct)
    {
        var setting = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (setting is null)
        {
            setting = new NotificationSetting { UserId = userId };
            db.NotificationSettings.Add(setting);
        }

        setting.Frequency = frequency;
        setting.Stamp = Guid.NewGuid().ToString("N");
        setting.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        LogChanged(userId, frequency);
    }

    /// <summary>The token of an unsubscribe link for the person as their setting stands now.</summary>
    public async Task<string> UnsubscribeTokenAsync(string userId, CancellationToken ct)
    {
        var stamp = await StampAsync(userId, ct);
        return Protector.Protect($"{userId}\n{stamp}", TimeSpan.FromDays(options.Value.UnsubscribeLinkDays));
    }

    /// <summary>What a token is, and whose (for a valid one).</summary>
    public async Task<(UnsubscribeOutcome Outcome, string? UserId)> CheckAsync(string? token, CancellationToken ct)
    {
        string payload;
        try
        {
            payload = Protector.Unprotect(token ?? "", out _);
        }
        catch (CryptographicException)
        {
            return (UnsubscribeOutcome.Invalid, null);
        }

        var parts = payload.Split('\n');
        if (parts.Length != 2 || !await db.Users.AnyAsync(u => u.Id == parts[0], ct))
        {
            return (UnsubscribeOutcome.Invalid, null);
        }

        return (await StampAsync(parts[0], ct) == parts[1] ? UnsubscribeOutcome.Valid : UnsubscribeOutcome.AlreadyUsed, parts[0]);
    }

    /// <summary>Sets the token's person to "never" if the token is valid and unused; a used or bad token changes nothing.</summary>
    public async Task<UnsubscribeOutcome> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        var (outcome, userId) = await CheckAsync(token, ct);
        if (outcome == UnsubscribeOutcome.Valid)
        {
            await SetAsync(userId!, NotificationFrequency.Never, ct);
        }
        else
        {
            LogRefused(outcome);
        }

        return outcome;
    }

    private async Task<string> StampAsync(string userId, CancellationToken ct) =>
        await db.NotificationSettings.Where(s => s.UserId == userId).Select(s => s.Stamp).SingleOrDefaultAsync(ct) ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail notifications of {UserId} set to {Frequency}")]
    private partial void LogChanged(string userId, NotificationFrequency frequency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribe link refused: {Outcome}")]
    private partial void LogRefused(UnsubscribeOutcome outcome);
}
