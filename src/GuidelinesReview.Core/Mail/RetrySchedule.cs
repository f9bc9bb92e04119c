namespace GuidelinesReview.Core.Mail;

/// <summary>
/// When to try a mail again after a failed attempt: the first retry after
/// <see cref="FirstDelay"/>, each later one twice as long after the previous, never longer than
/// <see cref="MaxDelay"/>; after <see cref="MaxAttempts"/> failed attempts the mail is given up.
/// Doubling keeps a short outage of the mail server short for the mail (minutes) while a
/// long one does not make the app knock every few seconds.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Whether a mail that has failed <paramref name="failedAttempts"/> times is given up.</summary>
    public bool GivesUp(int failedAttempts) => failedAttempts >= MaxAttempts;

    /// <summary>How long to wait after the <paramref name="failedAttempts"/>-th failed attempt (1 or more).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var doublings = Math.Min(failedAttempts - 1, 30); // 2^30 times any first delay is past any cap
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
