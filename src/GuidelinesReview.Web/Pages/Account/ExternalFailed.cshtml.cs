using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.OrganisationSignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>A round trip to the provider that failed: one sentence for the reason, never the raw error.</summary>
[AllowAnonymous]
[RequiresOrganisationSignIn]
public sealed class ExternalFailedModel : PageModel
{
    public string Reason { get; private set; } = "";

    public void OnGet(string? reason)
    {
        Reason = OrganisationSignInRules.Describe(OrganisationSignInRules.ParseFailure(reason));
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
