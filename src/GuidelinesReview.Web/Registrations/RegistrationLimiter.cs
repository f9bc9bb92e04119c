using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Registrations;

/// <summary>
/// Registrations per client address and per e-mail address, in place of a captcha. Every attempt
/// counts (whether the address has an account must not show), and the per-e-mail limit stops
/// someone flooding a stranger's inbox with confirmation or "someone tried" mails.
/// </summary>
public sealed class RegistrationLimiter(IOptions<AppOptions> options, TimeProvider clock)
{
    private readonly SlidingWindowLimiter perAddress = new(options.Value.RegistrationsPerHour, TimeSpan.FromHours(1));
    private readonly SlidingWindowLimiter perEmail = new(options.Value.RegistrationsPerEmailPerHour, TimeSpan.FromHours(1));

    /// <summary>Null when this attempt may go ahead (and then it is counted); else the sentence, the response made a 429.</summary>
    public string? Acquire(HttpContext context, string email)
    {
        var now = clock.GetUtcNow();
        var address = SignInLimiter.KeyOf(context.Connection.RemoteIpAddress);
        var mail = email.Trim().ToUpperInvariant();
        var (addressAllowed, addressRetry) = perAddress.Check(address, now);
        var (mailAllowed, mailRetry) = perEmail.Check(mail, now);
        if (addressAllowed && mailAllowed)
        {
            perAddress.Record(address, now);
            perEmail.Record(mail, now);
            return null;
        }

        var wait = SignInLimiter.RefuseForNow(context, addressAllowed ? mailRetry : addressRetry);
        return addressAllowed
            ? $"Too many registrations with this e-mail address in the last hour (at most {perEmail.Limit}). Nothing was saved; wait {wait} and try again."
            : $"Too many registrations from your network in the last hour (at most {perAddress.Limit}). Nothing was saved; wait {wait} and try again.";
    }
}
