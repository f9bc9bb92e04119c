using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GuidelinesReview.TestIdentityProvider;

/// <summary>
/// The provider as an app: OpenIddict's authorization server with the authorization code flow and
/// PKCE, ephemeral keys, and a sign-in page where the person says who they are. Tests build it in
/// their own process (<see cref="Build"/>, then StartAsync on a loopback port); scripts/run.sh and
/// the e2e tests run it as a process.
/// </summary>
public static class TestProvider
{
    /// <summary>Form fields of the sign-in page, sent back to the authorization endpoint with the original request.</summary>
    public const string EmailField = "tip_email";
    public const string NameField = "tip_name";
    public const string VerifiedField = "tip_verified";
    public const string RolesField = "tip_roles";
    public const string CancelField = "tip_cancel";

    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = builder.Configuration.GetSection(ProviderOptions.SectionName).Get<ProviderOptions>() ?? new ProviderOptions();
        builder.Services.Configure<ProviderOptions>(builder.Configuration.GetSection(ProviderOptions.SectionName));
        var databasePath = string.IsNullOrWhiteSpace(options.DatabasePath)
            ? Path.Combine(Path.GetTempPath(), $"gr-test-provider-{Guid.NewGuid():N}.db")
            : options.DatabasePath;

        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite($"Data Source={databasePath}");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(options.Issuer));
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                o.RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);

                // Keys live as long as the process: nothing signed here should outlive a test run.
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();

                // Loopback HTTP only; the app under test talks to it without TLS in Development.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        builder.Services.AddHostedService<ClientRegistration>();

        var app = builder.Build();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        app.MapGet("/", () => Results.Text("GuidelinesReview test identity provider (OpenIddict). Not for production use.", "text/plain"));
        return app;
    }

    private static IResult Authorize(HttpContext context, IOptions<ProviderOptions> options)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return Results.Content(SignInPage.Render(request), "text/html; charset=utf-8");
        }

        if (request[CancelField] is not null)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person cancelled the sign-in.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var email = ((string?)request[EmailField])?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return Results.Content(SignInPage.Render(request, "Type an email address."), "text/html; charset=utf-8");
        }

        var name = ((string?)request[NameField])?.Trim() is { Length: > 0 } typed ? typed : email;
        var verified = string.Equals((string?)request[VerifiedField], "true", StringComparison.OrdinalIgnoreCase);
        var roles = ((string?)request[RolesField] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        var objectId = StableId(email);
        identity.AddClaim(new Claim(Claims.Subject, objectId));
        identity.AddClaim(new Claim("oid", objectId));
        identity.AddClaim(new Claim("tid", options.Value.TenantId));
        identity.AddClaim(new Claim(Claims.Name, name));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim("roles", role));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The same person gets the same subject every time, as an Entra object id would.</summary>
    public static string StableId(string email) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant()))[..16]).ToString();
}
