using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.OrganisationSignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>Where the provider's answer lands (through Identity's external cookie): sign in, create from an invitation, or link.</summary>
[AllowAnonymous]
[RequiresOrganisationSignIn]
public sealed class ExternalCallbackModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ExternalSignInService service) : PageModel
{
    public string? Problem { get; private set; }

    public bool Linking { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (await signIn.GetExternalLoginInfoAsync() is not { } login)
        {
            return Refuse("There is no organisation sign-in to finish here. Start again from the sign-in page.", StatusCodes.Status400BadRequest);
        }

        var outcome = await service.SignInAsync(login, ct);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (outcome.Refusal is { } refusal)
        {
            return Refuse(refusal, StatusCodes.Status403Forbidden);
        }

        TempData["Flash"] = $"Signed in with your organisation as {outcome.User!.DisplayName}.";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/guidelines");
    }

    public async Task<IActionResult> OnGetLinkAsync()
    {
        Linking = true;
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // The expected user id was put in the protected state when the link was started after the password check.
        var login = await signIn.GetExternalLoginInfoAsync(user.Id);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (login is null)
        {
            return Refuse("Linking needs a fresh sign-in: start from \"Link your organisation account\" on your profile page and enter your password.", StatusCodes.Status400BadRequest);
        }

        var outcome = await service.LinkAsync(user, login);
        if (outcome.Refusal is { } refusal)
        {
            return Refuse(refusal, StatusCodes.Status409Conflict);
        }

        TempData["Flash"] = "Your organisation account is linked: you can sign in with it from now on.";
        return RedirectToPage("/Account/Profile");
    }

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
