using GuidelinesReview.Core.Mail;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// The tokens in mailed links (address confirmation, password reset), registered with Identity
/// for both. Unlike Identity's default provider it reads the app's <see cref="TimeProvider"/>
/// (so expiry is tested on a test clock), gives each purpose its own lifetime
/// (<see cref="MailOptions.ConfirmationLinkLifetime"/>, <see cref="MailOptions.ResetLinkLifetime"/>),
/// and says why a token does not work (<see cref="CheckAsync"/>), so the page can say "expired"
/// or "already used" instead of "invalid". Tokens are URL-safe, as they travel in a link.
/// </summary>
public sealed class AccountTokenProvider(IDataProtectionProvider protection, IOptions<MailOptions> options, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "MailedLink";

    private readonly IDataProtector protector = protection.CreateProtector("GuidelinesReview.Mail.AccountTokens");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var token = new AccountToken(clock.GetUtcNow(), await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user) ?? "");
        return WebEncoders.Base64UrlEncode(protector.Protect(token.ToBytes()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user) =>
        await CheckAsync(purpose, token, manager, user) == TokenCheck.Valid;

    /// <summary>Whether <paramref name="token"/> opens <paramref name="user"/>'s account for <paramref name="purpose"/>, and if not, why.</summary>
    public async Task<TokenCheck> CheckAsync(string purpose, string? token, UserManager<AppUser> manager, AppUser user)
    {
        if (Read(token) is not { } read)
        {
            return TokenCheck.Invalid;
        }

        return read.Check(await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user) ?? "", clock.GetUtcNow(), Lifetime(purpose));
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    private TimeSpan Lifetime(string purpose) =>
        purpose == UserManager<AppUser>.ResetPasswordTokenPurpose ? options.Value.ResetLinkLifetime : options.Value.ConfirmationLinkLifetime;

    private AccountToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return AccountToken.FromBytes(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
