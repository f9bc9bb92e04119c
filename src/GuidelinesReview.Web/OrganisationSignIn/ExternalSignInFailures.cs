using GuidelinesReview.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidelinesReview.Web.OrganisationSignIn;

/// <summary>
/// A round trip that failed (altered state, missing correlation cookie, a code the provider refuses,
/// an untrusted issuer, a cancellation) ends on the failure page with a reason, never on an
/// exception page, and is logged once.
/// </summary>
public static partial class ExternalSignInFailures
{
    public static Task HandleAsync(RemoteFailureContext context)
    {
        var failure = Classify(context.Failure);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInFailures));
        LogFailed(logger, failure, context.Failure?.Message ?? "");
        context.Response.Redirect($"/account/external-failed?reason={failure}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static ExternalSignInFailure Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SecurityTokenInvalidIssuerException:
                    return ExternalSignInFailure.Issuer;
                case OpenIdConnectProtocolException when e.Message.Contains("invalid_grant", StringComparison.Ordinal):
                    return ExternalSignInFailure.CodeRejected;
                case OpenIdConnectProtocolException when e.Message.Contains("access_denied", StringComparison.Ordinal):
                    return ExternalSignInFailure.Cancelled;
            }
        }

        // The handler reports these as plain exceptions, told apart only by their text.
        var message = failure?.Message ?? "";
        return message switch
        {
            _ when message.Contains("message.State", StringComparison.Ordinal) => ExternalSignInFailure.State,
            _ when message.Contains("Correlation failed", StringComparison.Ordinal) => ExternalSignInFailure.Correlation,
            _ when message.Contains("Access was denied", StringComparison.Ordinal) => ExternalSignInFailure.Cancelled,
            _ => ExternalSignInFailure.Provider,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation sign-in failed ({Reason}): {Failure}")]
    private static partial void LogFailed(ILogger logger, ExternalSignInFailure reason, string failure);
}
