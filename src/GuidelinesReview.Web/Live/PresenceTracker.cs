using System.Collections.Concurrent;

namespace GuidelinesReview.Web.Live;

/// <summary>Someone connected to a live page, as the others see them.</summary>
public sealed record PresenceView(string UserId, string Name, string Role);

/// <summary>
/// Who is on which live page now, per connection: a version being read, a breakout room. One
/// connection is in one place at a time; one person in two tabs counts once. In memory: presence
/// is about this moment, and a restart empties it as it empties the connections.
/// </summary>
public abstract class PresenceTracker
{
    private readonly ConcurrentDictionary<string, (int Place, PresenceView Person)> connections = new();

    /// <summary>The SignalR groups a connection in <paramref name="place"/> belongs to (to take it out of them).</summary>
    public abstract IReadOnlyList<string> GroupsOf(int place);

    public void Join(string connectionId, int place, PresenceView person) => connections[connectionId] = (place, person);

    /// <summary>Forgets the connection; returns the place it was in, if any.</summary>
    public int? Leave(string connectionId) => connections.TryRemove(connectionId, out var entry) ? entry.Place : null;

    public int? PlaceOf(string connectionId) => connections.TryGetValue(connectionId, out var entry) ? entry.Place : null;

    /// <summary>Every connection now, with where it is and who it is.</summary>
    public IReadOnlyList<(string ConnectionId, int Place, PresenceView Person)> Connections() =>
        connections.Select(c => (c.Key, c.Value.Place, c.Value.Person)).ToList();

    public IReadOnlyList<PresenceView> People(int place) => connections.Values
        .Where(e => e.Place == place)
        .Select(e => e.Person)
        .DistinctBy(v => v.UserId)
        .OrderBy(v => v.Name, StringComparer.CurrentCulture)
        .ToList();
}
