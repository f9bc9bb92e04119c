namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows no inline script or style,
/// so every script lives in wwwroot and every style in a stylesheet. Images only from the site
/// (and data: for Bootstrap's icons): an image in a comment must not report its readers to a third party.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy, letting forms also be redirected to <paramref name="signInOrigin"/>: browsers apply
    /// form-action to the redirects after a post, and "Sign in with your organisation" is a post
    /// answered by a redirect to the identity provider.
    /// </summary>
    public static string PolicyFor(string? signInOrigin) => signInOrigin is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {signInOrigin}", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin = null)
    {
        var policy = PolicyFor(signInOrigin);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
