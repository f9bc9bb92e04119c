using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>A version's translation progress: the matrix, its languages by name, and which workspaces the reader may open.</summary>
public sealed record VersionProgress(
    string Slug,
    string GuidelineTitle,
    int Number,
    string Label,
    IReadOnlyList<LanguageInfo> Languages,
    IReadOnlySet<string> Workspaces,
    ProgressMatrix Matrix);

/// <summary>
/// Counts, for a version, the states of its segments per section and target language
/// (<see cref="ProgressMatrix.Build"/>): what the secretariat follows, and translators read.
/// </summary>
public sealed class TranslationProgress(AppDbContext db, TranslationReader reader, TranslationAccess access)
{
    public async Task<VersionProgress?> ForVersionAsync(Caller caller, string slug, int number, CancellationToken ct)
    {
        var version = await db.DraftVersions.AsNoTracking().Include(v => v.Guideline)
            .SingleOrDefaultAsync(v => v.Guideline.Slug == slug && v.Number == number, ct);
        if (version is null)
        {
            return null;
        }

        var languages = TranslationAccess.TargetsOf(version.Guideline, version);
        var sections = await db.Sections.AsNoTracking().Where(s => s.VersionId == version.Id).OrderBy(s => s.Ordinal)
            .Select(s => new ProgressSection(s.Anchor, s.ParentAnchor, s.Title))
            .ToListAsync(ct);
        var segments = (await reader.BlocksAsync(version.Id, ct))
            .SelectMany(b => b.Segments.Select(s => new ProgressSegment(s.Id, b.SectionAnchor)))
            .ToList();
        var states = (await db.Translations.AsNoTracking().Where(t => t.VersionId == version.Id)
                .Select(t => new { t.Language, t.SegmentId, t.State })
                .ToListAsync(ct))
            .ToDictionary(t => (t.Language, t.SegmentId), t => t.State);

        var workspaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            if ((await access.RightsAsync(caller, language, ct)).CanView)
            {
                workspaces.Add(language);
            }
        }

        return new VersionProgress(
            version.Guideline.Slug, version.Guideline.Title, version.Number, version.Label,
            languages.Select(Languages.Of).ToList(), workspaces,
            ProgressMatrix.Build(sections, segments, languages, states));
    }
}
