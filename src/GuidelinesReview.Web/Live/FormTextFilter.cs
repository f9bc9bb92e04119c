using GuidelinesReview.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Every form post, before its handler runs: a field holding text no field may hold
/// (<see cref="TypedText"/>) is answered with 400 and the sentence, and nothing is saved. Browsers do
/// not type these characters; they arrive pasted or from scripts, so one plain answer serves.
/// </summary>
public sealed partial class FormTextFilter(ILogger<FormTextFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                // Bound fields are named after the property path (Form.Text); the person knows the last part.
                var field = JsonFields.CamelCase(key[(key.LastIndexOf('.') + 1)..]);
                if (values.Select(v => TypedText.Check(field, v)).FirstOrDefault(p => p is not null) is { } problem)
                {
                    LogRefused(request.Path, problem);
                    context.Result = new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = problem };
                    return;
                }
            }
        }

        await next();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Form post {Path} refused: {Reason}")]
    private partial void LogRefused(string path, string reason);
}
