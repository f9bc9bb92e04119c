using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

[AllowAnonymous]
public sealed class AcceptInviteModel(InvitationService invitations, SignInManager<AppUser> signIn, SignInLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ProfileFields Profile { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be 10 to 200 characters long.")]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } invitation)
        {
            Profile.DisplayName = invitation.DisplayName;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null || !ModelState.IsValid)
        {
            return Page();
        }

        var (user, errors) = await invitations.AcceptAsync(Token!, new NewAccount(
            Profile.DisplayName, Profile.Organisation ?? "", Profile.StakeholderGroup!.Value, Profile.Region, Password), ct);
        if (user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("", error);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = $"Welcome, {user.DisplayName}. Your account is ready.";
        return RedirectToPage("/Guidelines/Index");
    }

    /// <summary>
    /// The open invitation the link names. Links are guessed like passwords are, so an address
    /// stopped for failed sign-ins is not told whether one exists, and an unknown link counts as a failure.
    /// </summary>
    private async Task<Invitation?> LoadAsync(CancellationToken ct)
    {
        if (limiter.Refusal(HttpContext) is { } refusal)
        {
            Problem = refusal;
            return null;
        }

        var (invitation, problem) = await invitations.FindOpenAsync(Token, ct);
        Problem = problem;
        if (invitation is not null)
        {
            Email = invitation.Email;
            Role = invitation.Role;
        }
        else
        {
            limiter.RecordFailure(HttpContext);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return invitation;
    }
}
