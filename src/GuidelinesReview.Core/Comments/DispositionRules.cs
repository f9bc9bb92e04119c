using System.Globalization;

namespace GuidelinesReview.Core.Comments;

/// <summary>
/// The last decision event of a comment: who recorded what, and when. <see cref="Decision"/> is
/// null when that event reset the comment to "not yet decided". <see cref="Seq"/> is the event's
/// number: a form carries the one it was built on, so a save from a stale form can be told apart.
/// </summary>
public sealed record DecisionStamp(long Seq, string ActorName, string? Decision, DateTime At)
{
    public string Sentence => Decision is null
        ? $"{ActorName} reset it to “not yet decided” on {DispositionRules.When(At)}"
        : $"{ActorName} recorded “{Decision}” on {DispositionRules.When(At)}";
}

/// <summary>One comment's part of a bulk decision: refused (with why) or recorded (<see cref="Problem"/> null).</summary>
public sealed record BulkItem(int CommentId, string? Problem);

/// <summary>Rules of the secretariat's decisions: where a change can have been addressed, and stale forms.</summary>
public static class DispositionRules
{
    /// <summary>How many comments one bulk decision may cover (a page of the table at most).</summary>
    public const int MaxBulk = 500;

    /// <summary>A comment can only have been addressed in a version published after the one it was made on.</summary>
    public static string? CheckAddressedIn(int commentVersion, int addressedVersion) =>
        addressedVersion < commentVersion
            ? $"v{addressedVersion} is older than the comment's version v{commentVersion}; choose a later version."
            : addressedVersion == commentVersion
                ? $"v{addressedVersion} is the comment's own version; a change made for it can only be in a later version."
                : null;

    /// <summary>The versions a comment on <paramref name="commentVersion"/> can have been addressed in, in order.</summary>
    public static IReadOnlyList<int> AddressableVersions(int commentVersion, IEnumerable<int> versions) =>
        versions.Where(v => v > commentVersion).Order().ToList();

    /// <summary>
    /// Null when the form is current: <paramref name="expected"/> (the seq of the decision event
    /// the form was built on, 0 for none) is still the latest. Null too when no expectation was
    /// given (an API client that means to overwrite). Otherwise the sentence that names the
    /// colleague's decision.
    /// </summary>
    public static string? CheckFresh(long? expected, DecisionStamp? latest)
    {
        if (expected is null || expected == (latest?.Seq ?? 0))
        {
            return null;
        }

        return latest is null
            ? "This form is out of date: reload the page to see the comment's current decision. Nothing was saved."
            : $"Since this form was loaded, {latest.Sentence}. Nothing was saved: the row now shows that decision; save again to replace it.";
    }

    /// <summary>"Recorded “Noted” on 3 comments (#4, #5, #9). 1 refused: #7: …".</summary>
    public static string Summary(string what, IReadOnlyList<BulkItem> items)
    {
        var done = items.Where(i => i.Problem is null).Select(i => i.CommentId).ToList();
        var refused = items.Where(i => i.Problem is not null).ToList();
        var parts = new List<string>();
        if (done.Count > 0)
        {
            parts.Add($"{what} on {Count(done.Count)} ({string.Join(", ", done.Select(id => $"#{id}"))}).");
        }
        else
        {
            parts.Add("Nothing was changed.");
        }

        if (refused.Count > 0)
        {
            parts.Add($"{refused.Count} refused: " + string.Join(" ", refused.Select(r => $"#{r.CommentId}: {r.Problem}")));
        }

        return string.Join(" ", parts);
    }

    public static string When(DateTime utc) =>
        utc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Count(int n) => n == 1 ? "1 comment" : $"{n} comments";
}
