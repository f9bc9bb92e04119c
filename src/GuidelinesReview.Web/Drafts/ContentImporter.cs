using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

public sealed record ImportReport(int Published, int Unchanged, IReadOnlyList<string> Errors);

/// <summary>
/// Loads <c>content/guidelines/&lt;slug&gt;/</c> into the database at start-up. Idempotent:
/// an unchanged file is skipped, a changed file for a published version is refused with an
/// error in the log, and a broken file never stops the other files from loading.
/// </summary>
public sealed partial class ContentImporter(AppDbContext db, DraftPublisher publisher, TranslationContentImporter translations, ILogger<ContentImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string contentPath, CancellationToken ct)
    {
        var errors = new List<string>();
        int published = 0, unchanged = 0;
        var guidelinesPath = Path.Combine(contentPath, "guidelines");
        if (!Directory.Exists(guidelinesPath))
        {
            LogNoContent(guidelinesPath);
            return new ImportReport(0, 0, errors);
        }

        foreach (var folder in Directory.GetDirectories(guidelinesPath).Order(StringComparer.Ordinal))
        {
            Guideline guideline;
            try
            {
                guideline = await UpsertGuidelineAsync(folder, ct);
            }
            catch (Exception e) when (e is ContentFormatException or IOException)
            {
                errors.Add(e.Message);
                LogGuidelineRefused(folder, e.Message);
                continue;
            }

            try
            {
                await translations.ImportGlossaryAsync(guideline, folder, ct);
            }
            catch (ContentFormatException e)
            {
                errors.Add(e.Message);
                LogGuidelineRefused(folder, e.Message);
            }

            // In version order (v10 after v9), each version's translations right after it, so the next one carries them.
            foreach (var file in Directory.GetFiles(folder, "*.md").OrderBy(f => VersionOrder(f)).ThenBy(f => f, StringComparer.Ordinal))
            {
                var name = $"{Path.GetFileName(folder)}/{Path.GetFileName(file)}";
                try
                {
                    var result = await publisher.PublishAsync(guideline, await File.ReadAllTextAsync(file, ct), name, ct);
                    switch (result.Outcome)
                    {
                        case PublishOutcome.Published:
                            published++;
                            LogPublished(name, result.Message);
                            break;
                        case PublishOutcome.Unchanged:
                            unchanged++;
                            break;
                        case PublishOutcome.Updated:
                            unchanged++;
                            LogUpdated(name, result.Message);
                            break;
                        default:
                            errors.Add(result.Message);
                            LogVersionRefused(name, result.Message);
                            break;
                    }

                    if (result.Version is { } version)
                    {
                        errors.AddRange(await translations.ImportVersionAsync(guideline, folder, version, ct));
                    }
                }
                catch (Exception e) when (e is ContentFormatException or MarkdownRejectedException or IOException or Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    errors.Add($"{name}: {e.Message}");
                    LogVersionRefused(name, e.Message);
                }
            }
        }

        return new ImportReport(published, unchanged, errors);
    }

    private static int VersionOrder(string path) =>
        Path.GetFileNameWithoutExtension(path) is ['v', .. var digits] && int.TryParse(digits, out var n) ? n : int.MaxValue;

    private async Task<Guideline> UpsertGuidelineAsync(string folder, CancellationToken ct)
    {
        var manifestPath = Path.Combine(folder, "guideline.yml");
        if (!File.Exists(manifestPath))
        {
            throw new ContentFormatException($"{Path.GetFileName(folder)}: guideline.yml is missing.");
        }

        var manifest = GuidelineManifest.Parse(await File.ReadAllTextAsync(manifestPath, ct));
        if (manifest.Slug != Path.GetFileName(folder))
        {
            throw new ContentFormatException($"{Path.GetFileName(folder)}/guideline.yml: slug '{manifest.Slug}' must match the folder name.");
        }

        var guideline = await db.Guidelines.Include(g => g.Terms).FirstOrDefaultAsync(g => g.Slug == manifest.Slug, ct);
        if (guideline is null)
        {
            guideline = new Guideline { Slug = manifest.Slug };
            db.Guidelines.Add(guideline);
        }

        // Title, summary and term names may be edited; terms are never removed, as versions use them.
        guideline.Title = manifest.Title;
        guideline.Summary = manifest.Summary;
        guideline.Languages = string.Join(',', manifest.Languages);
        var terms = manifest.Taxonomy.ThematicAreas.Concat(manifest.Taxonomy.Principles).ToList();
        foreach (var (term, ordinal) in terms.Select((t, i) => (t, i)))
        {
            var existing = guideline.Terms.FirstOrDefault(t => t.Kind == term.Kind && t.Key == term.Key);
            if (existing is null)
            {
                guideline.Terms.Add(new GuidelineTerm { Kind = term.Kind, Key = term.Key, Name = term.Name, Ordinal = ordinal });
            }
            else
            {
                existing.Name = term.Name;
                existing.Ordinal = ordinal;
            }
        }

        await db.SaveChangesAsync(ct);
        return guideline;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No content folder at {Path}: nothing imported")]
    private partial void LogNoContent(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content import refused guideline folder {Folder}: {Reason}")]
    private partial void LogGuidelineRefused(string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content import refused {File}: {Reason}")]
    private partial void LogVersionRefused(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content import: {File}: {Result}")]
    private partial void LogUpdated(string file, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content import: {File}: {Result}")]
    private partial void LogPublished(string file, string result);
}
