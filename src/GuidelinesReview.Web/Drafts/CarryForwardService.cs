using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

public sealed record CarryForwardReport(int FromVersionNumber, int Unchanged, int Modified, int Orphaned);

/// <summary>
/// Places comments of an older version in the newer ones: unchanged, modified or orphaned. When a
/// version is published (<see cref="RunAsync"/>), every comment present on the previous version
/// (its own comments, and those carried into it) is placed in the new one. A comment made later on
/// an older version that is kept open (<see cref="CarryLateAsync"/>) goes the same way at once,
/// version by version, as if it had been there when each newer version was published. Withdrawn and
/// hidden comments are not carried; nor is a comment on past the version where it was orphaned.
/// </summary>
public sealed partial class CarryForwardService(AppDbContext db, DiffService diffs, ILogger<CarryForwardService> logger)
{
    public async Task<CarryForwardReport?> RunAsync(DraftVersion newVersion, CancellationToken ct)
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

        var own = await db.Comments.AsNoTracking()
            .Where(c => c.VersionId == previous.Id && c.ParentId == null && c.Status == CommentStatus.Active && c.HiddenAt == null)
            .Select(c => new { c.Id, c.Block.Anchor, c.QuoteExact, c.QuotePrefix, c.QuoteSuffix, c.QuoteStart, c.QuoteEnd })
            .ToListAsync(ct);
        var carried = await db.CommentPlacements.AsNoTracking()
            .Where(p => p.VersionId == previous.Id && p.Status != PlacementStatus.Orphaned)
            .Join(db.Comments.Where(c => c.Status == CommentStatus.Active && c.HiddenAt == null), p => p.CommentId, c => c.Id, (p, c) => p)
            .Select(p => new { Id = p.CommentId, p.Block!.Anchor, p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd })
            .ToListAsync(ct);
        var anchors = own.Concat(carried)
            .Select(c => new CommentAnchor(c.Id, c.Anchor, QuoteSelector.FromColumns(c.QuoteExact, c.QuotePrefix, c.QuoteSuffix, c.QuoteStart, c.QuoteEnd)))
            .ToList();

        var placements = await PlaceAsync(previous.Id, newVersion.Id, anchors, ct);
        await db.SaveChangesAsync(ct);

        var report = new CarryForwardReport(previous.Number,
            placements.Count(p => p.Status == PlacementStatus.Unchanged),
            placements.Count(p => p.Status == PlacementStatus.Modified),
            placements.Count(p => p.Status == PlacementStatus.Orphaned));
        LogCarried(newVersion.Number, report.FromVersionNumber, report.Unchanged, report.Modified, report.Orphaned);
        return report;
    }

    /// <summary>
    /// Carries a comment just made on an older version into every newer version of its guideline
    /// (v1 → v2 → v3: each step from where the previous one placed it), and returns its placements,
    /// oldest first. Replies travel with their thread, so only comments that start one are carried.
    /// The caller saves the changes (in the comment's own transaction).
    /// </summary>
    public async Task<IReadOnlyList<Placement>> CarryLateAsync(Comment comment, CancellationToken ct)
    {
        if (comment.ParentId is not null || comment.Status != CommentStatus.Active || comment.HiddenAt is not null)
        {
            return [];
        }

        var guidelineId = await db.DraftVersions.Where(v => v.Id == comment.VersionId).Select(v => v.GuidelineId).SingleAsync(ct);
        var versions = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guidelineId)
            .OrderBy(v => v.Number).Select(v => new { v.Id, v.Number }).ToListAsync(ct);
        var from = versions.FindIndex(v => v.Id == comment.VersionId);
        var anchor = new CommentAnchor(
            comment.Id,
            await db.Blocks.Where(b => b.Id == comment.BlockId).Select(b => b.Anchor).SingleAsync(ct),
            QuoteSelector.FromColumns(comment.QuoteExact, comment.QuotePrefix, comment.QuoteSuffix, comment.QuoteStart, comment.QuoteEnd));

        var result = new List<Placement>();
        for (var i = from + 1; i < versions.Count; i++)
        {
            var placement = (await PlaceAsync(versions[i - 1].Id, versions[i].Id, [anchor], ct)).Single();
            result.Add(placement);
            LogCarriedLate(comment.Id, versions[i - 1].Number, versions[i].Number, placement.Status);
            if (placement.Status == PlacementStatus.Orphaned)
            {
                break; // as at publish time: an orphan is listed on that version and goes no further
            }

            anchor = new CommentAnchor(comment.Id, placement.Anchor!, placement.Quote);
        }

        return result;
    }

    /// <summary>Places comments of one version in the next, adding the rows to the context (not saved).</summary>
    private async Task<IReadOnlyList<Placement>> PlaceAsync(int previousId, int newVersionId, IReadOnlyList<CommentAnchor> anchors, CancellationToken ct)
    {
        var diff = await diffs.CompareAsync(previousId, newVersionId, ct);
        var placements = CarryForward.Place(diff, await diffs.BlocksAsync(newVersionId, ct), anchors);
        var blockIds = await db.Blocks.Where(b => b.VersionId == newVersionId).Select(b => new { b.Anchor, b.Id }).ToDictionaryAsync(b => b.Anchor, b => b.Id, ct);
        db.CommentPlacements.AddRange(placements.Select(p => new CommentPlacement
        {
            CommentId = p.CommentId,
            VersionId = newVersionId,
            FromVersionId = previousId,
            BlockId = p.Anchor is null ? null : blockIds[p.Anchor],
            Status = p.Status,
            QuoteExact = p.Quote?.Exact,
            QuotePrefix = p.Quote?.Prefix,
            QuoteSuffix = p.Quote?.Suffix,
            QuoteStart = p.Quote?.Start,
            QuoteEnd = p.Quote?.End,
            PassageFound = p.PassageFound,
            Similarity = p.Similarity,
        }));
        return placements;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried comments from v{From} to v{To}: {Unchanged} unchanged, {Modified} modified, {Orphaned} orphaned")]
    private partial void LogCarried(int to, int from, int unchanged, int modified, int orphaned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId}, made after a newer version was published, carried from v{From} to v{To}: {Status}")]
    private partial void LogCarriedLate(int commentId, int from, int to, PlacementStatus status);
}
