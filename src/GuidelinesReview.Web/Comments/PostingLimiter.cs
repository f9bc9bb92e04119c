using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// Per-person limit on posting and editing comments, shared by the HTTP API and the hub (hub
/// calls never pass through HTTP middleware, so the middleware rate limiter cannot see them).
/// </summary>
public sealed class PostingLimiter(IOptions<AppOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowLimiter limiter = new(options.Value.PostsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>Takes one permit for the caller or throws a <see cref="CommentException"/> saying when to retry.</summary>
    public void Acquire(string userId)
    {
        var (allowed, retryAfter) = limiter.TryAcquire(userId, clock.GetUtcNow());
        if (!allowed)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            throw new CommentException(
                CommentErrorKind.RateLimited,
                $"You are posting faster than {limiter.Limit} comments a minute. Nothing was saved; try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
                TimeSpan.FromSeconds(seconds));
        }
    }
}
