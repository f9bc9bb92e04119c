using System.Security.Claims;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Consultations;

/// <summary>
/// Which guidelines and versions a reader may see (<see cref="ConsultationRules.CanRead"/>): members
/// everything, public participants the publicly consulted versions, anonymous visitors those of
/// guidelines that allow reading without signing in. Every read path (pages, API, hub) asks here.
/// </summary>
public sealed class ReadAccess(AppDbContext db, ConsultationService consultations)
{
    public static Reader ReaderOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? Reader.Anonymous
        : Roles.IsPublicOnly(user.FindAll(ClaimTypes.Role).Select(c => c.Value)) ? Reader.PublicParticipant
        : Reader.Member;

    public Task<bool> CanReadVersionAsync(ClaimsPrincipal user, int versionId, CancellationToken ct) =>
        CanReadVersionAsync(ReaderOf(user), versionId, ct);

    public async Task<bool> CanReadVersionAsync(Reader reader, int versionId, CancellationToken ct)
    {
        if (reader == Reader.Member)
        {
            return true;
        }

        var guidelineId = await db.DraftVersions.Where(v => v.Id == versionId).Select(v => (int?)v.GuidelineId).FirstOrDefaultAsync(ct);
        if (guidelineId is null)
        {
            return false;
        }

        var windows = (await consultations.WindowsAsync(versionId, ct)).Select(w => w.Period).ToList();
        var anonymousReading = reader == Reader.Anonymous && await consultations.AnonymousReadingAsync(guidelineId.Value, ct);
        return ConsultationRules.CanRead(reader, windows, anonymousReading, consultations.Now);
    }

    /// <summary>The ids of the guideline's versions the reader may see; null when they may see all.</summary>
    public async Task<IReadOnlySet<int>?> ReadableVersionsAsync(ClaimsPrincipal user, int guidelineId, CancellationToken ct)
    {
        var reader = ReaderOf(user);
        if (reader == Reader.Member)
        {
            return null;
        }

        var anonymousReading = reader == Reader.Anonymous && await consultations.AnonymousReadingAsync(guidelineId, ct);
        var now = consultations.Now;
        return (await consultations.WindowsOfGuidelineAsync(guidelineId, ct))
            .Where(windows => ConsultationRules.CanRead(reader, windows.ToList(), anonymousReading, now))
            .Select(windows => windows.Key).ToHashSet();
    }

    /// <summary>The ids of the guidelines a public participant may see (some version publicly consulted); null for members.</summary>
    public async Task<IReadOnlySet<int>?> ReadableGuidelinesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (ReaderOf(user) == Reader.Member)
        {
            return null;
        }

        var now = consultations.Now;
        return (await consultations.PublicWindowsAsync(ct)).Where(w => w.Period.IsPublic && w.Period.OpensAt <= now).Select(w => w.GuidelineId).ToHashSet();
    }
}
