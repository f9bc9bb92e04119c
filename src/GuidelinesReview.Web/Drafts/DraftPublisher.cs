using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Text;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
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
public sealed class DraftPublisher(AppDbContext db, CarryForwardService carryForward, CommentSnapshots snapshots, TimeProvider clock)
{
    /// <summary>Hash of the body with line endings and trailing blank lines normalised, so an editor's final newline is no change.</summary>
    public static string HashBody(string body) =>
        Hashing.Sha256Hex(body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());

    public async Task<PublishResult> PublishAsync(Guideline guideline, string sourceText, string sourceName, CancellationToken ct)
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

            var date = meta.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (existing.Label == meta.Label && existing.Status == meta.Status && existing.Date == date && existing.Summary == meta.Summary)
            {
                return new PublishResult(PublishOutcome.Unchanged, $"v{number} of '{guideline.Slug}' is already published.");
            }

            var change = existing.Status != meta.Status ? $"status {existing.Status} → {meta.Status}" : "label, date or summary";
            (existing.Label, existing.Status, existing.Date, existing.Summary) = (meta.Label, meta.Status, date, meta.Summary);
            await db.SaveChangesAsync(ct);
            return new PublishResult(PublishOutcome.Updated, $"v{number} of '{guideline.Slug}': {change} (text unchanged).", existing);
        }

        var terms = await db.GuidelineTerms.Where(t => t.GuidelineId == guideline.Id).ToListAsync(ct);
        var taxonomy = new Taxonomy(
            terms.Where(t => t.Kind == TaxonomyKind.ThematicArea).Select(t => new TaxonomyTerm(t.Kind, t.Key, t.Name)).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Principle).Select(t => new TaxonomyTerm(t.Kind, t.Key, t.Name)).ToList());
        var document = DraftParser.Parse(file.Body, taxonomy, file.BodyFirstLine);

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
            });
        }

        // One transaction: the version and where every earlier comment now stands. SQLite's WAL
        // lets readers go on reading the previous versions meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(ct);
        var carried = await carryForward.RunAsync(version, ct);
        await transaction.CommitAsync(ct);
        snapshots.Clear(); // earlier comments now carry a placement in this version
        var summary = carried is null ? "" : $" Comments from v{carried.FromVersionNumber}: {carried.Unchanged} unchanged, {carried.Modified} on changed text, {carried.Orphaned} whose text is gone.";
        return new PublishResult(PublishOutcome.Published, $"Published v{number} '{version.Label}' of '{guideline.Slug}' ({version.Blocks.Count} blocks).{summary}", version, carried);
    }

    private static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
