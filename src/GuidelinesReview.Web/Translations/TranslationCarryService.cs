using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

public sealed record TranslationCarryReport(int Kept, int Outdated, int Editorial, int Candidates, int SourceGone);

/// <summary>A block the new version changes whose translations would become outdated, unless the change is marked editorial.</summary>
public sealed record EditorialChoice(string NewAnchor, IReadOnlyList<WordChange> Words, int Translations);

/// <summary>
/// When a version is published, places every translation of the previous version in it
/// (<see cref="TranslationCarry"/>): kept, outdated (the old source kept for the diff), editorial,
/// or offered as a candidate. The previous version's rows are never changed: they are its history.
/// </summary>
public sealed partial class TranslationCarryService(AppDbContext db, DiffService diffs, TranslationReader reader, TimeProvider clock, ILogger<TranslationCarryService> logger)
{
    public async Task<TranslationCarryReport?> RunAsync(DraftVersion newVersion, IReadOnlySet<string>? editorialAnchors, CancellationToken ct)
    {
        var previous = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == newVersion.GuidelineId && v.Number < newVersion.Number)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number })
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }

        var old = await db.Translations.AsNoTracking().Where(t => t.VersionId == previous.Id).ToListAsync(ct);
        if (old.Count == 0)
        {
            return new TranslationCarryReport(0, 0, 0, 0, 0);
        }

        var diff = await diffs.CompareAsync(previous.Id, newVersion.Id, ct);
        var segments = (await reader.BlocksAsync(newVersion.Id, ct)).SelectMany(b => b.Segments).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var carrier = TranslationCarry.Between(diff, segments.Values.ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        int kept = 0, outdated = 0, editorial = 0, candidates = 0, gone = 0;
        foreach (var language in old.GroupBy(t => t.Language))
        {
            var byId = language.ToDictionary(t => t.Id);
            var prior = language.Select(t => new PriorTranslation(t.Id, t.SegmentId, t.BlockAnchor, t.SourceHash, t.State, t.Text));
            foreach (var carried in carrier.Place(prior, editorialAnchors))
            {
                var from = byId[carried.FromId];
                if (carried.How is CarriedAs.Candidate or CarriedAs.SourceGone)
                {
                    db.TranslationCandidates.Add(new TranslationCandidate
                    {
                        VersionId = newVersion.Id,
                        Language = from.Language,
                        SegmentId = carried.SegmentId,
                        FromTranslationId = from.Id,
                        Reason = carried.Reason ?? "gone",
                        Text = carried.Text,
                    });
                    _ = carried.How == CarriedAs.Candidate ? candidates++ : gone++;
                    continue;
                }

                var segment = segments[carried.SegmentId!];
                var translation = new Translation
                {
                    VersionId = newVersion.Id,
                    Language = from.Language,
                    SegmentId = segment.Id,
                    BlockAnchor = segment.BlockAnchor,
                    Text = carried.Text,
                    State = from.State,
                    ApprovedText = from.ApprovedText,
                    SourceText = from.SourceText,
                    SourceHash = from.SourceHash,
                    Revision = 1,
                    TranslatorId = from.TranslatorId,
                    TranslatedAt = from.TranslatedAt,
                    ReviewerId = from.ReviewerId,
                    ReviewedAt = from.ReviewedAt,
                    RejectReason = from.RejectReason,
                    WaivedChecks = from.WaivedChecks,
                    WaiverReason = from.WaiverReason,
                    CarriedFromId = from.Id,
                    UpdatedAt = now,
                };
                switch (carried.How)
                {
                    case CarriedAs.Kept:
                        kept++;
                        break;
                    case CarriedAs.Renumbered:
                        kept++;
                        (translation.SourceText, translation.SourceHash) = (segment.Source, segment.Hash);
                        translation.ApprovedText = from.ApprovedText is null ? null : carried.Text;
                        break;
                    case CarriedAs.Editorial:
                        editorial++;
                        (translation.SourceText, translation.SourceHash, translation.EditorialChange) = (segment.Source, segment.Hash, true);
                        break;
                    default:
                        outdated++;
                        translation.State = TranslationState.Outdated;
                        break;
                }

                translation.Events.Add(new TranslationEvent
                {
                    Kind = translation.State == TranslationState.Outdated && from.State != TranslationState.Outdated ? TranslationEventKind.Outdated : TranslationEventKind.Carried,
                    State = translation.State,
                    Text = translation.Text,
                    Note = carried.How switch
                    {
                        CarriedAs.Editorial => $"Carried from v{previous.Number}; the source change was marked editorial.",
                        CarriedAs.Outdated => $"Carried from v{previous.Number}; the source changed.",
                        CarriedAs.Renumbered => $"Carried from v{previous.Number}; the heading was renumbered.",
                        _ => $"Carried from v{previous.Number}.",
                    },
                    At = now,
                });
                db.Translations.Add(translation);
            }
        }

        await db.SaveChangesAsync(ct);
        var report = new TranslationCarryReport(kept, outdated, editorial, candidates, gone);
        LogCarried(newVersion.Number, previous.Number, kept, outdated, editorial, candidates, gone);
        return report;
    }

    /// <summary>
    /// Before publishing <paramref name="file"/>: the changed blocks of the previous version that have
    /// translations, which the secretariat may mark editorial (a typo, punctuation) so approvals survive.
    /// </summary>
    public async Task<IReadOnlyList<EditorialChoice>> EditorialChoicesAsync(Guideline guideline, DraftFile file, CancellationToken ct)
    {
        var previous = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guideline.Id && v.Number < file.FrontMatter.Number)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id })
            .FirstOrDefaultAsync(ct);
        if (previous is null || await db.DraftVersions.AnyAsync(v => v.GuidelineId == guideline.Id && v.Number == file.FrontMatter.Number, ct))
        {
            return [];
        }

        var translated = await db.Translations.AsNoTracking().Where(t => t.VersionId == previous.Id && t.Text != "")
            .GroupBy(t => t.BlockAnchor).Select(g => new { Anchor = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Anchor, g => g.Count, StringComparer.Ordinal, ct);
        if (translated.Count == 0)
        {
            return [];
        }

        var terms = await db.GuidelineTerms.AsNoTracking().Where(t => t.GuidelineId == guideline.Id).ToListAsync(ct);
        var document = DraftPublisher.Parse(file, terms);
        var newBlocks = document.Blocks.Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();
        var diff = BlockAligner.Align(await diffs.BlocksAsync(previous.Id, ct), newBlocks);
        return diff.Pairs
            .Where(p => p.TextChanged && !p.Renumbered && p.Words is not null && translated.ContainsKey(p.Old!.Anchor))
            .Select(p => new EditorialChoice(p.New!.Anchor, p.Words!, translated[p.Old!.Anchor]))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried translations from v{From} to v{To}: {Kept} kept, {Outdated} outdated, {Editorial} editorial, {Candidates} candidates, {Gone} whose source is gone")]
    private partial void LogCarried(int to, int from, int kept, int outdated, int editorial, int candidates, int gone);
}
