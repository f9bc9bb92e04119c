using Microsoft.AspNetCore.Diagnostics;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Every answer of the JSON API is JSON: framework refusals (malformed body, not signed in,
/// wrong content type) get <c>{ "error": "..." }</c> like the service's own, instead of the
/// HTML error page. State-changing calls must declare a JSON body, which a page on another
/// site cannot send without the browser asking first (CORS), so forms elsewhere cannot forge them.
/// </summary>
public static class ApiErrors
{
    public static IApplicationBuilder UseJsonApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    "Send the request with Content-Type: application/json (an empty body is {}).");
                return;
            }

            try
            {
                await next();
            }
            catch (BadHttpRequestException e)
            {
                await WriteAsync(context, e.StatusCode, $"The request could not be read: {e.Message}");
                return;
            }

            if (context.Response is { HasStarted: false, StatusCode: >= 400 } && context.Response.ContentLength is null && context.Response.ContentType is null)
            {
                await WriteAsync(context, context.Response.StatusCode, context.Response.StatusCode switch
                {
                    StatusCodes.Status401Unauthorized => "Sign in first: this call needs a signed-in session.",
                    StatusCodes.Status403Forbidden => "Your role may not do this.",
                    StatusCodes.Status404NotFound => "There is no such API address.",
                    StatusCodes.Status405MethodNotAllowed => "This API address does not take that method.",
                    _ => "The request was not understood: check the body against the README's Integrations section.",
                });
            }
        }));

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
