namespace GuidelinesReview.Web.Live;

/// <summary>
/// For every JSON API call: a refusal (<see cref="RefusedException"/>) becomes its status code with
/// <c>{ "error": "…" }</c> and, when rate-limited, <c>Retry-After</c> — the API's
/// counterpart of <see cref="HubCallFilter"/>.
/// </summary>
public sealed partial class ApiRefusalFilter(ILogger<ApiRefusalFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusedException e)
        {
            LogRefused(context.HttpContext.Request.Path, e.Kind, e.Message);
            if (e.RetryAfter is { } retry)
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new { error = e.Message }, statusCode: e.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API call {Path} refused ({Kind}): {Reason}")]
    private partial void LogRefused(string path, RefusedBecause kind, string reason);
}
