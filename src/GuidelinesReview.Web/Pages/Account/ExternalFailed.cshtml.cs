using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.OrganisationSignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>A round trip to the provider that failed: one sentence for the reason, never the raw error.</summary>
[AllowAnonymous]
public sealed class ExternalFailedModel(OrganisationSignInState state) : PageModel
{
    public string Reason { get; private set; } = "";

    public IActionResult OnGet(string? reason)
    {
        if (!state.Enabled)
        {
            return NotFound();
        }

        Reason = OrganisationSignInRules.Describe(OrganisationSignInRules.ParseFailure(reason));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
