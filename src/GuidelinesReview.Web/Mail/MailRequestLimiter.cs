using GuidelinesReview.Web.Accounts;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// Requests that make the platform mail a link to an address (a password reset, a new
/// confirmation link):
/// limited per client address (someone mailing many people from one place) and per e-mail address
/// (someone filling one person's inbox). Every request counts, whether or not the address has an
/// account, so the limit itself tells nothing about which addresses exist.
/// </summary>
public sealed partial class MailRequestLimiter(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailRequestLimiter> logger)
{
    private readonly AddressAndEmailLimiter limiter = new(options.Value.ResetRequestsPerAddressPerHour, options.Value.ResetRequestsPerEmailPerHour, TimeSpan.FromHours(1), clock);

    /// <summary>
    /// Null when the request may go on (and counts it); otherwise the sentence to show, with the
    /// response made a 429 that says when to retry.
    /// </summary>
    public string? Refusal(HttpContext context, string email)
    {
        if (limiter.Acquire(context, email) is not { } reached)
        {
            return null;
        }

        LogRefused(SignInLimiter.KeyOf(context.Connection.RemoteIpAddress), reached.ByEmail ? "e-mail" : "client address");
        return reached.ByEmail
            ? $"Links for this e-mail address were asked for {reached.Limit} times in the last hour; nothing was sent. Use the last mail, or wait {reached.Wait} and try again."
            : $"Too many links were asked for from your network in the last hour (at most {reached.Limit}); nothing was sent. Wait {reached.Wait} and try again.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request for a mailed link from {Address} refused: limit per {Limit} reached")]
    private partial void LogRefused(string address, string limit);
}
