using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Per-person limits, shared by the HTTP API and the hub (hub calls never pass through HTTP
/// middleware, so the middleware rate limiter cannot see them): one budget for posting and
/// editing comments, a larger one (4×) for every other change (support, withdraw, moderation),
/// each of which is pushed to every viewer.
/// </summary>
public sealed class PostingLimiter(IOptions<AppOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowLimiter posts = new(options.Value.PostsPerMinute, TimeSpan.FromMinutes(1));
    private readonly SlidingWindowLimiter actions = new(options.Value.PostsPerMinute * 4, TimeSpan.FromMinutes(1));

    /// <summary>Takes one posting permit or throws a <see cref="RefusedException"/> saying when to retry.</summary>
    public void AcquirePost(string userId) => Acquire(posts, userId, "comments");

    /// <summary>Takes one permit for another change (support, withdraw, hide, decide, re-tag).</summary>
    public void AcquireAction(string userId) => Acquire(actions, userId, "changes");

    private void Acquire(SlidingWindowLimiter limiter, string userId, string what)
    {
        var (allowed, retryAfter) = limiter.TryAcquire(userId, clock.GetUtcNow());
        if (!allowed)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            throw new RefusedException(
                RefusedBecause.RateLimited,
                $"You are sending more than {limiter.Limit} {what} a minute. Nothing was saved; try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
                TimeSpan.FromSeconds(seconds));
        }
    }
}
