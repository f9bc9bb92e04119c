using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// A comment as a disposition-table line: what filters see, and what the table shows. <see cref="Place"/>
/// names its paragraph in words and <see cref="ParagraphHtml"/> is that paragraph as the draft shows it;
/// <see cref="DecisionSeq"/> is the seq of its latest decision event (0: never decided), which the
/// row's forms carry so a stale save is refused.
/// </summary>
public sealed record DispositionLine(DispositionRow Row, CommentView Comment, string SectionTitle, BlockPlace? Place = null, string ParagraphHtml = "", DecisionStamp? Latest = null)
{
    public long DecisionSeq => Latest?.Seq ?? 0;
}

public sealed class DispositionQueries(AppDbContext db, CommentViews views, BlockPlaces places)
{
    /// <summary>One line, for redrawing a row in place after a decision; null when the comment is not a thread on this version.</summary>
    public async Task<DispositionLine?> LineAsync(int versionId, int commentId, CancellationToken ct)
    {
        if (!await db.Comments.AnyAsync(c => c.Id == commentId && c.VersionId == versionId && c.ParentId == null, ct))
        {
            return null;
        }

        return (await BuildAsync(versionId, [await views.OneAsync(commentId, moderator: true, ct)], commentId, ct)).SingleOrDefault();
    }

    /// <summary>Every comment (not reply) of a version, in document order, for the secretariat.</summary>
    public async Task<IReadOnlyList<DispositionLine>> LinesAsync(int versionId, CancellationToken ct) =>
        await BuildAsync(versionId, await views.ForVersionAsync(versionId, since: 0, moderator: true, ct), null, ct);

    /// <param name="only">When set, the one comment being redrawn: its decision events are the only ones read.</param>
    private async Task<IReadOnlyList<DispositionLine>> BuildAsync(int versionId, IReadOnlyList<CommentView> comments, int? only, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.VersionId == versionId)
            .Select(s => new { s.Id, s.Anchor, s.ParentAnchor, s.Title }).ToListAsync(ct);
        var parents = sections.ToDictionary(s => s.Anchor, s => s.ParentAnchor);
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.VersionId == versionId)
            .Select(b => new { b.Anchor, b.Ordinal, b.SectionId, b.Html }).ToDictionaryAsync(b => b.Anchor, ct);
        var placeOf = await places.ForVersionAsync(versionId, ct);
        var decisionSeqs = await db.CommentEvents.AsNoTracking()
            .Where(e => e.VersionId == versionId && (only == null || e.CommentId == only) && (e.Kind == CommentEventKind.Disposed || e.Kind == CommentEventKind.DispositionReset))
            .GroupBy(e => e.CommentId).Select(g => g.Max(e => e.Id))
            .ToListAsync(ct);
        var stamps = await (from e in db.CommentEvents.AsNoTracking()
                            where decisionSeqs.Contains(e.Id)
                            join u in db.Users on e.ActorId equals u.Id into actors
                            from u in actors.DefaultIfEmpty()
                            select new { e.CommentId, Stamp = new DecisionStamp(e.Id, u == null ? "Someone" : u.DisplayName, e.Kind == CommentEventKind.Disposed ? e.Note : null, e.At) })
            .ToDictionaryAsync(x => x.CommentId, x => x.Stamp, ct);
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

        return comments.Where(c => c.ParentId is null)
            .OrderBy(c => blocks[c.Anchor].Ordinal).ThenBy(c => c.Id)
            .Select(c =>
            {
                var section = sectionsById[blocks[c.Anchor].SectionId];
                return new DispositionLine(
                    new DispositionRow(c.Id, c.Anchor, Ancestry(section.Anchor), c.Type, c.Status, c.Hidden is not null, c.Disposition?.Decision,
                        c.Areas.ToHashSet(), c.Principles.ToHashSet(), c.Author.StakeholderGroup, c.Author.Region, c.Language ?? versionLanguage),
                    c,
                    section.Title,
                    placeOf.GetValueOrDefault(c.Anchor),
                    blocks[c.Anchor].Html,
                    stamps.GetValueOrDefault(c.Id));
            })
            .ToList();
    }
}
