using GuidelinesReview.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Notifications;

/// <summary>
/// The unsubscribe link of a digest: opening it asks, the button (or a mail program's one-click
/// POST, RFC 8058) sets the person to "never". The signed token is the authority, so neither a
/// sign-in nor an antiforgery token is needed: a mail program cannot have either.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(NotificationSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public UnsubscribeOutcome Outcome { get; private set; }

    /// <summary>Whether the POST has just set the person to "never".</summary>
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Outcome, _) = await settings.CheckAsync(Token, ct);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Outcome = await settings.UnsubscribeAsync(Token, ct);
        Done = Outcome == UnsubscribeOutcome.Valid;
        return Answer();
    }

    private PageResult Answer()
    {
        Response.StatusCode = Outcome switch
        {
            UnsubscribeOutcome.Invalid => StatusCodes.Status400BadRequest,
            UnsubscribeOutcome.AlreadyUsed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
