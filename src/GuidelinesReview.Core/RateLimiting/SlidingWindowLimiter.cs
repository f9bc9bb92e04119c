namespace GuidelinesReview.Core.RateLimiting;

/// <summary>
/// At most <see cref="Limit"/> actions per key in any <see cref="Window"/>. Pure apart from a lock:
/// the caller passes the time, so tests need no clock. Used for posting on both the HTTP and
/// the hub path, so the two share one budget per person.
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> history = new(StringComparer.Ordinal);

    public int Limit { get; } = limit;
    public TimeSpan Window { get; } = window;

    /// <summary>Takes one permit for <paramref name="key"/>; when none is left, says how long until one is.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(string key, DateTimeOffset now)
    {
        lock (history)
        {
            if (!history.TryGetValue(key, out var times))
            {
                times = new Queue<DateTimeOffset>();
                history[key] = times;
            }

            while (times.Count > 0 && times.Peek() <= now - Window)
            {
                times.Dequeue();
            }

            if (times.Count >= Limit)
            {
                var retry = times.Peek() + Window - now;
                return (false, retry < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retry);
            }

            times.Enqueue(now);
            return (true, TimeSpan.Zero);
        }
    }
}
