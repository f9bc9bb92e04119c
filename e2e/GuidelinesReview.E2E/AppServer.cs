using GuidelinesReview.Fixtures;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// The real app, started as its own process on a free loopback port with the sample content,
/// a fresh SQLite database and the Development demo accounts; and one Debian Chromium.
/// </summary>
public class AppServer : IAsyncLifetime
{
    /// <summary>A content folder to start with instead of the repository's content/ (null: the repository's).</summary>
    protected virtual string? ContentPath => null;

    /// <summary>Settings given to the app as environment variables ("Section__Key"); by default mail stays queued, unsent.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["GuidelinesReview__Mail__Enabled"] = "false" };

    public const string Password = "review-demo-2026";
    public const string SampleSlug = "people-centred-smart-cities";

    private readonly StringBuilder log = new();
    private Process? process;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "gr-e2e", Guid.NewGuid().ToString("N"));
    public IBrowser Browser { get; private set; } = null!;
    public TimeSpan StartupTime { get; private set; }

    public static string RepoRoot => RepoPaths.Root;
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot, "e2e", "artifacts")).FullName;

    public virtual async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Directory.CreateDirectory(DataDirectory);
        var configuration = typeof(AppServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "BuildConfiguration").Value!;
        var webProject = Path.Combine(RepoRoot, "src", "GuidelinesReview.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "GuidelinesReview.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["GuidelinesReview__DataDirectory"] = DataDirectory;
        if (ContentPath is not null)
        {
            start.Environment["GuidelinesReview__ContentPath"] = ContentPath;
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The tests set up the consultation windows they need; the sample public one would change v3's rules.
        start.Environment["GuidelinesReview__SamplePublicConsultationDays"] = "0";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        await BeforeAppStartsAsync(start.Environment);

        Current = this;
        var clock = Stopwatch.StartNew();
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync(clock);

        // Two e2e classes run at once on a 2-core machine, and another class's app or browser
        // starting can hold a live update back for seconds: wait up to 15 s (not 5) for what a
        // person would see. A broken feature still fails: what never comes is never seen.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        // One sign-in before any test, so the first test does not pay for the browser's and the
        // app's first requests (JIT, first database reads) inside its own timeouts.
        var warmUp = await NewPageAsync(signInAs: "observer");
        await warmUp.Context.CloseAsync();
    }

    /// <summary>What a subclass starts beside the app (e.g. an identity provider) and the settings it gives the app.</summary>
    protected virtual Task BeforeAppStartsAsync(IDictionary<string, string?> environment) => Task.CompletedTask;

    private async Task WaitUntilServingAsync(Stopwatch clock)
    {
        using var http = new HttpClient();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Log}");
            }

            try
            {
                var response = await http.GetAsync(BaseUrl + "/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartupTime = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not answer within 90 s:\n{Log}");
    }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>A fresh browser context (own cookies), optionally signed in as a demo account.</summary>
    public async Task<IPage> NewPageAsync(string? signInAs = null, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce, // no smooth scrolling: screenshots show where the page settles
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = BaseUrl });
        var page = await context.NewPageAsync();
        if (signInAs is not null)
        {
            await SignInAsync(page, signInAs);
        }

        return page;
    }

    /// <summary>The server the latest fixture started, for diagnostics in static helpers.</summary>
    private static AppServer? Current { get; set; }

    public static async Task SignInAsync(IPage page, string who)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync($"{who}@demo.local");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        try
        {
            // The address and the page's heading are what tell a sign-in worked. Both are polled:
            // waiting on Playwright's navigation and load-state events hung twice in CI although the
            // page was there (its client can miss an event that arrives while it subscribes).
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/guidelines$"), new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            var alert = await page.Locator(".alert, .validation-summary-errors, .text-danger").AllInnerTextsAsync();
            throw new TimeoutException($"Signing in as {who} did not reach /guidelines: the page is {page.Url}, showing \"{string.Join(" / ", alert)}\". Server log:\n{Current?.Log}", e);
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = false });

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AppServerCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app server";
}

/// <summary>The app with the sample guideline's v1 and v2 only, so a test can publish v3 itself.</summary>
public sealed class TwoVersionServer : AppServer
{
    private readonly string content = Path.Combine(Path.GetTempPath(), "gr-e2e-content", Guid.NewGuid().ToString("N"));

    protected override string? ContentPath => content;

    public static string SampleFile(string name) => Path.Combine(RepoPaths.Content, "guidelines", SampleSlug, name);

    public override Task InitializeAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(content, "guidelines", SampleSlug)).FullName;
        foreach (var name in new[] { "guideline.yml", "v1.md", "v2.md" })
        {
            File.Copy(SampleFile(name), Path.Combine(folder, name));
        }

        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(content, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoVersionCollection : ICollectionFixture<TwoVersionServer>
{
    public const string Name = "two-version app server";
}
