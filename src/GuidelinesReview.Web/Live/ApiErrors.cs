using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Every answer of the JSON API is JSON: framework refusals (malformed body, not signed in,
/// wrong content type) get <c>{ "error": "..." }</c> like the service's own, instead of the
/// HTML error page; a body that does not bind is answered naming the field, what it must be and what
/// was sent (<see cref="JsonFields"/>). State-changing calls must declare a JSON body, which a page on another
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

            // Kept so that a body that does not bind can be read again to say which field and what was sent.
            context.Request.EnableBuffering();
            try
            {
                await next();
            }
            catch (BadHttpRequestException e)
            {
                await WriteAsync(context, e.StatusCode, await UnreadableAsync(context, e));
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

    private static async Task<string> UnreadableAsync(HttpContext context, BadHttpRequestException e)
    {
        if (e.InnerException is not JsonException json || context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type)
        {
            return $"The request could not be read: {e.Message}";
        }

        context.Request.Body.Position = 0;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (JsonFields.SyntaxProblem(body.ToArray()) is { } syntax)
        {
            return $"The body is not valid JSON: {syntax}.";
        }

        using var document = JsonDocument.Parse(body.ToArray());
        return JsonFields.Explain(null, type, document.RootElement, json);
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
