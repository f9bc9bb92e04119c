using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The sample guideline's v3 in French for translation tests: fresh segments nobody has translated
/// yet (so tests do not meet each other's work), and connections to the translation hub.
/// </summary>
public static class TestTranslations
{
    public const string French = "fr";

    public static Task<int> VersionIdAsync(this AppFactory app, int number = 3) =>
        app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == number).Select(v => v.Id).SingleAsync());

    /// <summary>
    /// Paragraphs of v3 without a translation in <paramref name="language"/>, in reading order, where
    /// <paramref name="text"/> would pass every blocking check (so approving it is not refused for
    /// them), or whose issues for it are as <paramref name="issues"/> asks.
    /// </summary>
    public static Task<List<SourceSegment>> UntranslatedAsync(this AppFactory app, int count, string text, string language = French, Func<IReadOnlyList<TranslationIssue>, bool>? issues = null) => app.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>();
        var versionId = await app.VersionIdAsync();
        var translated = (await db.Translations.Where(t => t.VersionId == versionId && t.Language == language).Select(t => t.SegmentId).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        var guidelineId = await db.DraftVersions.Where(v => v.Id == versionId).Select(v => v.GuidelineId).SingleAsync();
        var glossary = await sp.GetRequiredService<TranslationService>().GlossaryAsync(guidelineId, CancellationToken.None);
        var blocks = await sp.GetRequiredService<TranslationReader>().BlocksAsync(versionId, CancellationToken.None);
        return blocks.Where(b => b.Kind == BlockKind.Paragraph).SelectMany(b => b.Segments)
            .Where(s => !translated.Contains(s.Id))
            .Where(s => (issues ?? (found => found.All(i => i.Severity != CheckSeverity.Blocking)))(TranslationChecks.Check(s.Source, text, language, glossary)))
            .Take(count)
            .ToList();
    });

    public static async Task<string> UntranslatedIdAsync(this AppFactory app, string text) => (await app.UntranslatedAsync(1, text)).Single().Id;

    /// <summary>A connection to /hubs/translate of a demo account ("translator2"), joined to v3 in the language unless told not to.</summary>
    public static async Task<HubTestClient> TranslatorAsync(this AppFactory app, string who, string? joinLanguage = French)
    {
        var hub = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync($"{who}@demo.local"), path: "/hubs/translate");
        if (joinLanguage is not null)
        {
            await hub.InvokeAsync<WorkspaceJoined>("JoinWorkspace", await app.VersionIdAsync(), joinLanguage);
        }

        return hub;
    }

    public static Task<Translation?> StoredTranslationAsync(this AppFactory app, int versionId, string segmentId, string language = French) =>
        app.DbAsync(db => db.Translations.AsNoTracking().SingleOrDefaultAsync(t => t.VersionId == versionId && t.Language == language && t.SegmentId == segmentId));
}
