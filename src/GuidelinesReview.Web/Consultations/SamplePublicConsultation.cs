using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Consultations;

/// <summary>
/// Development only: the sample guideline's consultation version (the one the generated consultation
/// uses) gets a month-long public window opened the day before start-up, and its publicly consulted
/// drafts become readable without signing in, so registration can be tried from a fresh clone.
/// Once: a version that already has a window is left alone.
/// </summary>
public sealed partial class SamplePublicConsultation(
    AppDbContext db,
    UserManager<AppUser> users,
    IOptions<AppOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<SamplePublicConsultation> logger)
{
    public async Task OpenAsync(CancellationToken ct)
    {
        var days = options.Value.SamplePublicConsultationDays;
        if (days <= 0 || !environment.IsDevelopment())
        {
            return;
        }

        var sample = options.Value.GenerateConsultation;
        var version = await db.DraftVersions.FirstOrDefaultAsync(v => v.Guideline.Slug == sample.Guideline && v.Number == sample.Version, ct);
        var secretariat = (await users.GetUsersInRoleAsync(Roles.Secretariat)).OrderBy(u => u.Email).FirstOrDefault();
        if (version is null || secretariat is null || await db.ConsultationWindows.AnyAsync(w => w.VersionId == version.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var opens = now.Date.AddDays(-1);
        db.ConsultationWindows.Add(new ConsultationWindow
        {
            VersionId = version.Id,
            Title = "Public online consultation",
            OpensAt = opens,
            ClosesAt = opens.AddDays(days + 1),
            Audience = ConsultationAudience.Everyone,
            IsPublic = true,
            CreatedById = secretariat.Id,
            CreatedAt = now,
        });
        if (!await db.PublicReadings.AnyAsync(r => r.GuidelineId == version.GuidelineId, ct))
        {
            db.PublicReadings.Add(new PublicReading { GuidelineId = version.GuidelineId, SetById = secretariat.Id, SetAt = now });
        }

        await db.SaveChangesAsync(ct);
        LogOpened(sample.Guideline, version.Number, days);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample public consultation opened on {Guideline} v{Version} for {Days} days (Development)")]
    private partial void LogOpened(string guideline, int version, int days);
}
