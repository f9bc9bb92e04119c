using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Hubs;

/// <summary>Pushes changes to everyone viewing a version, after they are committed.</summary>
public sealed class ReviewBroadcaster(IHubContext<ReviewHub, IReviewClient> hub, CommentViews views, AppDbContext db, PresenceNotifier presence)
{
    public async Task CommentChangedAsync(int commentId, CancellationToken ct)
    {
        var (full, redacted) = await views.BothAsync(commentId, ct);
        await hub.Clients.Group(HubGroups.VersionModerators(full.VersionId)).CommentChanged(full);
        await hub.Clients.Group(HubGroups.VersionReaders(full.VersionId)).CommentChanged(redacted);

        // Later versions that show this comment as carried forward.
        var placements = await db.CommentPlacements.AsNoTracking().Where(p => p.CommentId == commentId)
            .Select(p => new { p.VersionId, Anchor = p.Block == null ? null : p.Block.Anchor, p.Status, p.QuoteExact, p.QuotePrefix, p.QuoteSuffix, p.QuoteStart, p.QuoteEnd, p.PassageFound })
            .ToListAsync(ct);
        foreach (var p in placements)
        {
            var quote = p.QuoteExact is null ? null : new Core.Comments.QuoteSelector(p.QuoteExact, p.QuotePrefix ?? "", p.QuoteSuffix ?? "", p.QuoteStart ?? 0, p.QuoteEnd ?? 0);
            await hub.Clients.Group(HubGroups.VersionModerators(p.VersionId)).CarriedCommentChanged(new CarriedView(full, p.Anchor, p.Status, quote, p.PassageFound));
            await hub.Clients.Group(HubGroups.VersionReaders(p.VersionId)).CarriedCommentChanged(new CarriedView(redacted, p.Anchor, p.Status, quote, p.PassageFound));
        }
    }

    public void PresenceChanged(int versionId) => presence.Changed(versionId);
}
