using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GuidelinesReview.Web.OrganisationSignIn;

/// <summary>The organisation sign-in pages answer 404 when it is not configured, as if they did not exist.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresOrganisationSignInAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<OrganisationSignInState>().Enabled)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
