using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Infrastructure;

namespace GuidelinesReview.Web.Accounts;

/// <summary>Which limit an attempt ran into, how many it allows and how long to wait (the response is already a 429).</summary>
public sealed record LimitReached(bool ByEmail, int Limit, int Seconds)
{
    public string Wait => TooManyRequests.Wait(Seconds);
}

/// <summary>
/// Requests that make the platform mail an address someone typed (registration, password reset),
/// limited per client address (someone mailing many people from one place) and per e-mail address
/// (someone filling one person's inbox). Every attempt counts, whether or not the address has an
/// account, so the limit itself tells nothing about which addresses exist.
/// </summary>
public sealed class AddressAndEmailLimiter(int perAddress, int perEmail, TimeSpan window, TimeProvider clock)
{
    private readonly SlidingWindowLimiter addresses = new(perAddress, window);
    private readonly SlidingWindowLimiter emails = new(perEmail, window);

    /// <summary>Null when the attempt may go on (and then it counts); else the limit reached, with the response made a 429.</summary>
    public LimitReached? Acquire(HttpContext context, string email)
    {
        var now = clock.GetUtcNow();
        var address = SignInLimiter.KeyOf(context.Connection.RemoteIpAddress);
        var mail = email.Trim().ToUpperInvariant();
        var (fromAddress, addressRetry) = addresses.Check(address, now);
        var (forEmail, emailRetry) = emails.Check(mail, now);
        if (!fromAddress || !forEmail)
        {
            return fromAddress
                ? new LimitReached(ByEmail: true, emails.Limit, TooManyRequests.Refuse(context, emailRetry))
                : new LimitReached(ByEmail: false, addresses.Limit, TooManyRequests.Refuse(context, addressRetry));
        }

        addresses.Record(address, now);
        emails.Record(mail, now);
        return null;
    }
}
