using System.Collections.Concurrent;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>A block of a version with its translation segments (none for code).</summary>
public sealed record SegmentedBlock(int Ordinal, string Anchor, BlockKind Kind, string SectionAnchor, string Source, string Html, IReadOnlyList<SourceSegment> Segments)
{
    /// <summary>The heading level the draft page gives this block (2 when it is not a heading).</summary>
    public int HeadingLevel => Html.Length > 2 && Html[0] == '<' && Html[1] == 'h' && char.IsAsciiDigit(Html[2]) ? Html[2] - '0' : 2;
}

/// <summary>A block as readers of a localized version see it: its approved translation, or the source marked as not translated yet.</summary>
public sealed record LocalizedBlock(string Anchor, BlockKind Kind, string Html, bool Translated, int SegmentCount, int ApprovedCount);

/// <summary>
/// A version's reading view in one language: every block by anchor, and the approved translations of
/// its headings as plain text by section anchor (a heading's anchor is its section's), for the contents.
/// </summary>
public sealed record LocalizedReading(IReadOnlyDictionary<string, LocalizedBlock> Blocks, IReadOnlyDictionary<string, string> Titles);

/// <summary>One block of the localized version as Markdown (its approved translation, or the source), for the Word download.</summary>
public sealed record LocalizedSource(string Anchor, BlockKind Kind, string Markdown, bool Translated);

/// <summary>Reads a version's segments and its approved translations, for the reading view, downloads and the workspace.</summary>
/// <summary>
/// A published version's blocks never change: their segments are cut once per app (a singleton,
/// not a static, so two apps in one process, as in the tests, never share versions' ids).
/// </summary>
public sealed class SegmentCache
{
    public ConcurrentDictionary<int, IReadOnlyList<SegmentedBlock>> Versions { get; } = new();
}

public sealed class TranslationReader(AppDbContext db, SegmentCache cache)
{

    public async Task<IReadOnlyList<SegmentedBlock>> BlocksAsync(int versionId, CancellationToken ct)
    {
        if (cache.Versions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        var blocks = await db.Blocks.AsNoTracking().Where(b => b.VersionId == versionId).OrderBy(b => b.Ordinal)
            .Select(b => new { b.Ordinal, b.Anchor, b.Kind, Section = b.Section.Anchor, b.Source, b.Html })
            .ToListAsync(ct);
        IReadOnlyList<SegmentedBlock> segmented = blocks
            .Select(b => new SegmentedBlock(b.Ordinal, b.Anchor, b.Kind, b.Section, b.Source, b.Html, Segments.Of(b.Kind, b.Anchor, b.Source)))
            .ToList();
        if (segmented.Count > 0 && segmented.All(b => b.Source.Length > 0))
        {
            cache.Versions[versionId] = segmented;
        }

        return segmented;
    }

    /// <summary>Segment id → the approved text, for one version and language.</summary>
    public async Task<Dictionary<string, string>> ApprovedAsync(int versionId, string language, CancellationToken ct) =>
        await db.Translations.AsNoTracking()
            .Where(t => t.VersionId == versionId && t.Language == language && t.ApprovedText != null && t.State != TranslationState.Outdated)
            .ToDictionaryAsync(t => t.SegmentId, t => t.ApprovedText!, StringComparer.Ordinal, ct);

    /// <summary>Every block in reading order, with approved translations in place of the source.</summary>
    public async Task<IReadOnlyList<LocalizedBlock>> LocalizedAsync(int versionId, string language, CancellationToken ct) =>
        Localize(await BlocksAsync(versionId, ct), await ApprovedAsync(versionId, language, ct));

    /// <summary>The reading view of a version in a language: its localized blocks and translated headings, from one read of the approved texts.</summary>
    public async Task<LocalizedReading> ReadingAsync(int versionId, string language, CancellationToken ct)
    {
        var approved = await ApprovedAsync(versionId, language, ct);
        var blocks = await BlocksAsync(versionId, ct);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var heading in blocks.Where(b => b.Kind == BlockKind.Heading))
        {
            if (approved.TryGetValue(heading.Anchor, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    // Parsed as the heading it is: "1. Introduction" alone would be a list item.
                    var markdown = Segments.Localize(BlockKind.Heading, heading.Anchor, heading.Source, approved);
                    titles[heading.Anchor] = PlainText.Of(SafeMarkdown.Parse(markdown, DraftParser.MaxBlockLength));
                }
                catch (MarkdownRejectedException)
                {
                    // shown with its source title, as the block itself is
                }
            }
        }

        return new LocalizedReading(Localize(blocks, approved).ToDictionary(b => b.Anchor, StringComparer.Ordinal), titles);
    }

