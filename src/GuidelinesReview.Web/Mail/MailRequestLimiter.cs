using GuidelinesReview.Core.RateLimiting;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// Requests that make the platform send a mail to an address someone typed (password reset):
/// limited per client address (someone mailing many people from one place) and per e-mail address
/// (someone filling one person's inbox). Every request counts, whether or not the address has an
/// account, so the limit itself tells nothing about which addresses exist.
/// </summary>
public sealed partial class MailRequestLimiter(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailRequestLimiter> logger)
{
    private readonly SlidingWindowLimiter perAddress = new(options.Value.ResetRequestsPerAddressPerHour, TimeSpan.FromHours(1));
    private readonly SlidingWindowLimiter perEmail = new(options.Value.ResetRequestsPerEmailPerHour, TimeSpan.FromHours(1));

    /// <summary>
    /// Null when the request may go on (and counts it); otherwise the sentence to show, with the
    /// response made a 429 that says when to retry.
    /// </summary>
    public string? Refusal(HttpContext context, string email)
    {
        var now = clock.GetUtcNow();
        var address = SignInLimiter.KeyOf(context.Connection.RemoteIpAddress);
        var (fromAddress, addressRetry) = perAddress.Check(address, now);
        var (forEmail, emailRetry) = perEmail.Check(email.Trim().ToUpperInvariant(), now);
        if (!fromAddress || !forEmail)
        {
            LogRefused(address, fromAddress ? "e-mail" : "client address");
            var seconds = TooManyRequests.Refuse(context, fromAddress ? emailRetry : addressRetry);
            return fromAddress
                ? $"Reset links for this e-mail address were asked for {perEmail.Limit} times in the last hour; nothing was sent. Use the last mail, or wait {TooManyRequests.Wait(seconds)} and try again."
                : $"Too many reset links were asked for from your network in the last hour (at most {perAddress.Limit}); nothing was sent. Wait {TooManyRequests.Wait(seconds)} and try again.";
        }

        perAddress.Record(address, now);
        perEmail.Record(email.Trim().ToUpperInvariant(), now);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password-reset request from {Address} refused: limit per {Limit} reached")]
    private partial void LogRefused(string address, string limit);
}
