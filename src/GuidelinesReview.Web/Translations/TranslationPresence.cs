using System.Collections.Concurrent;
using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Translations;

/// <summary>The one place translation group names are built: one group per version and language.</summary>
public static class TranslationGroups
{
    public static string Of(int versionId, string language) => $"translate:{versionId}:{language}";
}

/// <summary>Who has which workspace (version × language) open now. Places are numbered as they are first used.</summary>
public sealed class TranslationPresence : PresenceTracker
{
    private readonly ConcurrentDictionary<(int VersionId, string Language), int> places = new();
    private readonly ConcurrentDictionary<int, (int VersionId, string Language)> keys = new();
    private int next;

    public int PlaceOf(int versionId, string language) => places.GetOrAdd((versionId, language), key =>
    {
        var place = Interlocked.Increment(ref next);
        keys[place] = key;
        return place;
    });

    public override IReadOnlyList<string> GroupsOf(int place) =>
        keys.TryGetValue(place, out var key) ? [TranslationGroups.Of(key.VersionId, key.Language)] : [];
}
