using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Consultations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app sending mail to a sink, with a second, members-only guideline beside the sample, for
/// public consultations: tests set the windows they need with <see cref="OnlyWindowAsync"/>.
/// </summary>
public class PublicConsultationAppFactory() : MailAppFactory(MailSink.StartAsync().GetAwaiter().GetResult(), smtpPort: null)
{
    public const string MembersOnlySlug = "members-only-guide";

    private readonly string content = ContentWithMembersOnlyGuideline();

    /// <summary>Registrations allowed per address and per e-mail an hour: high, so only the limit tests meet them.</summary>
    protected virtual (int PerAddress, int PerEmail) RegistrationLimits => (10_000, 10_000);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GuidelinesReview:ContentPath", content);
        builder.UseSetting("GuidelinesReview:RegistrationsPerHour", RegistrationLimits.PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:RegistrationsPerEmailPerHour", RegistrationLimits.PerEmail.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The sample content, and its v1 again as the only version of a second guideline.</summary>
    private static string ContentWithMembersOnlyGuideline()
    {
        var root = Path.Combine(Path.GetTempPath(), "gr-tests", "content-" + Guid.NewGuid().ToString("N"));
        var sample = Path.Combine(RepoPaths.Root, "content");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var from = Path.Combine(sample, "guidelines", SampleSlug);
        var other = Path.Combine(root, "guidelines", MembersOnlySlug);
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "guideline.yml"), File.ReadAllText(Path.Combine(from, "guideline.yml"))
            .Replace($"slug: {SampleSlug}", $"slug: {MembersOnlySlug}", StringComparison.Ordinal)
            .Replace("title: Guidelines on People-Centred Smart Cities", "title: Members-only guide", StringComparison.Ordinal));
        File.Copy(Path.Combine(from, "v1.md"), Path.Combine(other, "v1.md"));
        return root;
    }

    public Task<int> VersionIdAsync(string slug, int number) =>
        DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == number).Select(v => v.Id).SingleAsync());

    /// <summary>Makes this the only window in the app: on the version, from <paramref name="opens"/> to <paramref name="closes"/>, for everyone.</summary>
    public async Task OnlyWindowAsync(int versionId, DateTime opens, DateTime closes, bool isPublic = true) => await DbAsync(async db =>
    {
        db.ConsultationWindows.RemoveRange(db.ConsultationWindows);
        db.ConsultationWindows.Add(new ConsultationWindow
        {
            VersionId = versionId,
            Title = isPublic ? "Public online consultation" : "Expert review",
            OpensAt = opens,
            ClosesAt = closes,
            Audience = ConsultationAudience.Everyone,
            IsPublic = isPublic,
            CreatedById = await db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync(),
            CreatedAt = Clock.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>Sets whether the sample guideline's publicly consulted drafts are readable without signing in.</summary>
    public Task AnonymousReadingAsync(bool allowed) => DbAsync(async db =>
    {
        var guidelineId = await db.Guidelines.Where(g => g.Slug == SampleSlug).Select(g => g.Id).SingleAsync();
        db.PublicReadings.RemoveRange(db.PublicReadings);
        if (allowed)
        {
            db.PublicReadings.Add(new PublicReading
            {
                GuidelineId = guidelineId,
                SetById = await db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync(),
                SetAt = Clock.UtcNow,
            });
        }

        return await db.SaveChangesAsync();
    });
}

[CollectionDefinition(Name)]
public sealed class PublicConsultationCollection : ICollectionFixture<PublicConsultationAppFactory>
{
    public const string Name = "app with public consultations";
}
