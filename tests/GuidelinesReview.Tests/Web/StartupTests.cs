using System.Diagnostics;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

public sealed class StartupTests
{
    [Fact]
    public async Task In_production_no_demo_account_exists_and_content_is_still_imported()
    {
        using var app = new ProductionAppFactory();
        using var client = app.Anonymous();

        var home = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Users.CountAsync()));
        Assert.Equal(3, await app.DbAsync(db => db.DraftVersions.CountAsync()));
        var journal = await app.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });
        Assert.Equal("wal", journal);

        // The provider's bundled SQLite, not a 2021 build with known CVEs (3.35 came with EF Core 6).
        var version = Version.Parse(await app.DbAsync(db => db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS Value").SingleAsync()));
        Assert.True(version >= new Version(3, 50), $"SQLite {version} is older than 3.50");
    }

    [Fact]
    public async Task Outside_development_cookies_are_secure_only_and_hsts_is_sent()
    {
        using var app = new ProductionAppFactory();
        await app.CreateUserAsync("prod@example.org", "production-password", Roles.Expert);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://review.example.org") });

        var login = await client.GetAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "prod@example.org",
            ["Input.Password"] = "production-password",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_create_admin_command_makes_the_first_admin_of_a_production_installation()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var dll = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "bin", BuildConfiguration, "net10.0", "GuidelinesReview.Web.dll");

        var (exit, output) = await RunAsync(dll, data, "create-admin", "--email", "chief@example.org", "--password", "first-admin-password", "--name", "Chief Admin");
        var (exitAgain, outputAgain) = await RunAsync(dll, data, "create-admin", "--email", "chief@example.org", "--password", "first-admin-password");
        var (exitBad, outputBad) = await RunAsync(dll, data, "create-admin", "--email", "x@example.org");

        Assert.True(exit == 0, output);
        Assert.Contains("Created Admin account chief@example.org", output, StringComparison.Ordinal);
        Assert.Equal(1, exitAgain);
        Assert.Contains("already exists; nothing was changed", outputAgain, StringComparison.Ordinal);
        Assert.Equal(2, exitBad);
        Assert.Contains("usage: create-admin", outputBad, StringComparison.Ordinal);

        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(data, "guidelines.db")}").Options;
        await using var db = new AppDbContext(options);
        var users = await db.Users.ToListAsync();
        var admin = Assert.Single(users);
        Assert.Equal("Chief Admin", admin.DisplayName);
        var roles = await db.UserRoles.Where(r => r.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Roles.Admin], roles);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_production_start_without_a_usable_key_certificate_prints_what_to_set_and_no_stack_trace()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var dll = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "bin", BuildConfiguration, "net10.0", "GuidelinesReview.Web.dll");

        var pfx = TestCertificate.WritePfx(data);
        var (exit, output) = await RunAsync(dll, data, keySettings: []);
        var (exitBackup, outputBackup) = await RunAsync(dll, data, keySettings: [], "backup", Path.Combine(data, "nightly.db"));
        var (exitPassword, outputPassword) = await RunAsync(dll, data, new Dictionary<string, string>
        {
            ["GuidelinesReview__DataProtection__CertificatePath"] = pfx,
            ["GuidelinesReview__DataProtection__CertificatePassword"] = "not-the-password",
        });

        Assert.Equal(1, exit);
        Assert.StartsWith("GuidelinesReview:DataProtection:CertificatePath is not set, so the data-protection keys", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(1, exitBackup);
        Assert.StartsWith("GuidelinesReview:DataProtection:CertificatePath is not set", outputBackup, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "nightly.db")), "no backup is written by a refused start");
        Assert.Equal(1, exitPassword);
        Assert.StartsWith($"GuidelinesReview:DataProtection:CertificatePath: {pfx} could not be opened as a PFX file with the password given", outputPassword, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outputPassword, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_production_start_refuses_the_test_provider_overrides_and_a_role_map_to_a_powerful_role()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var dll = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "bin", BuildConfiguration, "net10.0", "GuidelinesReview.Web.dll");
        var organisation = new Dictionary<string, string>
        {
            ["GuidelinesReview__DataProtection__CertificatePath"] = TestCertificate.WritePfx(data),
            ["GuidelinesReview__DataProtection__CertificatePassword"] = TestCertificate.Password,
            ["AzureAd__Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd__TenantId"] = "organizations",
            ["AzureAd__ClientId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd__ClientSecret"] = "not-a-real-secret",
        };

        var (exit, output) = await RunAsync(dll, data, new Dictionary<string, string>(organisation)
        {
            ["GuidelinesReview__OrganisationSignIn__TestProvider__MetadataAddress"] = "http://127.0.0.1:5100/.well-known/openid-configuration",
            ["GuidelinesReview__OrganisationSignIn__TestProvider__Issuer"] = "http://127.0.0.1:5100/",
        });
        var (exitMap, outputMap) = await RunAsync(dll, data, new Dictionary<string, string>(organisation)
        {
            ["GuidelinesReview__OrganisationSignIn__RoleMap__Directory.Admins"] = "Admin",
        });

        Assert.Equal(1, exit);
        Assert.StartsWith("GuidelinesReview:OrganisationSignIn:TestProvider is set, but it turns off the HTTPS and Entra issuer checks and is allowed only in Development or Testing (this is Production).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(1, exitMap);
        Assert.StartsWith("GuidelinesReview:OrganisationSignIn:RoleMap:Directory.Admins is \"Admin\"; a provider's role may map only to Expert, Observer, Translator.", outputMap, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task The_backup_and_restore_commands_copy_a_production_database_into_another_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        var restored = Path.Combine(data, "restored");
        Directory.CreateDirectory(restored);
        var dll = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "bin", BuildConfiguration, "net10.0", "GuidelinesReview.Web.dll");
        var backup = Path.Combine(data, "nightly.db");
        await RunAsync(dll, data, "create-admin", "--email", "chief@example.org", "--password", "first-admin-password");

        var (exit, output) = await RunAsync(dll, data, "backup", backup);
        var (exitAgain, outputAgain) = await RunAsync(dll, data, "backup", backup);
        var (exitUsage, outputUsage) = await RunAsync(dll, data, "restore");
        var (exitRestore, outputRestore) = await RunAsync(dll, restored, "restore", backup);

        Assert.True(exit == 0, output);
        Assert.Contains($"Backed up to {backup}: ", output, StringComparison.Ordinal);
        Assert.Contains("integrity ok", output, StringComparison.Ordinal);
        Assert.Equal(1, exitAgain);
        Assert.Contains($"{backup} already exists; a backup never overwrites a file.", outputAgain, StringComparison.Ordinal);
        Assert.Equal(2, exitUsage);
        Assert.Contains("usage: restore <file>", outputUsage, StringComparison.Ordinal);
        Assert.True(exitRestore == 0, outputRestore);
        Assert.Contains($"Restored {backup}: ", outputRestore, StringComparison.Ordinal);

        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(restored, "guidelines.db")}").Options;
        await using (var db = new AppDbContext(options))
        {
            Assert.Equal("chief@example.org", (await db.Users.SingleAsync()).Email);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_database_from_before_the_schema_was_started_again_is_refused_with_what_to_do()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var path = Path.Combine(data, "guidelines.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);" +
                "INSERT INTO __EFMigrationsHistory VALUES ('20261121053249_InitialSchema', '6.0.7');" +
                "CREATE TABLE Guidelines (Id INTEGER PRIMARY KEY, Slug TEXT); INSERT INTO Guidelines (Slug) VALUES ('kept');";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var dll = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "bin", BuildConfiguration, "net10.0", "GuidelinesReview.Web.dll");
        var (exit, output) = await RunAsync(dll, data);
        Assert.Equal(1, exit);
        Assert.StartsWith($"The database {path} was made with migrations this version of the app does not know (20261121053249_InitialSchema)", output, StringComparison.Ordinal);
        Assert.Contains("move that database aside", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        // Nothing was changed in it: no table added, the row still there.
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table') || ' ' || (SELECT Slug FROM Guidelines)";
            Assert.Equal("2 kept", (string?)await command.ExecuteScalarAsync());
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void The_migrations_describe_the_current_model()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new AppDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration covers; run `dotnet ef migrations add <Name>` in src/GuidelinesReview.Web.");
    }

    [Fact]
    public async Task A_query_with_array_contains_translates_under_csharp_14()
    {
        // C# 14 binds array.Contains(x) to a MemoryExtensions span overload; EF Core before 9
        // could not translate it. This keeps a provider downgrade from slipping through.
        using var app = new CustomAppFactory();
        string[] keys = ["community", "data"];

        var found = await app.DbAsync(db => db.GuidelineTerms.Where(t => keys.Contains(t.Key)).Select(t => t.Key).Distinct().OrderBy(k => k).ToListAsync());

        Assert.Equal(["community", "data"], found);
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static Task<(int Exit, string Output)> RunAsync(string dll, string dataDirectory, params string[] args) =>
        RunAsync(dll, dataDirectory, keySettings: null, args);

    /// <summary>Runs the app's dll as Production; <paramref name="keySettings"/> null means the test certificate.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string dll, string dataDirectory, Dictionary<string, string>? keySettings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GuidelinesReview__DataDirectory"] = dataDirectory;
        start.Environment["GuidelinesReview__ContentPath"] = Path.Combine(RepoPaths.Root, "content");
        keySettings ??= new()
        {
            ["GuidelinesReview__DataProtection__CertificatePath"] = TestCertificate.WritePfx(dataDirectory),
            ["GuidelinesReview__DataProtection__CertificatePassword"] = TestCertificate.Password,
        };
        foreach (var (name, value) in keySettings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
