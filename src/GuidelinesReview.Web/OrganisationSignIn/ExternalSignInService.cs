using System.Globalization;
using System.Security.Claims;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Registrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.OrganisationSignIn;

/// <summary>An account signed in or linked, or the sentence saying why not.</summary>
public sealed record ExternalSignInOutcome(AppUser? User, string? Refusal)
{
    public static ExternalSignInOutcome Refused(string refusal) => new(null, refusal);
}

/// <summary>
/// What an organisation sign-in that came back from the provider does: find the account linked to
/// that login, or create one from a pending invitation for the same verified address, or link it to
/// the signed-in account after a fresh password check. Roles come from the invitation and the
/// configured role map only, never from the provider alone.
/// </summary>
public sealed partial class ExternalSignInService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    InvitationService invitations,
    RegistrationService registrations,
    IOptions<OrganisationSignInOptions> options,
    TimeProvider clock,
    ILogger<ExternalSignInService> logger)
{
    /// <summary>Kept in the challenge's (protected) state: when the person last re-entered their password.</summary>
    public const string PasswordCheckedAtItem = "gr.password-checked-at";

    /// <summary>Reads the address, whether it is vouched for, the name and the app roles from the provider's claims.</summary>
    public static ExternalIdentity Read(ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name);
        var roles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll("roles")).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new ExternalIdentity(email?.Trim(), IsVerified(principal), name, roles);
    }

    /// <summary>
    /// OpenID Connect's <c>email_verified</c>; Entra sends none, but with the optional claim
    /// <c>xms_edov</c> it says the address's domain is verified by the person's tenant (docs/sign-in.md).
    /// Entra's <c>preferred_username</c> and a bare <c>email</c> are not proof.
    /// </summary>
    private static bool IsVerified(ClaimsPrincipal principal) =>
        IsTrue(principal.FindFirstValue("email_verified")) || IsTrue(principal.FindFirstValue("xms_edov"));

    private static bool IsTrue(string? value) => value is not null && (bool.TryParse(value, out var b) ? b : value == "1");

    /// <summary>A sign-in (not a link): the linked account, or a new one from a pending invitation.</summary>
    public async Task<ExternalSignInOutcome> SignInAsync(ExternalLoginInfo login, CancellationToken ct)
    {
        var result = await signIn.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return new(await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey), null);
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            return ExternalSignInOutcome.Refused("This account is locked or suspended. Try again later, or ask an administrator.");
        }

        var identity = Read(login.Principal);
        if (OrganisationSignInRules.AddressProblem(identity) is { } problem)
        {
            LogRefused(login.ProviderKey, identity.Email ?? "", "address not verified");
            return ExternalSignInOutcome.Refused(problem);
        }

        var email = identity.Email!;
        if (await users.FindByEmailAsync(email) is not null)
        {
            LogRefused(login.ProviderKey, email, "an unlinked account has the address");
            return ExternalSignInOutcome.Refused(OrganisationSignInRules.AccountExists(email));
        }

        var mapped = OrganisationSignInRules.MappedRoles(identity.Roles, options.Value.RoleMap);
        var info = new UserLoginInfo(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName);
        if (await invitations.FindOpenForEmailAsync(email, ct) is { } invitation)
        {
            var (user, errors) = await invitations.AcceptExternalAsync(invitation, identity.Name, mapped, info, ct);
            if (user is null)
            {
                return ExternalSignInOutcome.Refused(string.Join(" ", errors));
            }

            LogCreated(email, invitation.Role, string.Join(",", mapped));
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: login.LoginProvider);
            return new(user, null);
        }

        return options.Value.CreateAccountsWithoutInvitation
            ? await CreateWithoutInvitationAsync(identity, login, ct)
            : Refuse(login, email);
    }

    /// <summary>
    /// The one place where a verified address with no invitation may get an account: while a
    /// consultation is open to the public, with only the public role (no mapped roles: the
    /// provider grants nothing the platform did not), listed for the secretariat with the other
    /// registrations, who can suspend it. Otherwise the sign-in is refused.
    /// </summary>
    public async Task<ExternalSignInOutcome> CreateWithoutInvitationAsync(ExternalIdentity identity, ExternalLoginInfo login, CancellationToken ct)
    {
        var info = new UserLoginInfo(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName);
        var (user, errors) = await registrations.RegisterExternalAsync(identity.Email!, identity.Name, info, ct);
        if (user is null)
        {
            if (errors.Count > 0)
            {
                return ExternalSignInOutcome.Refused(string.Join(" ", errors));
            }

            LogRefused(login.ProviderKey, identity.Email!, "no invitation and no public consultation open");
            return ExternalSignInOutcome.Refused(OrganisationSignInRules.NoInvitation(identity.Email!));
        }

        LogCreated(identity.Email!, Roles.Public, "");
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: login.LoginProvider);
        return new(user, null);
    }

    private ExternalSignInOutcome Refuse(ExternalLoginInfo login, string email)
    {
        LogRefused(login.ProviderKey, email, "no open invitation");
        return ExternalSignInOutcome.Refused(OrganisationSignInRules.NoInvitation(email));
    }

    /// <summary>
    /// Links the login to the signed-in account, if the challenge was started right after the person
    /// re-entered their password, and the login belongs to no other account. Mapped roles are added.
    /// </summary>
    public async Task<ExternalSignInOutcome> LinkAsync(AppUser user, ExternalLoginInfo login)
    {
        var checkedAt = login.AuthenticationProperties?.Items.TryGetValue(PasswordCheckedAtItem, out var value) == true
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : (DateTimeOffset?)null;
        if (checkedAt is null || clock.GetUtcNow() - checkedAt > options.Value.FreshSignInWindow)
        {
            return ExternalSignInOutcome.Refused($"Linking needs a fresh sign-in: enter your password again on \"Link your organisation account\" and finish at your organisation within {options.Value.FreshSignInWindow.TotalMinutes:0} minutes.");
        }

        if (await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) is { } owner)
        {
            return owner.Id == user.Id
                ? new(user, null)
                : ExternalSignInOutcome.Refused(OrganisationSignInRules.LinkedElsewhere);
        }

        var result = await users.AddLoginAsync(user, new UserLoginInfo(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName));
        var current = await users.GetRolesAsync(user);
        var mapped = OrganisationSignInRules.MappedRoles(Read(login.Principal).Roles, options.Value.RoleMap).Except(current).ToList();
        if (result.Succeeded && mapped.Count > 0)
        {
            result = await users.AddToRolesAsync(user, mapped);
        }

        if (!result.Succeeded)
        {
            return ExternalSignInOutcome.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        LogLinked(user.Email ?? user.Id, string.Join(",", mapped));
        await signIn.RefreshSignInAsync(user);
        return new(user, null);
    }

    /// <summary>Starts the challenge for linking, with the password check's time in the protected state.</summary>
    public AuthenticationProperties LinkChallenge(string userId, string redirectUrl)
    {
        var properties = signIn.ConfigureExternalAuthenticationProperties(OrganisationSignInFeature.Scheme, redirectUrl, userId);
        properties.Items[PasswordCheckedAtItem] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return properties;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation sign-in created the account {Email} from its invitation as {Role}, mapped roles {MappedRoles}")]
    private partial void LogCreated(string email, string role, string mappedRoles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation login linked to {Account}, mapped roles {MappedRoles}")]
    private partial void LogLinked(string account, string mappedRoles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation sign-in of {ProviderKey} ({Email}) refused: {Reason}")]
    private partial void LogRefused(string providerKey, string email, string reason);
}
