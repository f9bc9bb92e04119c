namespace GuidelinesReview.Core.RateLimiting;

/// <summary>
/// At most <see cref="Limit"/> actions per key in any <see cref="Window"/>. Pure apart from a lock:
/// the caller passes the time, so tests need no clock. Used for posting on both the HTTP and
/// the hub path, so the two share one budget per person, and for failed sign-ins per address,
/// where the action is counted only after it failed (<see cref="Check"/>, then <see cref="Record"/>).
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window)
{
    /// <summary>How often (in recorded actions) keys whose actions all left the window are forgotten.</summary>
    private const int SweepEvery = 1024;

    private readonly Dictionary<string, Queue<DateTimeOffset>> history = new(StringComparer.Ordinal);
    private int sinceSweep;

    public int Limit { get; } = limit;
    public TimeSpan Window { get; } = window;

    /// <summary>Takes one permit for <paramref name="key"/>; when none is left, says how long until one is.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(string key, DateTimeOffset now)
    {
        lock (history)
        {
            var check = CheckLocked(key, now);
            if (check.Allowed)
            {
                RecordLocked(key, now);
            }

            return check;
        }
    }

    /// <summary>Whether <paramref name="key"/> has a permit left, without taking it.</summary>
    public (bool Allowed, TimeSpan RetryAfter) Check(string key, DateTimeOffset now)
    {
        lock (history)
        {
            return CheckLocked(key, now);
        }
    }

    /// <summary>
    /// Counts one action for <paramref name="key"/>, whether or not a permit was left (a failure
    /// already happened), and returns how many it now has in the window.
    /// </summary>
    public int Record(string key, DateTimeOffset now)
    {
        lock (history)
        {
            return RecordLocked(key, now);
        }
    }

    private (bool Allowed, TimeSpan RetryAfter) CheckLocked(string key, DateTimeOffset now)
    {
        if (!history.TryGetValue(key, out var times))
        {
            return (true, TimeSpan.Zero);
        }

        Expire(times, now);
        if (times.Count >= Limit)
        {
            var retry = times.ElementAt(times.Count - Limit) + Window - now;
            return (false, retry < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retry);
        }

        return (true, TimeSpan.Zero);
    }

    private int RecordLocked(string key, DateTimeOffset now)
    {
        if (!history.TryGetValue(key, out var times))
        {
            times = new Queue<DateTimeOffset>();
            history[key] = times;
        }

        Expire(times, now);
        times.Enqueue(now);
        var count = times.Count;
        if (++sinceSweep >= SweepEvery)
        {
            // Keys are client addresses too, which are not bounded like accounts are.
            sinceSweep = 0;
            foreach (var stale in history.Where(h => h.Value.Count == 0 || h.Value.Last() <= now - Window).Select(h => h.Key).ToList())
            {
                history.Remove(stale);
            }
        }

        return count;
    }

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - Window)
        {
            times.Dequeue();
        }
    }
}
