using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// Sends "who is viewing" at most once per <see cref="Delay"/> per version: when a meeting
/// starts and hundreds join within seconds, one list goes out instead of one per arrival
/// (which would be N² messages).
/// </summary>
public sealed partial class PresenceNotifier(IHubContext<ReviewHub, IReviewClient> hub, VersionPresence presence, ILogger<PresenceNotifier> logger)
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<int, byte> scheduled = new();

    public void Changed(int versionId)
    {
        if (!scheduled.TryAdd(versionId, 0))
        {
            return; // a send is already on its way and will carry this change
        }

        _ = SendSoonAsync(versionId);
    }

    private async Task SendSoonAsync(int versionId)
    {
        try
        {
            await Task.Delay(Delay);
            scheduled.TryRemove(versionId, out _);
            var viewers = presence.People(versionId);
            await hub.Clients.Groups(ReviewGroups.VersionModerators(versionId), ReviewGroups.VersionReaders(versionId)).PresenceChanged(versionId, viewers);
        }
        catch (Exception e)
        {
            scheduled.TryRemove(versionId, out _);
            LogFailed(e, versionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the viewer list of version {VersionId}")]
    private partial void LogFailed(Exception e, int versionId);
}
