using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>
/// Registration for a public consultation, open while a public window is. Every accepted request
/// answers with the same sentence, whether or not the address already had an account.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(RegistrationService registrations, RegistrationLimiter limiter) : PageModel
{
    [BindProperty]
    public ProfileFields Profile { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
    [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be 10 to 200 characters long.")]
    public string Password { get; set; } = "";

    public IReadOnlyList<OpenConsultation> Open { get; private set; } = [];
    public OpenConsultation? Next { get; private set; }

    /// <summary>The registration went through (or looked as if it did: the address may have had an account).</summary>
    public bool Done { get; private set; }

    public string CheckYourMail => PublicRegistrationRules.CheckYourMail;

    public async Task OnGetAsync(CancellationToken ct) => (Open, Next) = await registrations.ConsultationsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Open, Next) = await registrations.ConsultationsAsync(ct);
        if (Open.Count == 0)
        {
            return Page(); // the page says no consultation is open, and when the next opens
        }

        if (limiter.Acquire(HttpContext, Email ?? "") is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await registrations.RegisterAsync(Email!, new NewAccount(
            Profile.DisplayName, Profile.Organisation ?? "", Profile.StakeholderGroup!.Value, Profile.Region, Password), ct);
        foreach (var problem in problems)
        {
            ModelState.AddModelError("", problem);
        }

        Done = problems.Count == 0;
        return Page();
    }
}
