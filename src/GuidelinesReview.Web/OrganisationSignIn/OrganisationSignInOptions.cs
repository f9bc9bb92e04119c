namespace GuidelinesReview.Web.OrganisationSignIn;

/// <summary>Settings under "GuidelinesReview:OrganisationSignIn"; the provider itself is configured in "AzureAd".</summary>
public sealed class OrganisationSignInOptions
{
    public const string SectionName = "GuidelinesReview:OrganisationSignIn";

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation";

    /// <summary>
    /// Whether a verified address with no invitation may create an account with only what an open
    /// public consultation grants (see <see cref="ExternalSignInService.CreateWithoutInvitationAsync"/>).
    /// </summary>
    public bool CreateAccountsWithoutInvitation { get; set; }

    /// <summary>A provider's app role (the token's <c>roles</c>) → the platform role it gives; only Expert, Observer or Translator.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>How long after re-entering the password the organisation account must come back to be linked.</summary>
    public TimeSpan FreshSignInWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A non-Entra provider on loopback (Development and tests only; refused elsewhere).</summary>
    public TestProviderOptions TestProvider { get; set; } = new();
}

/// <summary>
/// What Identity.Web needs to talk to a provider that is not Entra: its discovery document's
/// address (Identity.Web would append /v2.0 to the authority), HTTP metadata, and its exact issuer.
/// </summary>
public sealed class TestProviderOptions
{
    public string? MetadataAddress { get; set; }
    public string? Issuer { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(Issuer);
}
