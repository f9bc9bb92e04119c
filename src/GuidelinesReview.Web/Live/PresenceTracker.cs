using System.Collections.Concurrent;
using GuidelinesReview.Web.Comments;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Who is viewing which version, per connection (one person in two tabs counts once).
/// In memory: presence is about this moment, and a restart empties it as it empties the connections.
/// </summary>
public class PresenceTracker
{
    private readonly ConcurrentDictionary<string, (int VersionId, PresenceView Viewer)> connections = new();

    public void Join(string connectionId, int versionId, PresenceView viewer) => connections[connectionId] = (versionId, viewer);

    /// <summary>Forgets the connection; returns the version it was viewing, if any.</summary>
    public int? Leave(string connectionId) => connections.TryRemove(connectionId, out var entry) ? entry.VersionId : null;

    public int? VersionOf(string connectionId) => connections.TryGetValue(connectionId, out var entry) ? entry.VersionId : null;

    /// <summary>Every connection now, with what it is viewing and who it is.</summary>
    public IReadOnlyList<(string ConnectionId, int VersionId, PresenceView Viewer)> Connections() =>
        connections.Select(c => (c.Key, c.Value.VersionId, c.Value.Viewer)).ToList();

    public IReadOnlyList<PresenceView> Viewers(int versionId) => connections.Values
        .Where(e => e.VersionId == versionId)
        .Select(e => e.Viewer)
        .DistinctBy(v => v.UserId)
        .OrderBy(v => v.Name, StringComparer.CurrentCulture)
        .ToList();
}
