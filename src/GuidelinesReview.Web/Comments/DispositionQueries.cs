using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>A comment as a disposition-table line: what filters see, and what the table shows.</summary>
public sealed record DispositionLine(DispositionRow Row, CommentView Comment, string SectionTitle);

public sealed class DispositionQueries(AppDbContext db, CommentViews views)
{
    /// <summary>Every comment (not reply) of a version, in document order, for the secretariat.</summary>
    public async Task<IReadOnlyList<DispositionLine>> LinesAsync(int versionId, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.VersionId == versionId)
            .Select(s => new { s.Id, s.Anchor, s.ParentAnchor, s.Title }).ToListAsync(ct);
        var parents = sections.ToDictionary(s => s.Anchor, s => s.ParentAnchor);
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.VersionId == versionId)
            .Select(b => new { b.Anchor, b.Ordinal, b.SectionId }).ToDictionaryAsync(b => b.Anchor, ct);
        var sectionsById = sections.ToDictionary(s => s.Id);
        var versionLanguage = await db.DraftVersions.Where(v => v.Id == versionId).Select(v => v.Language).SingleAsync(ct);

        List<string> Ancestry(string anchor)
        {
            var chain = new List<string>();
            for (string? a = anchor; a is not null; a = parents.GetValueOrDefault(a))
            {
                chain.Add(a);
            }

            return chain;
        }

        var comments = await views.ForVersionAsync(versionId, since: 0, moderator: true, ct);
        return comments.Where(c => c.ParentId is null)
            .OrderBy(c => blocks[c.Anchor].Ordinal).ThenBy(c => c.Id)
            .Select(c =>
            {
                var section = sectionsById[blocks[c.Anchor].SectionId];
                return new DispositionLine(
                    new DispositionRow(c.Id, c.Anchor, Ancestry(section.Anchor), c.Type, c.Status, c.Hidden is not null, c.Disposition?.Decision,
                        c.Areas.ToHashSet(), c.Principles.ToHashSet(), c.Author.StakeholderGroup, c.Author.Region, c.Language ?? versionLanguage),
                    c,
                    section.Title);
            })
            .ToList();
    }
}