    /// <summary>For each language, how many of the version's segments have an approved translation.</summary>
    public async Task<IReadOnlyDictionary<string, ApprovedShare>> ProgressAsync(int versionId, IReadOnlyList<string> languages, CancellationToken ct)
    {
        var segments = (await BlocksAsync(versionId, ct)).SelectMany(b => b.Segments).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var approved = (await db.Translations.AsNoTracking()
                .Where(t => t.VersionId == versionId && languages.Contains(t.Language) && t.ApprovedText != null && t.State != TranslationState.Outdated)
                .Select(t => new { t.Language, t.SegmentId }).ToListAsync(ct))
            .Where(t => segments.Contains(t.SegmentId))
            .GroupBy(t => t.Language, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return languages.ToDictionary(l => l, l => new ApprovedShare(approved.GetValueOrDefault(l), segments.Count), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The localized version block by block as Markdown, each marked translated or not (a block with nothing to translate counts as translated).</summary>
    public async Task<IReadOnlyList<LocalizedSource>> LocalizedSourcesAsync(int versionId, string language, CancellationToken ct)
    {
        var approved = await ApprovedAsync(versionId, language, ct);
        return (await BlocksAsync(versionId, ct)).Select(b => b.Segments.Count == 0
                ? new LocalizedSource(b.Anchor, b.Kind, b.Source, true)
                : new LocalizedSource(b.Anchor, b.Kind, Segments.Localize(b.Kind, b.Anchor, b.Source, approved), b.Segments.All(s => approved.ContainsKey(s.Id))))
            .ToList();
    }

    private static List<LocalizedBlock> Localize(IReadOnlyList<SegmentedBlock> blocks, Dictionary<string, string> approved)
    {
        var result = new List<LocalizedBlock>();
        foreach (var block in blocks)
        {
            var done = block.Segments.Count(s => approved.ContainsKey(s.Id));
            if (done == 0)
            {
                result.Add(new LocalizedBlock(block.Anchor, block.Kind, block.Html, block.Segments.Count == 0, block.Segments.Count, 0));
                continue;
            }

            string html;
            try
            {
                html = DraftParser.RenderBlock(Segments.Localize(block.Kind, block.Anchor, block.Source, approved), block.Anchor, block.HeadingLevel);
            }
            catch (MarkdownRejectedException)
            {
                html = block.Html; // a translation that cannot be rendered is shown as its source, never half
                done = 0;
            }

            result.Add(new LocalizedBlock(block.Anchor, block.Kind, html, done == block.Segments.Count, block.Segments.Count, done));
        }

        return result;
    }

    /// <summary>The localized version as one Markdown document (approved translations, the source elsewhere).</summary>
    public async Task<string> LocalizedMarkdownAsync(int versionId, string language, CancellationToken ct)
    {
        var approved = await ApprovedAsync(versionId, language, ct);
        var blocks = await BlocksAsync(versionId, ct);
        return string.Join("\n\n", blocks.Select(b => b.Segments.Count == 0 ? b.Source : Segments.Localize(b.Kind, b.Anchor, b.Source, approved))) + "\n";
    }
}
