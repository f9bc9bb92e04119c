using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

public sealed record TermView(string Key, string Name);

public sealed record SectionView(
    string Anchor,
    string? ParentAnchor,
    int Level,
    string Title,
    IReadOnlyList<TermView> OwnAreas,
    IReadOnlyList<TermView> OwnPrinciples,
    IReadOnlySet<string> AreaKeys,
    IReadOnlySet<string> PrincipleKeys)
{
    public SectionTags Tags => new(Anchor, ParentAnchor, AreaKeys, PrincipleKeys);
}

public sealed record BlockView(string Anchor, BlockKind Kind, string SectionAnchor, string Html);

public sealed record VersionSummary(int Number, string Label, DateTime Date, DraftStatus Status);

/// <summary>What the pages show of a version (not its Markdown source, which can be 400 KB).</summary>
public sealed record VersionInfo(int Id, int Number, string Label, DateTime Date, DraftStatus Status, string Language, string Summary, int WordCount);

public sealed record DraftView(
    Guideline Guideline,
    VersionInfo Version,
    IReadOnlyList<VersionSummary> AllVersions,
    IReadOnlyList<TermView> Areas,
    IReadOnlyList<TermView> Principles,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<BlockView> Blocks,
    IReadOnlyDictionary<int, GuidelineTerm> TermsById);

/// <summary>Loads what the reading view of a draft version shows, in a fixed number of queries.</summary>
public sealed class DraftReader(AppDbContext db)
{

    /// <summary>The sections of a version with their tags (own and inherited), in document order.</summary>
    public async Task<IReadOnlyList<SectionView>> SectionsAsync(int versionId, IReadOnlyDictionary<int, GuidelineTerm> termsById, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.VersionId == versionId).OrderBy(s => s.Ordinal).Include(s => s.Tags).ToListAsync(ct);
        return sections.Select(s => ToView(s, termsById)).ToList();
    }

    private static SectionView ToView(Section s, IReadOnlyDictionary<int, GuidelineTerm> termsById)
    {
        TermView View(GuidelineTerm t) => new(t.Key, t.Name);
        List<TermView> Own(TaxonomyKind kind) =>
            s.Tags.Where(t => t.Own).Select(t => termsById[t.TermId]).Where(t => t.Kind == kind).OrderBy(t => t.Ordinal).Select(View).ToList();
        HashSet<string> All(TaxonomyKind kind) =>
            s.Tags.Select(t => termsById[t.TermId]).Where(t => t.Kind == kind).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return new SectionView(s.Anchor, s.ParentAnchor, s.Level, s.Title, Own(TaxonomyKind.ThematicArea), Own(TaxonomyKind.Principle), All(TaxonomyKind.ThematicArea), All(TaxonomyKind.Principle));
    }

    /// <summary>The versions of a guideline, oldest first; null if there is no such guideline.</summary>
    public async Task<IReadOnlyList<VersionSummary>?> VersionsAsync(string slug, CancellationToken ct)
    {
        var guidelineId = await db.Guidelines.Where(g => g.Slug == slug).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        return guidelineId is null ? null : await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guidelineId)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Label, v.Date, v.Status))
            .ToListAsync(ct);
    }

    /// <summary>The id of a guideline's version by number (null: no such version).</summary>
    public Task<int?> VersionIdAsync(int guidelineId, int number, CancellationToken ct) =>
        db.DraftVersions.Where(v => v.GuidelineId == guidelineId && v.Number == number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);

    public async Task<DraftView?> LoadAsync(string slug, int number, CancellationToken ct)
    {
        var guideline = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, ct);
        if (guideline is null)
        {
            return null;
        }

        var version = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guideline.Id && v.Number == number)
            .Select(v => new VersionInfo(v.Id, v.Number, v.Label, v.Date, v.Status, v.Language, v.Summary, v.WordCount))
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var versions = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guideline.Id)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Label, v.Date, v.Status))
            .ToListAsync(ct);
        var terms = await db.GuidelineTerms.AsNoTracking()
            .Where(t => t.GuidelineId == guideline.Id)
            .OrderBy(t => t.Ordinal)
            .ToListAsync(ct);
        var termsById = terms.ToDictionary(t => t.Id);
        var sections = await SectionsAsync(version.Id, termsById, ct);
        var blocks = await db.Blocks.AsNoTracking()
            .Where(b => b.VersionId == version.Id)
            .OrderBy(b => b.Ordinal)
            .Select(b => new BlockView(b.Anchor, b.Kind, b.Section.Anchor, b.Html))
            .ToListAsync(ct);

        TermView View(GuidelineTerm t) => new(t.Key, t.Name);
        return new DraftView(
            guideline,
            version,
            versions,
            terms.Where(t => t.Kind == TaxonomyKind.ThematicArea).Select(View).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Principle).Select(View).ToList(),
            sections,
            blocks,
            termsById);
    }
}
