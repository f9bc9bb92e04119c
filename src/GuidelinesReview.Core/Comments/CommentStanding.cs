using System.Globalization;
using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Core.Comments;

/// <summary>What a person's comment is now, the one word their list shows it under.</summary>
public enum StandingKind
{
    /// <summary>On the current draft, no decision yet.</summary>
    Open,

    /// <summary>The secretariat recorded a decision.</summary>
    Decided,

    /// <summary>Made on an older version and carried to the current one (unchanged, changed, or not placed).</summary>
    Carried,

    /// <summary>On a superseded version and not carried to the current one.</summary>
    Superseded,

    /// <summary>Hidden by a moderator (the author still sees it).</summary>
    Hidden,

    /// <summary>Withdrawn by its author.</summary>
    Withdrawn,
}

/// <summary>A comment's path to one later version (the carry-forward placement there).</summary>
public sealed record StandingStep(int Version, PlacementStatus Status, bool PassageFound, string? Anchor);

/// <summary>What the author's list needs to know about one comment.</summary>
public sealed record StandingFacts(
    int Version,
    int Latest,
    bool Withdrawn,
    DateTime? HiddenAt,
    string? Decision,
    int? AddressedIn,
    string? AddressedAnchor,
    DateTime CreatedAt,
    IReadOnlyList<StandingStep> Steps,
    IReadOnlyDictionary<int, DateTime> PublishedAt);

/// <summary>
/// Where a comment stands, said truthfully: its <see cref="Kind"/>, a sentence on what became of it
/// (<see cref="Headline"/>), a sentence on the current draft when that differs (<see cref="Path"/>),
/// and where it stands in a later version it was carried to (<see cref="Version"/>, <see cref="Anchor"/>;
/// null when it is on the current draft, or nowhere). The page names blocks in words (BlockPlace).
/// </summary>
public sealed record CommentStanding(StandingKind Kind, string Headline, string? Path, int? Version, string? Anchor)
{
    private static string Day(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static CommentStanding Of(StandingFacts f)
    {
        var path = PathOf(f, out var version, out var anchor);
        if (f.Withdrawn)
        {
            return new(StandingKind.Withdrawn, "Withdrawn: you withdrew this comment, so it is no longer considered or carried to newer versions.", null, null, null);
        }

        if (f.HiddenAt is { } hidden)
        {
            return new(StandingKind.Hidden, $"Hidden by a moderator on {Day(hidden)}: only you and the secretariat see it, and it is not carried to newer versions.", null, null, null);
        }

        if (f.Decision is { } decision)
        {
            var where = f.AddressedIn is { } n ? $", addressed in v{n}" : "";
            return new(StandingKind.Decided, $"Decided: {decision}{where}.", path, version, anchor);
        }

        if (f.Version == f.Latest)
        {
            return new(StandingKind.Open, $"Open: on the current draft, v{f.Latest}; no decision yet.", null, version, anchor);
        }

        return f.Steps.Count == 0
            ? new(StandingKind.Superseded, path!, null, null, null)
            : new(StandingKind.Carried, path!, null, version, anchor);
    }

    /// <summary>What became of the comment on the way to the current draft; sets where it is now.</summary>
    private static string? PathOf(StandingFacts f, out int? version, out string? anchor)
    {
        (version, anchor) = (null, null);
        if (f.Version == f.Latest)
        {
            return null;
        }

        var last = f.Steps.OrderBy(s => s.Version).LastOrDefault();
        if (last is null)
        {
            var next = f.PublishedAt.Where(p => p.Key > f.Version).OrderBy(p => p.Key).Select(p => (int?)p.Key).FirstOrDefault();
            return next is { } n && f.PublishedAt[n] <= f.CreatedAt
                ? $"On a superseded version: made on v{f.Version} after v{n} was published, and not carried forward to v{f.Latest}."
                : $"On a superseded version: v{f.Version}; not carried forward to v{f.Latest}.";
        }

        (version, anchor) = (last.Version, last.Anchor);
        if (last.Status == PlacementStatus.Orphaned)
        {
            (version, anchor) = (null, null);
            return last.Version == f.Latest
                ? $"Carried to v{f.Latest}, but could not be placed: the text you commented on is no longer there."
                : $"Could not be placed in v{last.Version}: the text you commented on was removed there, so it was not carried to v{f.Latest}.";
        }

        // Unchanged only if no step changed it: v1 → v2 reworded, v2 → v3 untouched is still "changed since you commented".
        var status = f.Steps.Any(s => s.Status == PlacementStatus.Modified) ? PlacementStatus.Modified : last.Status;
        var carried = (status, last.PassageFound) switch
        {
            (PlacementStatus.Unchanged, _) => $"Carried to v{last.Version} unchanged.",
            (_, false) => $"Carried to v{last.Version}, modified: the paragraph changed and the words you quoted are no longer in it.",
            _ => $"Carried to v{last.Version}, modified: the paragraph changed since you commented.",
        };
        return last.Version == f.Latest ? carried : $"{carried[..^1]}; not carried on to v{f.Latest}.";
    }
}
