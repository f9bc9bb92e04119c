using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Consultations;

public sealed record ConsultationVersion(int Id, int Number, string Label, DraftStatus Status, string GuidelineSlug, string GuidelineTitle, int GuidelineId);

public sealed record SavedWindow(int Id, ConsultationPeriod Period);

/// <summary>Whether a person may comment on a version now, and when that may change.</summary>
public sealed record ConsultationState(ConsultationRefusal? Refusal, DateTime? ChangesAt, DateTime Now);

/// <summary>A window as the secretariat's form posts it; <see cref="Id"/> 0 adds one.</summary>
public sealed class WindowForm
{
    public int Id { get; set; }
    public string? Title { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? TimeZone { get; set; } = "UTC";
    public string? Audience { get; set; } = nameof(ConsultationAudience.Everyone);
    public List<string> Groups { get; set; } = [];

    /// <summary>Open to the public: anyone may register and, once confirmed, comment while it is open.</summary>
    public bool IsPublic { get; set; }

    /// <summary>A saved window in the form, in UTC.</summary>
    public static WindowForm Of(SavedWindow saved) => new()
    {
        Id = saved.Id,
        Title = saved.Period.Title,
        OpensAt = Local(saved.Period.OpensAt),
        ClosesAt = Local(saved.Period.ClosesAt),
        TimeZone = "UTC",
        Audience = saved.Period.Groups is null ? nameof(ConsultationAudience.Everyone) : nameof(ConsultationAudience.StakeholderGroups),
        Groups = saved.Period.Groups?.Select(g => g.ToString()).ToList() ?? [],
        IsPublic = saved.Period.IsPublic,
    };

    private static string Local(DateTime utc) =>
        utc.ToString(utc.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The consultation windows of draft versions: what they allow now (for <see cref="Comments.CommentService"/>,
/// the hub and the draft page, all on the injected clock) and the secretariat's changes to them.
/// </summary>
public sealed class ConsultationService(AppDbContext db, TimeProvider clock)
{
    private const string NotAllowed = "Only the secretariat sets up consultation windows.";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ConsultationVersion?> FindVersionAsync(string slug, int number, CancellationToken ct) =>
        db.DraftVersions.AsNoTracking().Where(v => v.Guideline.Slug == slug && v.Number == number)
            .Select(v => new ConsultationVersion(v.Id, v.Number, v.Label, v.Status, v.Guideline.Slug, v.Guideline.Title, v.GuidelineId))
            .FirstOrDefaultAsync(ct);

    /// <summary>A version's windows, earliest first.</summary>
    public async Task<IReadOnlyList<SavedWindow>> WindowsAsync(int versionId, CancellationToken ct) =>
        (await db.ConsultationWindows.AsNoTracking().Include(w => w.Groups).Where(w => w.VersionId == versionId).ToListAsync(ct))
            .Select(w => new SavedWindow(w.Id, PeriodOf(w))).OrderBy(w => w.Period.OpensAt).ToList();

    /// <summary>
    /// What the version's windows say about this person commenting now; null when nothing stands in the
    /// way and the version has no windows. A public participant is refused until their address is
    /// confirmed, and on any version without a public window open.
    /// </summary>
    public async Task<ConsultationState?> StateAsync(Caller caller, int versionId, int versionNumber, CancellationToken ct)
    {
        var windows = (await WindowsAsync(versionId, ct)).Select(w => w.Period).ToList();
        if (windows.Count == 0 && !caller.IsPublicOnly)
        {
            return null;
        }

        var person = await db.Users.Where(u => u.Id == caller.UserId).Select(u => new { u.StakeholderGroup, u.Email, u.EmailConfirmed }).SingleAsync(ct);
        var participant = caller.IsPublicOnly ? new PublicParticipant(person.Email ?? "", person.EmailConfirmed) : null;
        var now = Now;
        return new ConsultationState(
            ConsultationRules.CheckComment(windows, versionNumber, now, person.StakeholderGroup, fromRoom: false, participant),
            ConsultationRules.NextChange(windows, now),
            now);
    }

    /// <summary>Adds or changes a window; every problem is reported and a refused request saves nothing.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(Caller caller, ConsultationVersion version, WindowForm form, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return [NotAllowed];
        }

        // One write transaction from the overlap check to the save, so two saves at once cannot both pass it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.ConsultationWindows.Include(w => w.Groups).Where(w => w.VersionId == version.Id).ToListAsync(ct);
        var window = existing.FirstOrDefault(w => w.Id == form.Id);
        if (form.Id != 0 && window is null)
        {
            return [$"That consultation window is not on v{version.Number}; it may have been deleted. Nothing was saved."];
        }

        var forEveryone = form.Audience switch
        {
            nameof(ConsultationAudience.Everyone) => true,
            nameof(ConsultationAudience.StakeholderGroups) => (bool?)false,
            _ => null,
        };
        var request = new WindowRequest(form.Title, form.OpensAt, form.ClosesAt, form.TimeZone, forEveryone, form.Groups);
        var others = existing.Where(w => w != window).Select(PeriodOf).ToList();
        var (period, problems) = ConsultationRules.Read(request, version.Number, version.Status, others, Now, isNew: window is null);
        if (period is null)
        {
            return problems;
        }

        if (window is null)
        {
            window = new ConsultationWindow { VersionId = version.Id, CreatedById = caller.UserId, CreatedAt = Now };
            db.ConsultationWindows.Add(window);
        }

        (window.Title, window.OpensAt, window.ClosesAt, window.IsPublic) = (period.Title, period.OpensAt, period.ClosesAt, form.IsPublic);
        window.Audience = period.Groups is null ? ConsultationAudience.Everyone : ConsultationAudience.StakeholderGroups;
        var groups = period.Groups ?? [];
        window.Groups.RemoveAll(g => !groups.Contains(g.Group));
        window.Groups.AddRange(groups.Where(g => window.Groups.All(w => w.Group != g)).Select(g => new ConsultationGroup { Group = g }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>Deletes a window; null when done, else why not.</summary>
    public async Task<string?> DeleteAsync(Caller caller, int versionId, int windowId, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return NotAllowed;
        }

        var window = await db.ConsultationWindows.FirstOrDefaultAsync(w => w.Id == windowId && w.VersionId == versionId, ct);
        if (window is null)
        {
            return "That consultation window is not on this version; it may have been deleted already.";
        }

        db.ConsultationWindows.Remove(window);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Whether a newer version of the guideline supersedes this one, and whether the secretariat keeps
    /// it open for new comments; null for the newest version. The draft page and <see cref="Comments.CommentService"/> read it.
    /// </summary>
    public async Task<Supersession?> SupersessionAsync(int versionId, CancellationToken ct)
    {
        var version = await db.DraftVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.GuidelineId, v.Number }).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var newer = await db.DraftVersions.AsNoTracking().Where(v => v.GuidelineId == version.GuidelineId && v.Number > version.Number)
            .Select(v => new NewerVersion(v.Number, v.Date)).ToListAsync(ct);
        return newer.Count == 0 ? null : Supersession.Of(version.Number, newer, await db.KeptOpenVersions.AnyAsync(k => k.VersionId == versionId, ct));
    }

    /// <summary>Keeps a superseded version open for new comments, or closes it again (secretariat); null when done, else why not.</summary>
    public async Task<string?> SetKeptOpenAsync(Caller caller, ConsultationVersion version, bool keepOpen, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return "Only the secretariat decides whether a superseded version still takes comments.";
        }

        if (version.Status == DraftStatus.Final && keepOpen)
        {
            return $"v{version.Number} is final and read-only; it cannot be kept open for comments.";
        }

        var row = await db.KeptOpenVersions.FirstOrDefaultAsync(k => k.VersionId == version.Id, ct);
        if (keepOpen && row is null)
        {
            db.KeptOpenVersions.Add(new KeptOpenVersion { VersionId = version.Id, SetById = caller.UserId, SetAt = Now });
        }
        else if (!keepOpen && row is not null)
        {
            db.KeptOpenVersions.Remove(row);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Whether the guideline's publicly consulted versions are readable without signing in.</summary>
    public Task<bool> AnonymousReadingAsync(int guidelineId, CancellationToken ct) =>
        db.PublicReadings.AnyAsync(r => r.GuidelineId == guidelineId, ct);

    /// <summary>Turns reading without signing in on or off for a guideline (secretariat); null when done, else why not.</summary>
    public async Task<string?> SetAnonymousReadingAsync(Caller caller, int guidelineId, bool allowed, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return "Only the secretariat decides who may read a guideline without signing in.";
        }

        var row = await db.PublicReadings.FirstOrDefaultAsync(r => r.GuidelineId == guidelineId, ct);
        if (allowed && row is null)
        {
            db.PublicReadings.Add(new PublicReading { GuidelineId = guidelineId, SetById = caller.UserId, SetAt = Now });
        }
        else if (!allowed && row is not null)
        {
            db.PublicReadings.Remove(row);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Every window of every version of a guideline, by version id (versions without windows left out).</summary>
    public async Task<ILookup<int, ConsultationPeriod>> WindowsOfGuidelineAsync(int guidelineId, CancellationToken ct) =>
        (await db.ConsultationWindows.AsNoTracking().Include(w => w.Groups).Where(w => w.Version.GuidelineId == guidelineId).ToListAsync(ct))
            .ToLookup(w => w.VersionId, PeriodOf);

    /// <summary>The public windows of every guideline, for the registration page and the guideline list.</summary>
    public async Task<IReadOnlyList<(int GuidelineId, int VersionId, ConsultationPeriod Period)>> PublicWindowsAsync(CancellationToken ct) =>
        (await db.ConsultationWindows.AsNoTracking().Include(w => w.Groups).Include(w => w.Version).Where(w => w.IsPublic).ToListAsync(ct))
            .Select(w => (w.Version.GuidelineId, w.VersionId, PeriodOf(w))).ToList();

    private static ConsultationPeriod PeriodOf(ConsultationWindow w) => new(
        w.Title,
        w.OpensAt,
        w.ClosesAt,
        w.Audience == ConsultationAudience.Everyone ? null : w.Groups.Select(g => g.Group).Order().ToList(),
        w.IsPublic);
}
