using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Admin.Registrations;

/// <summary>Secretariat and Admin: who registered for public consultations; suspend or reinstate one.</summary>
public sealed class IndexModel(RegistrationService registrations) : PageModel
{
    public IReadOnlyList<RegistrationRow> Rows { get; private set; } = [];

    /// <summary>Why the last action was refused; the list is shown unchanged.</summary>
    public string? Problem { get; private set; }

    /// <summary>The participant whose suspension was refused, so the reason typed stays in their form.</summary>
    public string? FailedUserId { get; private set; }

    public string? FailedReason { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await registrations.ListAsync(ct);

    public async Task<IActionResult> OnPostSuspendAsync(string userId, string? reason, CancellationToken ct)
    {
        Problem = await registrations.SuspendAsync(Caller.From(User), userId ?? "", reason, ct);
        return await AfterAsync(userId, reason, "The participant was suspended: they are signed out everywhere and cannot sign in; their comments stay.", ct);
    }

    public async Task<IActionResult> OnPostReinstateAsync(string userId, CancellationToken ct)
    {
        Problem = await registrations.ReinstateAsync(Caller.From(User), userId ?? "", ct);
        return await AfterAsync(userId, null, "The participant was reinstated and can sign in again.", ct);
    }

    private async Task<IActionResult> AfterAsync(string? userId, string? reason, string done, CancellationToken ct)
    {
        if (Problem is null)
        {
            TempData["Flash"] = done;
            return RedirectToPage();
        }

        (FailedUserId, FailedReason) = (userId, reason);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Rows = await registrations.ListAsync(ct);
        return Page();
    }
}
