using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Notifications;

/// <summary>
/// Consultation windows open and close by the clock, not by a request: each pass records a
/// notification for every window that opened or closed since the last pass, and moves the mark
/// in the same save, so each opening and closing is told once even across restarts. The first
/// pass only sets the mark: windows of the past are not announced.
/// </summary>
public sealed partial class ConsultationAnnouncer(AppDbContext db, NotificationRecorder recorder, ILogger<ConsultationAnnouncer> logger)
{
    private const int WatchId = 1;

    /// <summary>Records the openings and closings in (last pass, <paramref name="now"/>]; returns how many.</summary>
    public async Task<int> AnnounceAsync(DateTime now, CancellationToken ct)
    {
        var watch = await db.ConsultationWatches.SingleOrDefaultAsync(w => w.Id == WatchId, ct);
        if (watch is null)
        {
            db.ConsultationWatches.Add(new ConsultationWatch { Id = WatchId, LookedUntil = now });
            await db.SaveChangesAsync(ct);
            return 0;
        }

        var from = watch.LookedUntil;
        if (now <= from)
        {
            return 0;
        }

        var windows = await db.ConsultationWindows.Include(w => w.Groups)
            .Where(w => (w.OpensAt > from && w.OpensAt <= now) || (w.ClosesAt > from && w.ClosesAt <= now))
            .ToListAsync(ct);
        var told = 0;
        foreach (var window in windows.OrderBy(w => w.OpensAt))
        {
            foreach (var (opened, at) in new[] { (true, window.OpensAt), (false, window.ClosesAt) })
            {
                if (at <= from || at > now)
                {
                    continue;
                }

                await recorder.WindowAsync(window, opened, ct);
                LogAnnounced(window.Id, opened ? "opened" : "closed");
                told++;
            }
        }

        watch.LookedUntil = now;
        await db.SaveChangesAsync(ct);
        return told;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation window {WindowId} {Change}: notifications recorded")]
    private partial void LogAnnounced(int windowId, string change);
}
