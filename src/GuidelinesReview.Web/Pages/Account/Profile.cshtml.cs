using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Notifications;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Notifications;
using GuidelinesReview.Web.OrganisationSignIn;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Pages.Account;

public sealed class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CommentSnapshots snapshots, TranslatorLanguagesService translatorLanguages, NotificationSettings notifications, IOptions<NotificationOptions> notificationOptions, OrganisationSignInState organisationSignIn) : PageModel
{
    [BindProperty]
    public ProfileFields Profile { get; set; } = new();

    /// <summary>How the person hears by mail; posted on its own form (<see cref="OnPostNotificationsAsync"/>).</summary>
    [BindProperty]
    public NotificationFrequency? Frequency { get; set; }

    public int DailyHourUtc => notificationOptions.Value.DailyHourUtc;

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>Whether the person is a Translator: then their languages are shown (set by the secretariat, not here).</summary>
    public bool IsTranslator { get; private set; }
    public IReadOnlyList<AssignedLanguage> TranslatorLanguages { get; private set; } = [];

    /// <summary>The organisation logins linked to the account, and whether it has a password besides.</summary>
    public IReadOnlyList<UserLoginInfo> Logins { get; private set; } = [];
    public bool HasPassword { get; private set; }
    public OrganisationSignInState OrganisationSignIn => organisationSignIn;

    /// <summary>Why a login could not be removed, shown beside the list.</summary>
    public string? LoginProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Profile = ProfileFields.From(user);
        Frequency = await notifications.FrequencyAsync(user.Id, HttpContext.RequestAborted);
        await DescribeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostNotificationsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Only the choice is posted with this form; a value that did not bind gets the one sentence below.
        ModelState.Clear();

        if (Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            ModelState.AddModelError(nameof(Frequency), "Mail notifications: choose immediately, once a day or never.");
        }

        if (!ModelState.IsValid)
        {
            Profile = ProfileFields.From(user);
            await DescribeAsync(user);
            return Page();
        }

        await notifications.SetAsync(user.Id, Frequency!.Value, HttpContext.RequestAborted);
        TempData["Flash"] = $"Mail notifications: {NotificationNames.Of(Frequency.Value).ToLowerInvariant()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            Frequency = await notifications.FrequencyAsync(user.Id, HttpContext.RequestAborted);
            await DescribeAsync(user);
            return Page();
        }

        Profile.ApplyTo(user);
        await users.UpdateAsync(user);
        snapshots.Clear(); // comments show the author's name and organisation
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your profile was saved.";
        return RedirectToPage();
    }

    /// <summary>Removes an organisation login, unless it is the account's only way to sign in.</summary>
    public async Task<IActionResult> OnPostRemoveLoginAsync(string loginProvider, string providerKey)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Profile = ProfileFields.From(user);
        await DescribeAsync(user);
        if (!Logins.Any(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey))
        {
            LoginProblem = "That organisation login is not linked to your account (any more).";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!HasPassword && Logins.Count == 1)
        {
            LoginProblem = "This is the only way to sign in to your account, so it cannot be removed: your account has no password.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var result = await users.RemoveLoginAsync(user, loginProvider, providerKey);
        if (!result.Succeeded)
        {
            LoginProblem = string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "The organisation login was removed.";
        return RedirectToPage();
    }

    private async Task DescribeAsync(AppUser user)
    {
        Logins = (await users.GetLoginsAsync(user)).ToList();
        HasPassword = await users.HasPasswordAsync(user);
        Email = user.Email ?? "";
        var roles = await users.GetRolesAsync(user);
        RoleNames = roles.Select(Roles.DisplayName).ToList();
        IsTranslator = roles.Contains(Roles.Translator);
        TranslatorLanguages = IsTranslator ? await translatorLanguages.OfAsync(user.Id, HttpContext.RequestAborted) : [];
    }
}
