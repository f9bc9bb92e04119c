using System.Net;
using System.Net.Sockets;
using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Accounts;

/// <summary>
/// Failed sign-ins (and unknown invitation links) per client address. Only failures count: at a
/// venue everyone shares one address, and sixty experts signing in at the start of a session
/// must all get in, while someone guessing passwords across many accounts from that address is
/// stopped. Guessing one account is stopped sooner by Identity's lockout (5 failures).
/// Consulted before the password is checked, so a stopped address learns nothing more.
/// </summary>
public sealed partial class SignInLimiter(IOptions<AppOptions> options, TimeProvider clock, ILogger<SignInLimiter> logger)
{
    private readonly SlidingWindowLimiter failures = new(options.Value.FailedSignInsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Null when the address may try; otherwise the sentence to show, with the response made a
    /// 429 that says when to retry.
    /// </summary>
    public string? Refusal(HttpContext context)
    {
        var (allowed, retryAfter) = failures.Check(KeyOf(context.Connection.RemoteIpAddress), clock.GetUtcNow());
        if (allowed)
        {
            return null;
        }

        var seconds = TooManyRequests.Refuse(context, retryAfter);
        return $"Too many failed sign-ins from your network in the last minute (at most {failures.Limit}). Nothing was checked; wait {TooManyRequests.Wait(seconds)} and try again.";
    }

    /// <summary>Counts a wrong password, a locked account or an unknown invitation link against the address.</summary>
    public void RecordFailure(HttpContext context)
    {
        var key = KeyOf(context.Connection.RemoteIpAddress);
        if (failures.Record(key, clock.GetUtcNow()) == failures.Limit)
        {
            LogLimitReached(key, failures.Limit);
        }
    }

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64 network, which one subscriber
    /// usually holds whole (so stepping through it would otherwise give endless fresh budgets).
    /// </summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Address {Address} reached {Limit} failed sign-ins in a minute; its sign-ins are refused until older failures age out")]
    private partial void LogLimitReached(string address, int limit);
}
