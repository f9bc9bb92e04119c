using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

public sealed record CarryForwardReport(int FromVersionNumber, int Unchanged, int Modified, int Orphaned);

/// <summary>
/// When a version is published, places every comment present on the previous version (its own
/// comments, and those carried into it) in the new one: unchanged, modified or orphaned.
/// Withdrawn and hidden comments are not carried.
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

        var diff = await diffs.CompareAsync(previous.Id, newVersion.Id, ct);
        var placements = CarryForward.Place(diff, await diffs.BlocksAsync(newVersion.Id, ct), anchors);
        var blockIds = await db.Blocks.Where(b => b.VersionId == newVersion.Id).Select(b => new { b.Anchor, b.Id }).ToDictionaryAsync(b => b.Anchor, b => b.Id, ct);
        db.CommentPlacements.AddRange(placements.Select(p => new CommentPlacement
        {
            CommentId = p.CommentId,
            VersionId = newVersion.Id,
            FromVersionId = previous.Id,
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
        await db.SaveChangesAsync(ct);

        var report = new CarryForwardReport(previous.Number,
            placements.Count(p => p.Status == PlacementStatus.Unchanged),
            placements.Count(p => p.Status == PlacementStatus.Modified),
            placements.Count(p => p.Status == PlacementStatus.Orphaned));
        LogCarried(newVersion.Number, report.FromVersionNumber, report.Unchanged, report.Modified, report.Orphaned);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried comments from v{From} to v{To}: {Unchanged} unchanged, {Modified} modified, {Orphaned} orphaned")]
    private partial void LogCarried(int to, int from, int unchanged, int modified, int orphaned);
}
