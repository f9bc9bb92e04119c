using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GuidelinesReview.TestIdentityProvider;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app on a real loopback port (Kestrel) with organisation sign-in pointed at the OpenIddict
/// test provider, itself on another loopback port in this process. Both talk real HTTP, and
/// <see cref="Browser"/> follows the real redirects between them with its own cookies.
/// </summary>
public class OrganisationSignInApp : AppFactory
{
    public const string ClientId = "gr-tests";
    public const string ClientSecret = "gr-tests-secret";

    private readonly WebApplication provider;

    public OrganisationSignInApp() : this(issuerOverride: null)
    {
    }

    /// <param name="issuerOverride">An issuer the app trusts instead of the provider's own (to test a wrong issuer).</param>
    protected OrganisationSignInApp(string? issuerOverride, IReadOnlyDictionary<string, string>? extra = null)
    {
        AppPort = FreePort();
        ProviderUrl = $"http://127.0.0.1:{FreePort(AppPort)}/";
        AppUrl = $"http://127.0.0.1:{AppPort}";
        provider = TestProvider.Build([], new Dictionary<string, string?>
        {
            ["urls"] = ProviderUrl,
            ["TestProvider:Issuer"] = ProviderUrl,
            ["TestProvider:DatabasePath"] = Path.Combine(DataDirectory, "provider.db"),
            ["TestProvider:Clients:0:ClientId"] = ClientId,
            ["TestProvider:Clients:0:ClientSecret"] = ClientSecret,
            ["TestProvider:Clients:0:RedirectUris:0"] = $"{AppUrl}/signin-oidc",
        });
        provider.StartAsync().GetAwaiter().GetResult();
        settings = new Dictionary<string, string>
        {
            ["AzureAd:Instance"] = ProviderUrl,
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = ClientId,
            ["AzureAd:ClientSecret"] = ClientSecret,
            ["AzureAd:CallbackPath"] = "/signin-oidc",
            ["GuidelinesReview:OrganisationSignIn:TestProvider:MetadataAddress"] = $"{ProviderUrl}.well-known/openid-configuration",
            ["GuidelinesReview:OrganisationSignIn:TestProvider:Issuer"] = issuerOverride ?? ProviderUrl,
            ["GuidelinesReview:OrganisationSignIn:RoleMap:Guideline.Observer"] = "Observer",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, AppPort));
    }

    private readonly Dictionary<string, string> settings;

    public int AppPort { get; }
    public string AppUrl { get; }
    public string ProviderUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with its own cookies that talks to both servers over the network, like a browser.</summary>
    public Browser NewBrowser()
    {
        StartServer();
        return new Browser(new Uri(AppUrl));
    }

    private static int FreePort(int not = 0)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port != not)
            {
                return port;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        provider.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)provider).Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The app letting a verified address with no invitation register while a public consultation is open.</summary>
public sealed class PublicOrganisationSignInApp() : OrganisationSignInApp(issuerOverride: null, new Dictionary<string, string>
{
    ["GuidelinesReview:OrganisationSignIn:CreateAccountsWithoutInvitation"] = "true",
});

/// <summary>The app trusting another issuer than the one the provider writes into its tokens.</summary>
public sealed class WrongIssuerApp() : OrganisationSignInApp(issuerOverride: "https://login.example.invalid/not-the-test-provider/v2.0");

/// <summary>
/// A cookie-keeping HTTP client that follows redirects itself (so a test can stop between steps)
/// and submits HTML forms as a browser would, including OpenID Connect's form_post answer.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient client;

    public Browser(Uri appUrl)
    {
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = appUrl,
        };
    }

    public HttpClient Client => client;

    public sealed record Page(HttpStatusCode Status, Uri Address, string Html)
    {
        public IHtmlDocument Document { get; } = new HtmlParser().ParseDocument(Html);
    }

    /// <summary>GETs the address and follows redirects to the page they end on.</summary>
    public async Task<Page> GetAsync(string address) => await FollowAsync(await client.GetAsync(address));

    /// <summary>Submits a form of the page (the first whose action contains the text, if given), with some fields changed.</summary>
    public async Task<Page> SubmitAsync(Page page, string? actionContains = null, IReadOnlyDictionary<string, string>? change = null, Func<IHtmlFormElement, bool>? which = null)
    {
        var form = page.Document.Forms.First(f => (actionContains is null || (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.Ordinal)) && (which is null || which(f)));
        return await PostAsync(page, form, change);
    }

    public async Task<Page> PostAsync(Page page, IHtmlFormElement form, IReadOnlyDictionary<string, string>? change = null)
    {
        var fields = Fields(form);
        foreach (var (key, value) in change ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                fields.Remove(key);
            }
            else
            {
                fields[key] = value;
            }
        }

        return await FollowAsync(await client.PostAsync(Action(page, form), new FormUrlEncodedContent(fields)));
    }

    /// <summary>The fields a browser would send: named inputs, checkboxes only when ticked, no buttons.</summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            fields[input.Name] = input.Value;
        }

        return fields;
    }

    public static Uri Action(Page page, IHtmlFormElement form) =>
        new(page.Address, form.GetAttribute("action") is { Length: > 0 } action ? action : page.Address.PathAndQuery);

    /// <summary>Follows redirects (as GETs) until a page that is not one.</summary>
    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var address = response.RequestMessage!.RequestUri!;
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            {
                return new Page(response.StatusCode, address, await response.Content.ReadAsStringAsync());
            }

            response = await client.GetAsync(new Uri(address, response.Headers.Location));
        }

        throw new InvalidOperationException("More than 10 redirects.");
    }

    public void Dispose() => client.Dispose();
}
