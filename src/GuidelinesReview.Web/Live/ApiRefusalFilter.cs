using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// For every JSON API call: text no field may hold is refused (<see cref="TextFields"/>), and a refusal (<see cref="RefusedException"/>) becomes its status code with
/// <c>{ "error": "…" }</c> (plus a stable <c>code</c> where there is one) and, when rate-limited, <c>Retry-After</c> — the API's
/// counterpart of <see cref="HubCallFilter"/>.
/// </summary>
public sealed partial class ApiRefusalFilter(ILogger<ApiRefusalFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler
                && TextFields.FirstProblem(handler.GetParameters().Zip(context.Arguments)
                    .Where(a => a.First.ParameterType == typeof(string) || a.First.GetCustomAttribute<FromBodyAttribute>() is not null)
                    .Select(a => (a.First.Name ?? "", a.Second))) is { } problem)
            {
                throw RefusedException.Invalid(problem);
            }

            return await next(context);
        }
        catch (RefusedException e)
        {
            LogRefused(context.HttpContext.Request.Path, e.Kind, e.Message);
            if (e.RetryAfter is { } retry)
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return e.Code is { } code
                ? Results.Json(new { error = e.Message, code }, statusCode: e.StatusCode)
                : Results.Json(new { error = e.Message }, statusCode: e.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API call {Path} refused ({Kind}): {Reason}")]
    private partial void LogRefused(string path, RefusedBecause kind, string reason);
}
