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
/// The address-confirmation link. Opening it only shows a button: mail scanners open links to
/// check them, and must not use up the link before the person does.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(AccountMails mails, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<MailOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>Why the link does not work, in words; null when it does.</summary>
    public string? Problem { get; private set; }

    /// <summary>The link was made for a real account and only ran out: a new one may be sent to that account's address.</summary>
    public bool CanSendNewLink { get; private set; }

    public string? Email { get; private set; }

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is not { } user)
        {
            return Page();
        }

        if (!await mails.ConfirmAddressAsync(user, Code!))
        {
            Problem = "The address could not be confirmed just now; nothing was changed. Open the link again.";
            return Page();
        }

        if (users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user); // the stamp changed: keep this browser signed in
        }

        TempData["Flash"] = $"Thank you: {user.Email} is confirmed.";
        return RedirectToPage(signIn.IsSignedIn(User) ? "/Guidelines/Index" : "/Account/Login");
    }

    public async Task<IActionResult> OnPostNewLinkAsync(CancellationToken ct)
    {
        if (await CheckAsync() is null && CanSendNewLink)
        {
            var user = (await users.FindByIdAsync(UserId!))!;
            await mails.SendAddressConfirmationAsync(user, ct);
            TempData["Flash"] = $"A new confirmation link is on its way to {user.Email}.";
            return RedirectToPage("/Account/Login");
        }

        return Page();
    }

    private async Task<AppUser?> CheckAsync()
    {
        var (user, check) = await mails.CheckLinkAsync(UserId, Code, UserManager<AppUser>.ConfirmEmailTokenPurpose);
        Email = user?.Email;
        if (user is { EmailConfirmed: true })
        {
            Problem = $"This link has been used: {user.Email} is already confirmed. Sign in as usual.";
            return null;
        }

        CanSendNewLink = check is TokenCheck.Expired or TokenCheck.Used;
        Problem = check switch
        {
            TokenCheck.Valid => null,
            TokenCheck.Expired => $"This confirmation link has expired: a link works for {options.Value.ConfirmationLinkLifetime.TotalHours:0} hours. Ask for a new one below.",
            TokenCheck.Used => "This confirmation link no longer works: the account changed after it was sent. Ask for a new one below.",
            _ => "This confirmation link is not valid. Copy the whole link from the mail, or ask the secretariat for help.",
        };
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return user;
    }
}
