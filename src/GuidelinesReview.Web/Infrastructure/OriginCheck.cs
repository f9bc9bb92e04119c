using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Refuses real-time connections opened by pages of other sites. Browsers send Origin on every
/// WebSocket handshake and cross-origin request but cookies ride along regardless, so without
/// this check another site could act in a signed-in person's name (cross-site WebSocket hijacking).
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubs) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubs) && context.Request.Headers.Origin is { Count: > 0 } origins)
            {
                var options = context.RequestServices.GetRequiredService<IOptions<AppOptions>>().Value;
                var origin = origins.ToString();
                var own = $"{context.Request.Scheme}://{context.Request.Host}";

                // Behind a TLS proxy the request looks like http://internal: the public address counts as own too.
                var isOwn = string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(origin, options.PublicBaseUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
                if (!isOwn && !options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck))
                        .LogWarning("Refused a real-time connection from origin {Origin} (own: {Own})", origin, own);
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync($"Connections from {origin} are not allowed.");
                    return;
                }
            }

            await next();
        });
}
