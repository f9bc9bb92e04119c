namespace GuidelinesReview.Core.Accounts;

/// <summary>What an organisation's identity provider said about a person in its ID token.</summary>
/// <param name="Email">The address the provider gave, if any.</param>
/// <param name="EmailVerified">Whether the provider vouches that the address is the person's (see docs/sign-in.md for Entra).</param>
/// <param name="Name">The display name the provider gave.</param>
/// <param name="Roles">The app roles in the token (<c>roles</c>): only mapped through the configured role map.</param>
public sealed record ExternalIdentity(string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> Roles);

/// <summary>Why an organisation sign-in came back without a usable answer from the provider.</summary>
public enum ExternalSignInFailure
{
    /// <summary>The provider error or the exception was not one of the cases below.</summary>
    Provider,

    /// <summary>The <c>state</c> parameter could not be read: altered, or from another site.</summary>
    State,

    /// <summary>The browser did not carry the cookie that ties the answer to the request it made.</summary>
    Correlation,

    /// <summary>The provider refused to redeem the code: used already, expired or not issued for this request.</summary>
    CodeRejected,

    /// <summary>The ID token came from an issuer the app does not trust.</summary>
    Issuer,

    /// <summary>The person cancelled at the provider, or it denied access.</summary>
    Cancelled,
}

/// <summary>
/// The rules of organisation sign-in, apart from the protocol: which provider roles may become
/// platform roles, and whether a first sign-in may use an invitation. Nobody gets a role because
/// the provider says so, only through an invitation or an explicitly configured map.
/// </summary>
public static class OrganisationSignInRules
{
    /// <summary>
    /// The platform roles a provider's app role may map to: the reading and commenting roles. The
    /// secretariat's, moderators', note-takers' and administrators' powers are given on the platform.
    /// </summary>
    public static readonly IReadOnlyList<string> MappableRoles = [Roles.Expert, Roles.Observer, Roles.Translator];

    /// <summary>Every problem of a configured role map (token role → platform role), in words for the operator.</summary>
    public static IReadOnlyList<string> CheckRoleMap(IReadOnlyDictionary<string, string> map) =>
        map.Where(entry => !MappableRoles.Contains(entry.Value, StringComparer.Ordinal))
            .Select(entry => $"GuidelinesReview:OrganisationSignIn:RoleMap:{entry.Key} is \"{entry.Value}\"; a provider's role may map only to {string.Join(", ", MappableRoles)}.")
            .ToList();

    /// <summary>The platform roles the token's app roles map to; roles not in the map give nothing.</summary>
    public static IReadOnlyList<string> MappedRoles(IEnumerable<string> tokenRoles, IReadOnlyDictionary<string, string> map) =>
        tokenRoles
            .Select(role => map.TryGetValue(role, out var platformRole) ? platformRole : null)
            .OfType<string>()
            .Where(role => MappableRoles.Contains(role, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Why the identity cannot be matched to an invitation by its address, or null when it can:
    /// the address must be there and vouched for by the provider, since an invitation is for an address.
    /// </summary>
    public static string? AddressProblem(ExternalIdentity identity) => identity switch
    {
        { Email: null or "" } => "Your organisation's sign-in did not say which email address you use, so it cannot be matched to an invitation. Ask the secretariat for an invitation and create an account with a password from its link.",
        { EmailVerified: false } => $"Your organisation's sign-in did not confirm that {identity.Email} is your address, so it cannot be matched to an invitation. Ask the secretariat for an invitation and create an account with a password from its link.",
        _ => null,
    };

    /// <summary>The sentence for a first sign-in whose verified address has no open invitation.</summary>
    public static string NoInvitation(string email) =>
        $"No invitation for {email}. Ask the secretariat to invite this address, then sign in with your organisation again.";

    /// <summary>The sentence for a first sign-in whose address already has an account that is not linked to it.</summary>
    public static string AccountExists(string email) =>
        $"An account for {email} already exists. Sign in with its password, then choose \"Link your organisation account\" on your profile page.";

    /// <summary>The sentence for linking an organisation account already linked to another platform account.</summary>
    public const string LinkedElsewhere =
        "This organisation account is already linked to another account on the platform. Sign in with it, or remove the link there first.";

    /// <summary>The sentence shown for a failed round trip; never the provider's raw error.</summary>
    public static string Describe(ExternalSignInFailure failure) => failure switch
    {
        ExternalSignInFailure.State => "The answer from your organisation's sign-in was altered or does not belong to this site, so it was not accepted. Start again from the sign-in page.",
        ExternalSignInFailure.Correlation => "The sign-in could not be tied to this browser (its cookie was missing or expired). Make sure cookies are allowed for this site, then start again from the sign-in page.",
        ExternalSignInFailure.CodeRejected => "Your organisation's sign-in refused to complete it: the sign-in had already been used or had expired. Start again from the sign-in page.",
        ExternalSignInFailure.Issuer => "The sign-in came from an identity provider this site does not trust, so it was not accepted. Tell the platform's administrators.",
        ExternalSignInFailure.Cancelled => "The sign-in was cancelled or your organisation did not allow it. You can start again, or sign in with your password.",
        _ => "Your organisation's sign-in did not complete. Start again from the sign-in page; if it keeps failing, tell the platform's administrators.",
    };

    /// <summary>Reads the reason from the failure page's address; anything unknown is a general provider failure.</summary>
    public static ExternalSignInFailure ParseFailure(string? reason) =>
        Enum.TryParse<ExternalSignInFailure>(reason, ignoreCase: true, out var failure) && Enum.IsDefined(failure) ? failure : ExternalSignInFailure.Provider;
}
