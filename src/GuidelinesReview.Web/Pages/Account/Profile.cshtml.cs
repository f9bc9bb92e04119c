using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

public sealed class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public ProfileFields Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Profile = ProfileFields.From(user);
        await DescribeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.ClearValidationState(nameof(Password));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Password) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!ModelState.IsValid)
        {
            await DescribeAsync(user);
            return Page();
        }

        Profile.ApplyTo(user);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your profile was saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Profile) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Profile = ProfileFields.From(user);
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Flash"] = "Your password was changed.";
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New",
                    error.Code == "PasswordMismatch" ? "The current password is not correct." : error.Description);
            }
        }

        await DescribeAsync(user);
        return Page();
    }

    private async Task DescribeAsync(AppUser user)
    {
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.DisplayName).ToList();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "The new password must be 10 to 200 characters long.")]
        public string New { get; set; } = "";
    }
}
