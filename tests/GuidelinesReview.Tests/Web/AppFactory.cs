using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Fixtures;
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

    protected AppFactory(string environment)
    {
        Environment = environment;
        DataDirectory = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

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
    }

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

public sealed class ProductionAppFactory() : AppFactory("Production");

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
