using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// Loads a guideline's <c>glossary.yml</c> and its <c>translations/v{n}.{lang}.yml</c> files with
/// the content. A version's translations are loaded right after it is published, before the next
/// version, so that the next one carries them (and shows which are outdated). Idempotent: a
/// segment that already has a translation is left as it is, whatever the file says.
/// </summary>
public sealed partial class TranslationContentImporter(AppDbContext db, TranslationReader reader, TimeProvider clock, ILogger<TranslationContentImporter> logger)
{
    public async Task ImportGlossaryAsync(Guideline guideline, string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, "glossary.yml");
        if (!File.Exists(path))
        {
            return;
        }

        var terms = GlossaryFile.Parse(await File.ReadAllTextAsync(path, ct), $"{guideline.Slug}/glossary.yml");
        var existing = await db.GlossaryItems.Include(g => g.Renderings).Where(g => g.GuidelineId == guideline.Id).ToListAsync(ct);
        foreach (var term in terms)
        {
            var item = existing.FirstOrDefault(g => string.Equals(g.Term, term.Term, StringComparison.OrdinalIgnoreCase));
            if (item is not null)
            {
                continue; // edited in the app since: the app's copy wins
            }

            item = new GlossaryItem { GuidelineId = guideline.Id, Term = term.Term, Note = term.Note };
            item.Renderings.AddRange(term.Translations.Select(t => new GlossaryItemRendering { Language = t.Key, Preferred = t.Value.Preferred, Forbidden = string.Join('\n', t.Value.Forbidden) }));
            db.GlossaryItems.Add(item);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads the translation files of one published version; returns the problems, each a sentence naming file and unit.</summary>
    public async Task<IReadOnlyList<string>> ImportVersionAsync(Guideline guideline, string folder, DraftVersion version, CancellationToken ct)
    {
        var problems = new List<string>();
        var translations = Path.Combine(folder, "translations");
        if (!Directory.Exists(translations))
        {
            return problems;
        }

        foreach (var path in Directory.GetFiles(translations, $"v{version.Number}.*.yml").Order(StringComparer.Ordinal))
        {
            var name = $"{guideline.Slug}/translations/{Path.GetFileName(path)}";
            try
            {
                var file = TranslationFile.Parse(await File.ReadAllTextAsync(path, ct), name);
                problems.AddRange(await ImportAsync(guideline, version, file, name, ct));
            }
            catch (ContentFormatException e)
            {
                problems.Add(e.Message);
            }
        }

        foreach (var problem in problems)
        {
            LogRefused(problem);
        }

        return problems;
    }

    private async Task<List<string>> ImportAsync(Guideline guideline, DraftVersion version, TranslationFile file, string name, CancellationToken ct)
    {
        var problems = new List<string>();
        if (file.Version != version.Number || !TranslationAccess.TargetsOf(guideline, version).Contains(file.Language, StringComparer.Ordinal))
        {
            problems.Add($"{name}: it says v{file.Version} in '{file.Language}'; the file name and the guideline's target languages say otherwise.");
            return problems;
        }

        var segments = (await reader.BlocksAsync(version.Id, ct)).SelectMany(b => b.Segments).ToDictionary(s => s.Id, StringComparer.Ordinal);
        // A segment translated already is left alone (the import runs at every start), except a translation
        // carried from the previous version and outdated by a change of its source: the file's is newer.
        var present = (await db.Translations.Where(t => t.VersionId == version.Id && t.Language == file.Language).Select(t => new { t.SegmentId, t.State }).ToListAsync(ct))
            .ToDictionary(t => t.SegmentId, t => t.State, StringComparer.Ordinal);
        var emails = file.Units.SelectMany(u => new[] { u.Translator, u.Reviewer }).OfType<string>().Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var unit in file.Units)
        {
            if (!segments.TryGetValue(unit.Id, out var segment))
            {
                problems.Add($"{name}: unit '{unit.Id}' is not a segment of v{version.Number}.");
                continue;
            }

            if (present.TryGetValue(unit.Id, out var state) && state != TranslationState.Outdated)
            {
                continue;
            }

            if (!users.TryGetValue(unit.Translator.ToUpperInvariant(), out var translatorId)
                || (unit.Reviewer is not null && !users.ContainsKey(unit.Reviewer.ToUpperInvariant())))
            {
                problems.Add($"{name}: unit '{unit.Id}' names people without an account here ({unit.Translator}{(unit.Reviewer is null ? "" : ", " + unit.Reviewer)}).");
                continue;
            }

            var reviewerId = unit.Reviewer is null ? null : users[unit.Reviewer.ToUpperInvariant()];
            var translation = new Translation
            {
                VersionId = version.Id,
                Language = file.Language,
                SegmentId = segment.Id,
                BlockAnchor = segment.BlockAnchor,
                Text = unit.Text,
                State = unit.State,
                ApprovedText = unit.State == TranslationState.Approved ? unit.Text : null,
                SourceText = segment.Source,
                SourceHash = segment.Hash,
                Revision = 1,
                TranslatorId = translatorId,
                TranslatedAt = now,
                ReviewerId = reviewerId,
                ReviewedAt = reviewerId is null ? null : now,
                RejectReason = unit.Reason,
                UpdatedAt = now,
            };
            var outdated = present.ContainsKey(unit.Id)
                ? await db.Translations.SingleAsync(t => t.VersionId == version.Id && t.Language == file.Language && t.SegmentId == unit.Id, ct)
                : null;
            if (outdated is not null)
            {
                // Same row, so its history stays: the carried text, then the file's.
                (outdated.Text, outdated.State, outdated.ApprovedText, outdated.SourceText, outdated.SourceHash) =
                    (translation.Text, translation.State, translation.ApprovedText, translation.SourceText, translation.SourceHash);
                (outdated.TranslatorId, outdated.TranslatedAt, outdated.ReviewerId, outdated.ReviewedAt, outdated.RejectReason, outdated.UpdatedAt) =
                    (translation.TranslatorId, translation.TranslatedAt, translation.ReviewerId, translation.ReviewedAt, translation.RejectReason, now);
                (outdated.WaivedChecks, outdated.WaiverReason) = (null, null);
                outdated.Revision++;
                translation = outdated;
            }

            translation.Events.Add(new TranslationEvent { Kind = TranslationEventKind.Imported, State = unit.State, Text = unit.Text, Note = $"Loaded from {name}.", ActorId = translatorId, At = now });
            if (outdated is null)
            {
                db.Translations.Add(translation);
            }
            added++;
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            LogImported(name, added);
        }

        return problems;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content import: {File}: {Count} translations loaded")]
    private partial void LogImported(string file, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content import: {Problem}")]
    private partial void LogRefused(string problem);
}
