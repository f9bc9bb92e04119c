namespace GuidelinesReview.Core.Meetings;

/// <summary>
/// A breakout room's countdown: the moderator starts it for some minutes, adds a minute while it
/// runs (or once time is up, a minute from now), and stops it. Everyone sees the same end time.
/// </summary>
public static class RoomTimer
{
    public const int MaxMinutes = 240;

    /// <summary>Why a timer of <paramref name="minutes"/> cannot start, or null.</summary>
    public static string? CheckStart(int minutes) =>
        minutes is < 1 or > MaxMinutes ? $"A timer runs from 1 to {MaxMinutes} minutes." : null;

    /// <summary>The end time one minute later, or why not: no timer set, or more than <see cref="MaxMinutes"/> left.</summary>
    public static (DateTime? EndsAt, string? Refusal) AddMinute(DateTime? endsAt, DateTime now)
    {
        if (endsAt is not { } end)
        {
            return (null, "The timer is not running: start it first.");
        }

        var added = (end > now ? end : now).AddMinutes(1);
        return added - now > TimeSpan.FromMinutes(MaxMinutes)
            ? (null, $"A timer runs at most {MaxMinutes} minutes.")
            : (added, null);
    }

    /// <summary>Why the timer cannot be stopped (it is not set), or null.</summary>
    public static string? CheckStop(DateTime? endsAt) => endsAt is null ? "The timer is not running." : null;
}
