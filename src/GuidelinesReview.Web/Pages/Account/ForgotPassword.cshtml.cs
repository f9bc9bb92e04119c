using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>
/// Asks for a password-reset link. The answer is the same whether or not the address has an
/// account, so the page cannot be used to find out who is on the platform.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMails mails, MailRequestLimiter limiter, IOptions<MailOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the email address you sign in with.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
    [StringLength(256, ErrorMessage = "An email address is at most 256 characters.")]
    public string Email { get; set; } = "";

    /// <summary>The one answer to a request that was accepted, whatever the address.</summary>
    public string? Answer { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (limiter.Refusal(HttpContext, Email) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        if (await users.FindByEmailAsync(Email.Trim()) is { } user)
        {
            await mails.SendPasswordResetAsync(user, ct);
        }

        Answer = $"If an account uses {Email.Trim()}, a mail with a link to choose a new password is on its way to it. The link works once, for {options.Value.ResetLinkLifetime.TotalHours:0} hours. Nothing within a few minutes? Check the spelling of the address and your spam folder.";
        return Page();
    }
}
