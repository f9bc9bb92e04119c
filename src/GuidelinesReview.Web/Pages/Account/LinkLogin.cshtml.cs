using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.OrganisationSignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>
/// "Link your organisation account": a fresh password check, then the provider. A stolen session
/// alone cannot attach someone else's organisation login to the account.
/// </summary>
[RequiresOrganisationSignIn]
public sealed class LinkLoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInLimiter limiter, ExternalSignInService service, OrganisationSignInState state) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = "";

    public bool HasPassword { get; private set; }

    public string DisplayName => state.DisplayName;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        HasPassword = await users.HasPasswordAsync(user);
        if (limiter.Refusal(HttpContext) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        if (!HasPassword || !ModelState.IsValid)
        {
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            limiter.RecordFailure(HttpContext);
            ModelState.AddModelError(nameof(Password), check.IsLockedOut
                ? "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it."
                : "The password is not correct.");
            return Page();
        }

        return Challenge(service.LinkChallenge(user.Id, Url.Page("/Account/ExternalCallback", "Link")!), OrganisationSignInFeature.Scheme);
    }
}
