using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Mail;
using GuidelinesReview.Web.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>A signed-in person whose address is not confirmed asks for a new confirmation link.</summary>
public sealed class ResendConfirmationModel(UserManager<AppUser> users, AccountMails mails, RegistrationLimiter limiter) : PageModel
{
    public string Email { get; private set; } = "";
    public bool Confirmed { get; private set; }
    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await LoadAsync();
        if (Confirmed)
        {
            return Page();
        }

        Problem = limiter.Acquire(HttpContext, Email);
        if (Problem is null)
        {
            await mails.SendAddressConfirmationAsync(user, ct);
            Sent = true;
        }

        return Page();
    }

    private async Task<AppUser> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in account was not found.");
        (Email, Confirmed) = (user.Email ?? "", user.EmailConfirmed);
        return user;
    }
}
