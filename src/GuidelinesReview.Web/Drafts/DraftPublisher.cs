using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Text;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

public enum PublishOutcome
{
    Published,
    Unchanged,

    /// <summary>Same text, new label, status, date or summary (e.g. consultation → final).</summary>
    Updated,
    Refused,
}

public sealed record PublishResult(PublishOutcome Outcome, string Message, DraftVersion? Version = null, CarryForwardReport? Carried = null);

/// <summary>
/// Turns a draft file into a <see cref="DraftVersion"/> with its sections and blocks. The text
/// of a published version never changes (people comment on it): a different body under an
/// existing number is refused. Its label, date, status and summary may be updated.
/// </summary>
public sealed class DraftPublisher(AppDbContext db, CarryForwardService carryForward, TranslationCarryService translations, CommentSnapshots snapshots, TimeProvider clock)
{
    /// <summary>Hash of the body with line endings and trailing blank lines normalised, so an editor's final newline is no change.</summary>
    public static string HashBody(string body) =>
        Hashing.Sha256Hex(body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());

    /// <param name="editorialAnchors">Blocks of the new version whose change the secretariat marked editorial: their translations keep their approval.</param>
    public async Task<PublishResult> PublishAsync(Guideline guideline, string sourceText, string sourceName, CancellationToken ct, IReadOnlySet<string>? editorialAnchors = null)
    {
        var file = DraftFile.Parse(sourceText, sourceName);
        var meta = file.FrontMatter;
        var number = meta.Number;
        var hash = HashBody(file.Body);
        var existing = await db.DraftVersions.FirstOrDefaultAsync(v => v.GuidelineId == guideline.Id && v.Number == number, ct);
        if (existing is not null)
        {
            if (HashBody(existing.Markdown) != hash)
            {
                return new PublishResult(PublishOutcome.Refused,
                    $"v{number} of '{guideline.Slug}' is already published (from {existing.SourceName}) and the text in {sourceName} differs from it. " +
                    "Published versions are immutable because people comment on them: publish the change as a new version number.");
            }

            if (existing.Language != meta.Language)
            {
                return new PublishResult(PublishOutcome.Refused,
                    $"v{number} of '{guideline.Slug}' is published in '{existing.Language}'; {sourceName} says '{meta.Language}'. The language of a version cannot change.");
            }

            await FillSourcesAsync(guideline, existing, file, ct);
            var date = meta.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (existing.Label == meta.Label && existing.Status == meta.Status && existing.Date == date && existing.Summary == meta.Summary)
            {
                return new PublishResult(PublishOutcome.Unchanged, $"v{number} of '{guideline.Slug}' is already published.", existing);
            }

            var change = existing.Status != meta.Status ? $"status {existing.Status} → {meta.Status}" : "label, date or summary";
            (existing.Label, existing.Status, existing.Date, existing.Summary) = (meta.Label, meta.Status, date, meta.Summary);
            await db.SaveChangesAsync(ct);
            return new PublishResult(PublishOutcome.Updated, $"v{number} of '{guideline.Slug}': {change} (text unchanged).", existing);
        }

        var terms = await db.GuidelineTerms.Where(t => t.GuidelineId == guideline.Id).ToListAsync(ct);
        var document = Parse(file, terms);

        var version = new DraftVersion
        {
            GuidelineId = guideline.Id,
            Number = number,
            Label = file.FrontMatter.Label,
            Date = file.FrontMatter.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Status = file.FrontMatter.Status,
            Language = file.FrontMatter.Language,
            Summary = file.FrontMatter.Summary,
            Markdown = file.Body,
            SourceName = sourceName,
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            WordCount = document.Blocks.Sum(b => CountWords(b.Text)),
        };

        var termIds = terms.ToDictionary(t => (t.Kind, t.Key), t => t.Id);
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var (draftSection, ordinal) in document.Sections.Select((s, i) => (s, i)))
        {
            var section = new Section
            {
                Anchor = draftSection.Anchor,
                ParentAnchor = draftSection.ParentAnchor,
                Level = draftSection.Level,
                Ordinal = ordinal,
                Title = draftSection.Title,
            };
            section.Tags.AddRange(draftSection.Areas.Select(k => new SectionTag
            {
                TermId = termIds[(TaxonomyKind.ThematicArea, k)],
                Own = draftSection.OwnAreas.Contains(k),
            }));
            section.Tags.AddRange(draftSection.Principles.Select(k => new SectionTag
            {
                TermId = termIds[(TaxonomyKind.Principle, k)],
                Own = draftSection.OwnPrinciples.Contains(k),
            }));
            sections.Add(section.Anchor, section);
            version.Sections.Add(section);
        }

        foreach (var draftBlock in document.Blocks)
        {
            version.Blocks.Add(new Block
            {
                Ordinal = draftBlock.Ordinal,
                Anchor = draftBlock.Anchor,
                Kind = draftBlock.Kind,
                Section = sections[draftBlock.SectionAnchor],
                Text = draftBlock.Text,
                Html = draftBlock.Html,
                ContentHash = draftBlock.ContentHash,
                Source = draftBlock.Source,
            });
        }

        // One transaction: the version and where every earlier comment now stands. SQLite's WAL
        // lets readers go on reading the previous versions meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(ct);
        var carried = await carryForward.RunAsync(version, ct);
        var translated = await translations.RunAsync(version, editorialAnchors, ct);
        await transaction.CommitAsync(ct);
        snapshots.Clear(); // earlier comments now carry a placement in this version
        var summary = carried is null ? "" : $" Comments from v{carried.FromVersionNumber}: {carried.Unchanged} unchanged, {carried.Modified} on changed text, {carried.Orphaned} whose text is gone.";
        if (translated is { } t && t.Kept + t.Outdated + t.Editorial + t.Candidates + t.SourceGone > 0)
        {
            summary += $" Translations: {t.Kept} kept, {t.Outdated} outdated, {t.Editorial} kept as editorial, {t.Candidates} offered as candidates, {t.SourceGone} whose source is gone.";
        }

        return new PublishResult(PublishOutcome.Published, $"Published v{number} '{version.Label}' of '{guideline.Slug}' ({version.Blocks.Count} blocks).{summary}", version, carried);
    }

    internal static DraftDocument Parse(DraftFile file, List<GuidelineTerm> terms) => DraftParser.Parse(file.Body, new Taxonomy(
        terms.Where(t => t.Kind == TaxonomyKind.ThematicArea).Select(t => new TaxonomyTerm(t.Kind, t.Key, t.Name)).ToList(),
        terms.Where(t => t.Kind == TaxonomyKind.Principle).Select(t => new TaxonomyTerm(t.Kind, t.Key, t.Name)).ToList()), file.BodyFirstLine);

    /// <summary>Versions published before blocks kept their Markdown get it from their (unchanged) text once.</summary>
    private async Task FillSourcesAsync(Guideline guideline, DraftVersion version, DraftFile file, CancellationToken ct)
    {
        var blocks = await db.Blocks.Where(b => b.VersionId == version.Id && b.Source == "").ToListAsync(ct);
        if (blocks.Count == 0)
        {
            return;
        }

        var sources = Parse(file, await db.GuidelineTerms.Where(t => t.GuidelineId == guideline.Id).ToListAsync(ct))
            .Blocks.ToDictionary(b => b.Anchor, b => b.Source, StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            block.Source = sources.GetValueOrDefault(block.Anchor, "");
        }

        await db.SaveChangesAsync(ct);
    }

    private static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
