using GuidelinesReview.Web.Comments;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Hubs;

/// <summary>Pushes changes to everyone viewing a version, after they are committed.</summary>
public sealed class ReviewBroadcaster(IHubContext<ReviewHub, IReviewClient> hub, CommentViews views, PresenceNotifier presence)
{
    public async Task CommentChangedAsync(int commentId, CancellationToken ct)
    {
        var (full, redacted) = await views.BothAsync(commentId, ct);
        await hub.Clients.Group(HubGroups.VersionModerators(full.VersionId)).CommentChanged(full);
        await hub.Clients.Group(HubGroups.VersionReaders(full.VersionId)).CommentChanged(redacted);
    }

    public void PresenceChanged(int versionId) => presence.Changed(versionId);
}
