using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>Loads comments as <see cref="CommentView"/>s, a fixed number of queries for any number of comments.</summary>
public sealed class CommentViews(AppDbContext db)
{
    public async Task<IReadOnlyList<CommentView>> ForVersionAsync(int versionId, long since, bool moderator, CancellationToken ct)
    {
        var query = db.Comments.Where(c => c.VersionId == versionId);
        if (since > 0)
        {
            var changed = db.CommentEvents.Where(e => e.VersionId == versionId && e.Id > since).Select(e => e.CommentId);
            query = query.Where(c => changed.Contains(c.Id));
        }

        return await LoadAsync(query, moderator, ct);
    }

    /// <summary>
    /// A person's own comments and replies on a guideline as they themselves see them: a hidden one keeps
    /// its text (it is theirs) but not the moderator's reason.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> OwnAsync(int guidelineId, string authorId, CancellationToken ct) =>
        (await LoadAsync(db.Comments.Where(c => c.AuthorId == authorId && db.DraftVersions.Any(v => v.Id == c.VersionId && v.GuidelineId == guidelineId)), moderator: true, ct))
            .Select(c => c.Hidden is null ? c : c with { Hidden = c.Hidden with { Reason = null } }).ToList();

    /// <summary>Comments by id, as someone who is not secretariat sees them.</summary>
    public Task<IReadOnlyList<CommentView>> ManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        LoadAsync(db.Comments.Where(c => ids.Contains(c.Id)), moderator: false, ct);

    public async Task<CommentView> OneAsync(int commentId, bool moderator, CancellationToken ct) =>
        (await LoadAsync(db.Comments.Where(c => c.Id == commentId), moderator, ct)).Single();

    /// <summary>The full view and the one for people who are not secretariat (differs only when hidden).</summary>
    public async Task<(CommentView Full, CommentView Public)> BothAsync(int commentId, CancellationToken ct)
    {
        var full = await OneAsync(commentId, moderator: true, ct);
        return (full, full.Hidden is null ? full : Redact(full));
    }

    /// <summary>Comments made on earlier versions and placed in this one, orphans included.</summary>
    public async Task<IReadOnlyList<CarriedView>> CarriedIntoAsync(int versionId, bool moderator, CancellationToken ct)
    {
        var placements = await db.CommentPlacements.AsNoTracking().Where(p => p.VersionId == versionId)
            .Select(p => new { p.CommentId, Anchor = p.Block == null ? null : p.Block.Anchor, p.Status, p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd, p.PassageFound })
            .ToListAsync(ct);
        if (placements.Count == 0)
        {
            return [];
        }

        var ids = placements.Select(p => p.CommentId).ToList();
        var comments = (await LoadAsync(db.Comments.Where(c => ids.Contains(c.Id)), moderator, ct)).ToDictionary(c => c.Id);
        return placements.Where(p => comments.ContainsKey(p.CommentId)).Select(p => new CarriedView(
            comments[p.CommentId], p.Anchor, p.Status,
            QuoteSelector.FromColumns(p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd),
            p.PassageFound)).ToList();
    }

    public async Task<long> LatestSeqAsync(int versionId, CancellationToken ct) =>
        await db.CommentEvents.Where(e => e.VersionId == versionId).MaxAsync(e => (long?)e.Id, ct) ?? 0;

