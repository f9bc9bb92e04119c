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
                var allowed = context.RequestServices.GetRequiredService<IOptions<AppOptions>>().Value.AllowedOrigins;
                var origin = origins.ToString();
                var own = $"{context.Request.Scheme}://{context.Request.Host}";
                if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !allowed.Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync($"Connections from {origin} are not allowed.");
                    return;
                }
            }

            await next();
        });
}
