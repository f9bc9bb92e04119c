using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Registrations;

/// <summary>
/// Registrations per client address and per e-mail address, in place of a captcha: every attempt
/// counts, and the per-e-mail limit stops someone flooding a stranger's inbox with confirmation or
/// "someone tried to register" mails.
/// </summary>
public sealed class RegistrationLimiter(IOptions<AppOptions> options, TimeProvider clock)
{
    private readonly AddressAndEmailLimiter limiter = new(options.Value.RegistrationsPerHour, options.Value.RegistrationsPerEmailPerHour, TimeSpan.FromHours(1), clock);

    /// <summary>Null when this attempt may go ahead (and then it is counted); else the sentence, the response made a 429.</summary>
    public string? Acquire(HttpContext context, string email) => limiter.Acquire(context, email) switch
    {
        null => null,
        { ByEmail: true } reached => $"Too many registrations with this e-mail address in the last hour (at most {reached.Limit}). Nothing was saved; wait {reached.Wait} and try again.",
        var reached => $"Too many registrations from your network in the last hour (at most {reached.Limit}). Nothing was saved; wait {reached.Wait} and try again.",
    };
}
