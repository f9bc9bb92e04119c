using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// For every hub call: checks that the account behind the connection is still as it was when
/// it connected (a WebSocket outlives the cookie checks of HTTP requests: a removed role or a
/// sign-out elsewhere must end it), refuses text no field may hold (<see cref="TextFields"/>), and turns a refusal (<see cref="RefusedException"/>) into a
/// <see cref="HubException"/> whose message the client shows as it is.
/// </summary>
public sealed partial class HubCallFilter(AccountStamps stamps, IEnumerable<PresenceTracker> places, ILogger<HubCallFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            if (!await stamps.IsCurrentAsync(context.Context.User!))
            {
                // Out of every group at once (no more pushes, hidden text included); the page is told to reload.
                LogStale(context.Context.UserIdentifier ?? "");
                foreach (var tracker in places)
                {
                    if (tracker.Leave(context.Context.ConnectionId) is { } place)
                    {
                        foreach (var group in tracker.GroupsOf(place))
                        {
                            await context.Hub.Groups.RemoveFromGroupAsync(context.Context.ConnectionId, group);
                        }
                    }
                }

                throw new HubException("Your account changed or you signed out elsewhere. Reload the page to continue.");
            }

            if (TextFields.FirstProblem(context.HubMethod.GetParameters().Select((p, i) => (p.Name ?? "", context.HubMethodArguments[i]))) is { } problem)
            {
                throw RefusedException.Invalid($"{context.HubMethodName}: {problem}");
            }

            return await next(context);
        }
        catch (RefusedException e)
        {
            LogRefused(context.HubMethodName, e.Kind, e.Message);
            throw new HubException(e.Message);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            // Logged here because SignalR's own dispatcher log is turned down (it would report
            // every ordinary refusal as an error).
            LogFailed(e, context.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection of {UserId} closed: its sign-in is no longer valid")]
    private partial void LogStale(string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} failed")]
    private partial void LogFailed(Exception e, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} refused ({Kind}): {Reason}")]
    private partial void LogRefused(string method, RefusedBecause kind, string reason);
}
