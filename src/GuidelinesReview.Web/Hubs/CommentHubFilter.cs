using GuidelinesReview.Web.Comments;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Hubs;

/// <summary>Marks hub methods that count against the per-person posting limit.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostingRateLimitedAttribute : Attribute;

/// <summary>
/// For every hub call: applies the posting limit to marked methods, and turns a refusal
/// (<see cref="CommentException"/>) into a <see cref="HubException"/> whose message the
/// client shows as it is. Other errors reach the client as SignalR's generic error.
/// </summary>
public sealed partial class CommentHubFilter(PostingLimiter limiter, ILogger<CommentHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            if (context.HubMethod.IsDefined(typeof(PostingRateLimitedAttribute), inherit: false))
            {
                limiter.Acquire(Caller.From(context.Context.User!).UserId);
            }

            return await next(context);
        }
        catch (CommentException e)
        {
            LogRefused(context.HubMethodName, e.Kind, e.Message);
            throw new HubException(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} refused ({Kind}): {Reason}")]
    private partial void LogRefused(string method, CommentErrorKind kind, string reason);
}
