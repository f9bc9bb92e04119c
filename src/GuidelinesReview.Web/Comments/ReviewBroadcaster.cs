using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>Pushes changes to everyone viewing a version, after they are committed.</summary>
public sealed partial class ReviewBroadcaster(IHubContext<ReviewHub, IReviewClient> hub, CommentViews views, AppDbContext db, ILogger<ReviewBroadcaster> logger)
{
    /// <summary>
    /// Pushes a committed change and returns the comment as the secretariat and as others see it.
    /// Runs to the end even if the caller's connection dropped meanwhile (the change is saved;
    /// everyone else must hear of it), and a failed push is logged, never reported as a failed save.
    /// </summary>
    public async Task<(CommentView Full, CommentView Public)> CommentChangedAsync(int commentId)
    {
        var (full, redacted) = await views.BothAsync(commentId, CancellationToken.None);
        try
        {
            await PushAsync(commentId, full, redacted);
        }
        catch (Exception e)
        {
            LogPushFailed(e, commentId);
        }

        return (full, redacted);
    }

    private async Task PushAsync(int commentId, CommentView full, CommentView redacted)
    {
        var ct = CancellationToken.None;
        await hub.Clients.Group(ReviewGroups.VersionModerators(full.VersionId)).CommentChanged(full);
        await hub.Clients.Group(ReviewGroups.VersionReaders(full.VersionId)).CommentChanged(redacted);

        // Later versions that show this comment as carried forward.
        var placements = await db.CommentPlacements.AsNoTracking().Where(p => p.CommentId == commentId)
            .Select(p => new { p.VersionId, Anchor = p.Block == null ? null : p.Block.Anchor, p.Status, p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd, p.PassageFound })
            .ToListAsync(ct);
        foreach (var p in placements)
        {
            var quote = Core.Comments.QuoteSelector.FromColumns(p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd);
            await hub.Clients.Group(ReviewGroups.VersionModerators(p.VersionId)).CarriedCommentChanged(new CarriedView(full, p.Anchor, p.Status, quote, p.PassageFound));
            await hub.Clients.Group(ReviewGroups.VersionReaders(p.VersionId)).CarriedCommentChanged(new CarriedView(redacted, p.Anchor, p.Status, quote, p.PassageFound));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Comment {CommentId} was saved but could not be pushed to its viewers")]
    private partial void LogPushFailed(Exception e, int commentId);
}
