using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Mail;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>
/// Chooses a new password from a mailed link. The reset changes the security stamp, which ends
/// every other session of the account and uses up the link. It does not sign in: a locked
/// account stays locked until its lockout ends, new password or not.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(AccountMails mails, UserManager<AppUser> users, IOptions<MailOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "The new password must be 10 to 200 characters long.")]
    public string Password { get; set; } = "";

    /// <summary>Why the link does not work, in words; null when it does.</summary>
    public string? Problem { get; private set; }

    public string? Email { get; private set; }

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is not { } user || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Code!, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        TempData["Flash"] = "Your password was changed, and every other session of your account was signed out. Sign in with the new password.";
        return RedirectToPage("/Account/Login");
    }

    private async Task<AppUser?> CheckAsync()
    {
        var (user, check) = await mails.CheckLinkAsync(UserId, Code, UserManager<AppUser>.ResetPasswordTokenPurpose);
        Email = user?.Email;
        Problem = check switch
        {
            TokenCheck.Valid => null,
            TokenCheck.Expired => $"This reset link has expired: a link works for {options.Value.ResetLinkLifetime.TotalHours:0} hours. Ask for a new one.",
            TokenCheck.Used => "This reset link has been used already, or the password was changed after it was sent. Ask for a new one if you still need it.",
            _ => "This reset link is not valid. Copy the whole link from the mail, or ask for a new one.",
        };
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return user;
    }
}
