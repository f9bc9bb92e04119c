using System.Security.Cryptography;
using System.Text;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Services;

public enum PublishOutcome
{
    Published,
    Unchanged,
    Refused,
}

public sealed record PublishResult(PublishOutcome Outcome, string Message, DraftVersion? Version = null);

/// <summary>
/// Turns a draft file into an immutable <see cref="DraftVersion"/> with its sections and blocks.
/// The same file published twice is a no-op; a different file under an existing number is refused.
/// </summary>
public sealed class DraftPublisher(AppDbContext db, TimeProvider clock)
{
    public static string HashSource(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));

    public async Task<PublishResult> PublishAsync(Guideline guideline, string sourceText, string sourceName, CancellationToken ct)
    {
        var file = DraftFile.Parse(sourceText, sourceName);
        var number = file.FrontMatter.Number;
        var hash = HashSource(sourceText);
        var existing = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guideline.Id && v.Number == number)
            .Select(v => new { v.SourceHash, v.SourceName })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing.SourceHash == hash
                ? new PublishResult(PublishOutcome.Unchanged, $"v{number} of '{guideline.Slug}' is already published.")
                : new PublishResult(PublishOutcome.Refused,
                    $"v{number} of '{guideline.Slug}' is already published (from {existing.SourceName}) and {sourceName} differs from it. " +
                    "Published versions are immutable because people comment on them: publish the change as a new version number.");
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
            SourceHash = hash,
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

        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return new PublishResult(PublishOutcome.Published, $"Published v{number} '{version.Label}' of '{guideline.Slug}' ({version.Blocks.Count} blocks).", version);
    }

    private static int CountWords(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
