using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>One segment row of the workspace: the source with its context, glossary hits, the translation, candidates and comments.</summary>
public sealed record WorkspaceSegment(
    SourceSegment Segment,
    string SectionAnchor,
    string SectionTitle,
    int HeadingLevel,
    IReadOnlyList<GlossaryHit> Glossary,
    TranslationView? Translation,
    IReadOnlyList<CandidateView> Candidates,
    IReadOnlyList<TranslationCommentView> Comments)
{
    public TranslationState State => Translation?.State ?? TranslationState.Untranslated;
}

public sealed record WorkspaceSection(string Anchor, string Title, int Level);

/// <summary>Everything the workspace page shows for one version in one language.</summary>
public sealed record WorkspaceView(
    TranslationTarget Target,
    string GuidelineSlug,
    string GuidelineTitle,
    IReadOnlyList<WorkspaceSection> Sections,
    IReadOnlyList<WorkspaceSegment> Segments,
    IReadOnlyList<CandidateView> SourceGone,
    IReadOnlyList<GlossaryEntry> Glossary)
{
    public int Count(TranslationState state) => Segments.Count(s => s.State == state);
}

/// <summary>Loads the translation workspace of a version in a language (rights checked by <see cref="TranslationAccess"/>).</summary>
public sealed class TranslationWorkspace(AppDbContext db, TranslationAccess access, TranslationReader reader, TranslationService translations)
{
    public async Task<WorkspaceView> LoadAsync(Caller caller, string slug, int number, string language, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, slug, number, language, ct);
        var versionId = target.Version.Id;
        var code = target.Language.Code;
        var sections = await db.Sections.AsNoTracking().Where(s => s.VersionId == versionId).OrderBy(s => s.Ordinal)
            .Select(s => new WorkspaceSection(s.Anchor, s.Title, s.Level)).ToListAsync(ct);
        var titles = sections.ToDictionary(s => s.Anchor, s => s.Title, StringComparer.Ordinal);
        var rows = await db.Translations.AsNoTracking().Include(t => t.Translator).Include(t => t.Reviewer)
            .Where(t => t.VersionId == versionId && t.Language == code).ToDictionaryAsync(t => t.SegmentId, StringComparer.Ordinal, ct);
        var candidates = (await db.TranslationCandidates.AsNoTracking().Where(c => c.VersionId == versionId && c.Language == code)
                .Select(c => new { c.Id, c.SegmentId, c.Reason, c.Text, From = c.FromTranslation.Version.Number, FromSegment = c.FromTranslation.SegmentId })
                .ToListAsync(ct))
            .Select(c => new CandidateView(c.Id, c.SegmentId, c.Reason, c.Text, c.From, c.FromSegment))
            .ToList();
        var comments = (await db.TranslationComments.AsNoTracking().Where(c => c.VersionId == versionId && c.Language == code).OrderBy(c => c.Id)
                .Select(c => new TranslationCommentView(c.Id, c.SegmentId, c.Author.DisplayName, c.Body, c.CreatedAt)).ToListAsync(ct))
            .ToLookup(c => c.SegmentId, StringComparer.Ordinal);
        var candidatesFor = candidates.Where(c => c.SegmentId is not null).ToLookup(c => c.SegmentId!, StringComparer.Ordinal);
        var glossary = await translations.GlossaryAsync(target.Version.GuidelineId, ct);
        var inLanguage = glossary.Where(g => g.Renderings.ContainsKey(code)).ToList();

        var segments = new List<WorkspaceSegment>();
        foreach (var block in await reader.BlocksAsync(versionId, ct))
        {
            foreach (var segment in block.Segments)
            {
                segments.Add(new WorkspaceSegment(
                    segment,
                    block.SectionAnchor,
                    titles.GetValueOrDefault(block.SectionAnchor, ""),
                    block.HeadingLevel,
                    Glossary.Find(segment.Source, inLanguage),
                    rows.TryGetValue(segment.Id, out var row) ? TranslationService.View(row, segment, inLanguage) : null,
                    candidatesFor[segment.Id].ToList(),
                    comments[segment.Id].ToList()));
            }
        }

        return new WorkspaceView(target, target.Version.Guideline.Slug, target.Version.Guideline.Title, sections, segments,
            candidates.Where(c => c.SegmentId is null).ToList(), inLanguage);
    }
}
