namespace GuidelinesReview.TestIdentityProvider;

/// <summary>Settings under "TestProvider": who the provider is and which apps may use it.</summary>
public sealed class ProviderOptions
{
    public const string SectionName = "TestProvider";

    /// <summary>The issuer written into every token and the discovery document, e.g. "http://127.0.0.1:5100/".</summary>
    public string Issuer { get; set; } = "http://127.0.0.1:5100/";

    /// <summary>The tenant id put in the <c>tid</c> claim, as Entra does.</summary>
    public string TenantId { get; set; } = "7e57a000-0000-4000-8000-000000000001";

    /// <summary>SQLite file for OpenIddict's stores (applications, authorization codes); a temporary file when empty.</summary>
    public string? DatabasePath { get; set; }

    public List<ProviderClient> Clients { get; set; } = [];
}

/// <summary>An app allowed to sign people in here (authorization code + PKCE, confidential).</summary>
public sealed class ProviderClient
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