    private async Task<IReadOnlyList<CommentView>> LoadAsync(IQueryable<Comment> query, bool moderator, CancellationToken ct)
    {
        var comments = await query.AsNoTracking()
            .Include(c => c.Author)
            .Include(c => c.Block)
            .Include(c => c.Disposition).ThenInclude(d => d!.AddressedVersion)
            .Include(c => c.Tags).ThenInclude(t => t.Term)
            .Include(c => c.Supports).ThenInclude(s => s.User)
            .OrderBy(c => c.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        if (comments.Count == 0)
        {
            return [];
        }

        var ids = comments.Select(c => c.Id).ToList();
        var seqs = await db.CommentEvents.Where(e => ids.Contains(e.CommentId))
            .GroupBy(e => e.CommentId).Select(g => new { g.Key, Seq = g.Max(e => e.Id) })
            .ToDictionaryAsync(x => x.Key, x => x.Seq, ct);
        var replies = await db.Comments.Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value))
            .GroupBy(c => c.ParentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var revisions = await db.CommentRevisions.Where(r => ids.Contains(r.CommentId))
            .GroupBy(r => r.CommentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var roomIds = comments.Where(c => c.RoomId != null).Select(c => c.RoomId!.Value).Distinct().ToList();
        var rooms = roomIds.Count == 0 ? new Dictionary<int, RoomRef>() : (await (
                from r in db.BreakoutRooms
                where roomIds.Contains(r.Id)
                join a in db.Set<AgendaItem>() on r.AgendaItemId equals a.Id
                join d in db.Set<MeetingDay>() on a.DayId equals d.Id
                join m in db.Meetings on d.MeetingId equals m.Id
                select new { r.Id, r.Title, m.Slug, MeetingTitle = m.Title }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => new RoomRef(r.Id, r.Title, r.Slug, r.MeetingTitle));
        var versionIds = comments.Select(c => c.VersionId).Distinct().ToList();
        var numbers = await db.DraftVersions.Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var placements = (await db.CommentPlacements.Where(p => ids.Contains(p.CommentId))
            .Join(db.DraftVersions, p => p.VersionId, v => v.Id, (p, v) => new { p.CommentId, v.Number, Anchor = p.Block == null ? null : p.Block.Anchor, p.Status, p.PassageFound })
            .ToListAsync(ct))
            .OrderBy(p => p.Number)
            .ToLookup(p => p.CommentId, p => new PlacementView(p.Number, p.Anchor, p.Status, p.PassageFound));

        return comments.Select(c =>
        {
            var view = ToView(c, numbers[c.VersionId], seqs.GetValueOrDefault(c.Id), replies.GetValueOrDefault(c.Id), revisions.GetValueOrDefault(c.Id), placements[c.Id].ToList())
                with { Room = c.RoomId is { } r ? rooms.GetValueOrDefault(r) : null, Language = c.Language };
            return moderator || view.Hidden is null ? view : Redact(view);
        }).ToList();
    }

    private static CommentView ToView(Comment c, int versionNumber, long seq, int replyCount, int revisionCount, IReadOnlyList<PlacementView> placements) => new(
        c.Id,
        seq,
        c.VersionId,
        versionNumber,
        c.Block.Anchor,
        c.ParentId,
        c.ClientId,
        new AuthorView(c.Author.Id, c.Author.DisplayName, c.Author.Organisation, ProfileNames.Of(c.Author.StakeholderGroup), c.Author.Region is { } r ? ProfileNames.Of(r) : null),
        c.Type,
        c.Body,
        c.BodyHtml,
        c.ProposedText,
        QuoteSelector.FromColumns(c.QuoteExact, c.QuotePrefix, c.QuoteSuffix, c.QuoteStart, c.QuoteEnd),
        c.Status,
        c.CreatedAt,
        c.EditedAt,
        revisionCount,
        c.HiddenAt is { } hiddenAt ? new HiddenView(hiddenAt, c.HiddenReason) : null,
        c.Supports.OrderBy(s => s.CreatedAt).Select(s => new SupporterView(s.UserId, s.User.DisplayName)).ToList(),
        c.Disposition is { } d
            ? new DispositionView(d.Decision, CommentNames.Of(d.Decision), d.Observation, d.AddressedVersion?.Number, d.AddressedAnchor, d.DecidedAt)
            : null,
        replyCount,
        c.Tags.Where(t => t.Term.Kind == TaxonomyKind.ThematicArea).OrderBy(t => t.Term.Ordinal).Select(t => t.Term.Key).ToList(),
        c.Tags.Where(t => t.Term.Kind == TaxonomyKind.Principle).OrderBy(t => t.Term.Ordinal).Select(t => t.Term.Key).ToList(),
        placements);

    public static CommentView Redact(CommentView view) => view with
    {
        Body = null,
        BodyHtml = null,
        ProposedText = null,
        Hidden = view.Hidden! with { Reason = null },
    };
}
