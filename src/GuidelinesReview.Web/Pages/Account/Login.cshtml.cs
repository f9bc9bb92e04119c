using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.OrganisationSignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

[AllowAnonymous]
public sealed partial class LoginModel(AccountService accounts, SignInManager<AppUser> signIn, SignInLimiter limiter, OrganisationSignInState organisationSignIn, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>Whether the "Sign in with your organisation" button is shown, and its words.</summary>
    public OrganisationSignInState OrganisationSignIn => organisationSignIn;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    /// <summary>"Sign in with your organisation": off to the provider, back at the callback page.</summary>
    public IActionResult OnPostExternal()
    {
        if (!organisationSignIn.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalCallback", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OrganisationSignInFeature.Scheme, callback), OrganisationSignInFeature.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (limiter.Refusal(HttpContext) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/guidelines");
        }

        limiter.RecordFailure(HttpContext);

        if (result.IsLockedOut)
        {
            LogLockedOut(Input.Email);
        }

        // One sentence for a wrong password, an unknown address and a locked account: telling them
        // apart would tell a stranger which addresses have accounts (lock one by trying five times).
        ModelState.AddModelError("", FailedSignIn);

        return Page();
    }

    public const string FailedSignIn = "The email or password is not correct, or the account is locked after 5 wrong passwords in a row (it opens again after 15 minutes, or an administrator unlocks it).";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account {Email} is locked out")]
    private partial void LogLockedOut(string email);
}
