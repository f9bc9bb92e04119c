using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The whole app through its real HTTP pipeline, on a real SQLite file in a folder of its own,
/// with the sample content and the Development demo accounts.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public AppFactory() : this("Development")
    {
    }

    /// <param name="dataDirectory">An existing data folder to start on (to test a restart); a new one by default.</param>
    protected AppFactory(string environment, string? dataDirectory = null, int postsPerMinute = 10_000, int failedSignInsPerMinute = 10_000)
    {
        Environment = environment;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        PostsPerMinute = postsPerMinute;
        FailedSignInsPerMinute = failedSignInsPerMinute;
        keepData = dataDirectory is not null;
    }

    private readonly bool keepData;

    /// <summary>High by default so tests that post a lot do not trip it; rate-limit tests set it low.</summary>
    public int PostsPerMinute { get; }

    /// <summary>High by default: every test signs in from the same (test server) address, and some fail on purpose.</summary>
    public int FailedSignInsPerMinute { get; }

    public string Environment { get; }
    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "guidelines.db");

    public const string SampleSlug = "people-centred-smart-cities";
    public const string Password = DatabaseInitializer.DemoPassword;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("GuidelinesReview:DataDirectory", DataDirectory);
        builder.UseSetting("GuidelinesReview:ContentPath", Path.Combine(RepoPaths.Root, "content"));
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("GuidelinesReview:PostsPerMinute", PostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:FailedSignInsPerMinute", FailedSignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Only the mail tests send mail (MailAppFactory, with a sink of its own); the others queue it.
        builder.UseSetting("GuidelinesReview:Mail:Enabled", "false");
        if (!GeneratesDemoConsultation)
        {
            // Tests count what they post; the generated demo consultation would be in their way.
            builder.UseSetting("GuidelinesReview:GenerateConsultation:Users", "0");
            builder.UseSetting("GuidelinesReview:SeedDemoComments", "false");

            // Tests set up the consultation windows they need; the sample public one would change v3's rules.
            builder.UseSetting("GuidelinesReview:SamplePublicConsultationDays", "0");
        }
    }

    /// <summary>Whether the Development demo consultation (appsettings.Development.json) is generated; off for tests.</summary>
    protected virtual bool GeneratesDemoConsultation => false;

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Signs in without a cookie container and returns the Cookie header value to send (for WebSockets).</summary>
    public async Task<string> AuthCookieAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/account/login");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(request);
        var auth = response.Headers.GetValues("Set-Cookie").FirstOrDefault(c => c.StartsWith("gr.auth=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        return auth.Split(';')[0];
    }

    public async Task<HubTestClient> HubAsync(string email, string password = Password) => await HubTestClient.ConnectAsync(Server, await AuthCookieAsync(email, password));

    /// <summary>Gets the form page for its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? path);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>Creates an account directly (no invitation), for tests about what accounts can do.</summary>
    public Task CreateUserAsync(string email, string password, string role, string displayName = "Test User") => ScopedAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        return await users.AddToRoleAsync(user, role);
    });

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> use) =>
        await ScopedAsync(sp => use(sp.GetRequiredService<AppDbContext>()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Production as an operator sets it up: the data-protection keys encrypted with a certificate.</summary>
public sealed class ProductionAppFactory() : AppFactory("Production")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GuidelinesReview:DataProtection:CertificatePath", TestCertificate.WritePfx(DataDirectory));
        builder.UseSetting("GuidelinesReview:DataProtection:CertificatePassword", TestCertificate.Password);
    }
}

/// <summary>An app with extra settings (e.g. how the data-protection keys are protected), on a given data folder or a new one.</summary>
public sealed class ConfiguredAppFactory(string environment, IReadOnlyDictionary<string, string> settings, string? dataDirectory = null)
    : AppFactory(environment, dataDirectory)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>An app on a given data folder (to restart on it) or with a low posting limit.</summary>
public sealed class CustomAppFactory(string? dataDirectory = null, int postsPerMinute = 10_000, int failedSignInsPerMinute = 10_000)
    : AppFactory("Development", dataDirectory, postsPerMinute, failedSignInsPerMinute);

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
