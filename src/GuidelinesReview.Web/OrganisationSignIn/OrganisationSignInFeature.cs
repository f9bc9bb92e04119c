using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidelinesReview.Web.OrganisationSignIn;

/// <summary>
/// Sign-in with an organisation's Microsoft Entra ID (Microsoft.Identity.Web), beside the local
/// accounts. The OpenID Connect handler only signs in to Identity's external cookie; the callback
/// page decides which account that is, and the app's own cookie stays the one every page reads.
/// Off (no scheme, no button, the pages answer 404) when <c>AzureAd:ClientId</c> is empty.
/// </summary>
public static class OrganisationSignInFeature
{
    public const string AzureAdSection = "AzureAd";
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddOrganisationSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(OrganisationSignInOptions.SectionName);
        var options = section.Get<OrganisationSignInOptions>() ?? new OrganisationSignInOptions();
        services.Configure<OrganisationSignInOptions>(section);
        services.AddScoped<ExternalSignInService>();

        var azureAd = configuration.GetSection(AzureAdSection);
        var enabled = !string.IsNullOrWhiteSpace(azureAd["ClientId"]);
        services.AddSingleton(new OrganisationSignInState(enabled, options.DisplayName, enabled ? ProviderOrigin(azureAd, options.TestProvider) : null));
        if (!enabled)
        {
            return services;
        }

        if (OrganisationSignInRules.CheckRoleMap(options.RoleMap) is { Count: > 0 } problems)
        {
            throw new StartupRefusedException(string.Join(" ", problems));
        }

        var testProvider = options.TestProvider;
        if (testProvider.IsSet && !(environment.IsDevelopment() || environment.IsEnvironment("Testing")))
        {
            throw new StartupRefusedException(
                $"{OrganisationSignInOptions.SectionName}:TestProvider is set, but it turns off the HTTPS and Entra issuer checks and is allowed only in Development or Testing (this is {environment.EnvironmentName}). Remove it, and configure {AzureAdSection} for your Entra tenant (docs/sign-in.md).");
        }

        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(azureAd, Scheme, cookieScheme: null, displayName: options.DisplayName);

        // After Identity.Web's own configuration of the scheme, which these settings override.
        services.Configure<OpenIdConnectOptions>(Scheme, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;

            // The authorization code flow with PKCE: Identity.Web asks for "code id_token" (hybrid), which
            // puts an ID token in the browser's answer; the code alone is redeemed over the back channel.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Events.OnRemoteFailure = ExternalSignInFailures.HandleAsync;
            if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            {
                // Plain HTTP on loopback: the correlation and nonce cookies default to Secure and SameSite=None.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            }

            if (testProvider.IsSet)
            {
                // Identity.Web merges its own RequireHttpsMetadata with |= and appends /v2.0 to the
                // authority, so both are set here, on the scheme's options, for the test provider only.
                o.RequireHttpsMetadata = false;
                o.MetadataAddress = testProvider.MetadataAddress;
                var issuer = testProvider.Issuer;
                o.TokenValidationParameters.IssuerValidator = (tokenIssuer, _, _) => tokenIssuer == issuer
                    ? tokenIssuer
                    : throw new SecurityTokenInvalidIssuerException($"The issuer '{tokenIssuer}' is not the configured test issuer.") { InvalidIssuer = tokenIssuer };
            }
        });
        return services;
    }

    /// <summary>Where the sign-in form's answer redirects the browser: the test provider, or the Entra instance.</summary>
    private static string ProviderOrigin(IConfigurationSection azureAd, TestProviderOptions testProvider)
    {
        var address = testProvider.IsSet ? testProvider.MetadataAddress : azureAd["Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/";
        return Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new StartupRefusedException($"{AzureAdSection}:Instance (or the test provider's MetadataAddress) must be an absolute address such as https://login.microsoftonline.com/; \"{address}\" is not.");
    }
}

/// <summary>
/// Whether organisation sign-in is configured, the button's words, and the provider's origin: the
/// pages' Content-Security-Policy must let a form post be redirected there (form-action).
/// </summary>
public sealed record OrganisationSignInState(bool Enabled, string DisplayName, string? ProviderOrigin = null);
