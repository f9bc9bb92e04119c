using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>What an XLIFF import did, or why nothing was imported (<see cref="Problems"/>, each naming line and unit).</summary>
public sealed record XliffImportReport(int Updated, int Unchanged, int Empty, int Suggestions, IReadOnlyList<XliffProblem> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Exchange with CAT tools. Export: one unit per segment (id = segment id, source, target, state,
/// the source's hash, and as notes the section, the rejection reason, open review comments and
/// glossary terms). Import: units matched by id and source hash; a unit whose source changed
/// since the export comes in as a suggestion marked outdated; a file with any problem imports
/// nothing. An import never approves: a translated unit waits for review in the platform.
/// </summary>
public sealed class XliffExchange(AppDbContext db, TranslationAccess access, TranslationReader reader, TranslationService translations, NotificationRecorder notifications, IHubContext<TranslationHub, ITranslationClient> hub, TimeProvider clock)
{
    public static XliffState ToXliff(TranslationState state, XliffVersion version) => state switch
    {
        TranslationState.Translated => XliffState.Translated,
        TranslationState.Approved => version == XliffVersion.V20 ? XliffState.Final : XliffState.Reviewed, // final / signed-off
        _ => XliffState.Initial,
    };

    public async Task<(string FileName, string Xml)> ExportAsync(Caller caller, string slug, int number, string language, XliffVersion format, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, slug, number, language, ct);
        var versionId = target.Version.Id;
        var code = target.Language.Code;
        var rows = await db.Translations.AsNoTracking().Where(t => t.VersionId == versionId && t.Language == code).ToDictionaryAsync(t => t.SegmentId, StringComparer.Ordinal, ct);
        var comments = (await db.TranslationComments.AsNoTracking().Where(c => c.VersionId == versionId && c.Language == code).OrderBy(c => c.Id)
            .Select(c => new { c.SegmentId, Author = c.Author.DisplayName, c.Body }).ToListAsync(ct)).ToLookup(c => c.SegmentId, StringComparer.Ordinal);
        var titles = await db.Sections.AsNoTracking().Where(s => s.VersionId == versionId).ToDictionaryAsync(s => s.Anchor, s => s.Title, StringComparer.Ordinal, ct);
        var glossary = (await translations.GlossaryAsync(target.Version.GuidelineId, ct)).Where(g => g.Renderings.ContainsKey(code)).ToList();

        var units = new List<XliffUnit>();
        foreach (var block in await reader.BlocksAsync(versionId, ct))
        {
            foreach (var segment in block.Segments)
            {
                var row = rows.GetValueOrDefault(segment.Id);
                var notes = new List<string> { $"Section {titles.GetValueOrDefault(block.SectionAnchor, block.SectionAnchor)}; {block.Kind} {segment.Id}." };
                if (row?.State == TranslationState.Rejected)
                {
                    notes.Add($"Rejected: {row.RejectReason}");
                }

                if (row?.State == TranslationState.Outdated)
                {
                    notes.Add($"Outdated: the English changed since this was translated. It was: {row.SourceText}");
                }

                notes.AddRange(comments[segment.Id].Select(c => $"Comment by {c.Author}: {c.Body}"));
                notes.AddRange(Glossary.Find(segment.Source, glossary).Select(h => h.Entry).Distinct()
                    .Select(e => $"Glossary: {e.Term} → {e.Renderings[code].Preferred}{(e.Renderings[code].Forbidden.Count > 0 ? $" (not: {string.Join(", ", e.Renderings[code].Forbidden)})" : "")}"));
                var text = row is null || row.Text.Length == 0 ? null : row.Text;
                units.Add(new XliffUnit(segment.Id, segment.Source, text, text is null ? XliffState.Initial : ToXliff(row!.State, format), segment.Hash, notes));
            }
        }

        var document = new XliffDocument(target.Version.Language, code, $"{slug}/v{number}", units);
        return ($"{slug}-v{number}-{code}-xliff{(format == XliffVersion.V20 ? "20" : "12")}.xlf", XliffWriter.Write(document, format));
    }

    public async Task<XliffImportReport> ImportAsync(Caller caller, string slug, int number, string language, Stream file, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, slug, number, language, ct);
        if (!target.Rights.CanTranslate)
        {
            throw RefusedException.Forbidden($"You are not assigned to translate {target.Language.EnglishName} ({target.Language.Code}), so you cannot import its translations.");
        }

        var read = XliffReader.Read(file);
        if (!read.Ok)
        {
            return new XliffImportReport(0, 0, 0, 0, read.Problems);
        }

        var document = read.Document!;
        var versionId = target.Version.Id;
        var code = target.Language.Code;
        var problems = new List<XliffProblem>();
        if (!string.Equals(document.SourceLanguage, target.Version.Language, StringComparison.OrdinalIgnoreCase) || !string.Equals(document.TargetLanguage, code, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new XliffProblem(null, null,
                $"The file translates '{document.SourceLanguage}' into '{document.TargetLanguage}'; this is v{number} in '{target.Version.Language}' into '{code}'. Nothing was imported."));
        }

        var segments = (await reader.BlocksAsync(versionId, ct)).SelectMany(b => b.Segments).ToDictionary(s => s.Id, StringComparer.Ordinal);
        problems.AddRange(document.Units.Where(u => !segments.ContainsKey(u.Id))
            .Select(u => new XliffProblem(null, u.Id, $"Unit '{u.Id}' is not a segment of v{number}: was the file exported from another version? Nothing was imported.")));
        if (problems.Count > 0)
        {
            return new XliffImportReport(0, 0, 0, 0, problems);
        }

        var rows = await db.Translations.Where(t => t.VersionId == versionId && t.Language == code).ToDictionaryAsync(t => t.SegmentId, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int updated = 0, unchanged = 0, empty = 0, suggestions = 0;
        var changed = new List<Translation>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var unit in document.Units)
        {
            var segment = segments[unit.Id];
            var text = unit.Target?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
            if (text.Length == 0)
            {
                empty++;
                continue;
            }

            if (text.Length > TranslationService.MaxText)
            {
                await transaction.RollbackAsync(ct);
                return new XliffImportReport(0, 0, 0, 0, [new XliffProblem(null, unit.Id, $"Unit '{unit.Id}': the translation is {text.Length:N0} characters long; at most {TranslationService.MaxText:N0} are accepted. Nothing was imported.")]);
            }

            var sameSource = unit.SourceHash.Length > 0 ? unit.SourceHash == segment.Hash : unit.Source == segment.Source;
            var row = rows.GetValueOrDefault(unit.Id);
            if (!sameSource)
            {
                // The English changed since the export: never placed as current. Beside an existing
                // translation it is a suggestion; on an untranslated segment it is an outdated translation.
                if (row is null)
                {
                    row = new Translation { VersionId = versionId, Language = code, SegmentId = segment.Id, BlockAnchor = segment.BlockAnchor, State = TranslationState.Outdated };
                    (row.Text, row.SourceText, row.SourceHash) = (text, unit.Source, Segments.HashOf(unit.Source));
                    (row.TranslatorId, row.TranslatedAt, row.UpdatedAt, row.Revision) = (caller.UserId, now, now, 1);
                    row.Events.Add(new TranslationEvent { Kind = TranslationEventKind.Imported, State = row.State, Text = text, Note = "Imported from an XLIFF file whose English has changed since its export.", ActorId = caller.UserId, At = now });
                    db.Translations.Add(row);
                    changed.Add(row);
                    suggestions++;
                }
                else if (row.Text != text)
                {
                    db.TranslationCandidates.Add(new TranslationCandidate { VersionId = versionId, Language = code, SegmentId = unit.Id, FromTranslation = row, Reason = "import", Text = text });
                    suggestions++;
                }

                continue;
            }

            var state = unit.State == XliffState.Initial ? TranslationState.Draft : TranslationState.Translated;
            // The same text changes nothing, except that a draft marked translated in the CAT tool is offered for review.
            if (row is not null && row.Text == text && !(row.State == TranslationState.Draft && state == TranslationState.Translated))
            {
                unchanged++;
                continue;
            }

            if (row is null)
            {
                row = new Translation { VersionId = versionId, Language = code, SegmentId = segment.Id, BlockAnchor = segment.BlockAnchor };
                db.Translations.Add(row);
            }

            if (row.SourceHash != segment.Hash)
            {
                row.ApprovedText = null; // approved for an English that has changed since
            }

            (row.Text, row.State, row.SourceText, row.SourceHash) = (text, state, segment.Source, segment.Hash);
            (row.TranslatorId, row.TranslatedAt, row.RejectReason, row.EditorialChange, row.UpdatedAt) = (caller.UserId, now, null, false, now);
            row.Revision++;
            row.Events.Add(new TranslationEvent { Kind = TranslationEventKind.Imported, State = state, Text = text, Note = "Imported from an XLIFF file.", ActorId = caller.UserId, At = now });
            changed.Add(row);
            updated++;
        }

        var toReview = changed.Count(r => r.State == TranslationState.Translated);
        if (toReview > 0)
        {
            await notifications.TranslationToReviewAsync(versionId, code, caller.UserId, toReview, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var row in changed)
        {
            var view = await translations.ViewAsync(row.Id, segments[row.SegmentId], ct);
            await hub.Clients.Group(TranslationGroups.Of(versionId, code)).TranslationChanged(versionId, code, view, caller.UserId);
        }

        return new XliffImportReport(updated, unchanged, empty, suggestions, []);
    }
}
