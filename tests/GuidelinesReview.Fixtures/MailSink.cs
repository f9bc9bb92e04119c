using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using MimeKit;

namespace GuidelinesReview.Fixtures;

/// <summary>A mail the sink caught, parsed as a mail program would.</summary>
public sealed record SunkMail(MimeMessage Message)
{
    public string To => Message.To.Mailboxes.Single().Address;
    public string Subject => Message.Subject ?? "";
    public string? Kind => Message.Headers["X-GuidelinesReview-Kind"];
    public string Text => Message.TextBody ?? "";
    public string? Html => Message.HtmlBody;
    public HeaderList Headers => Message.Headers;

    /// <summary>The language the mail says it is in (a Content-* header, so on the top-level body).</summary>
    public string? ContentLanguage => Message.Body?.Headers[HeaderId.ContentLanguage];
}

/// <summary>
/// The local SMTP sink (maildev from scripts/mail-sink, on loopback ports of its own, with a mail
/// folder of its own), started and stopped by the tests. Mail is read back from its HTTP API and
/// parsed with MimeKit, so tests see the message as sent, headers and parts included.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private static readonly string MaildevScript = Path.Combine(RepoPaths.Root, "scripts", "mail-sink", "node_modules", "maildev", "dist", "bin", "maildev.js");

    private readonly Process process;
    private readonly HttpClient api;
    private readonly string directory;

    private MailSink(Process process, int smtpPort, int webPort, string directory)
    {
        this.process = process;
        this.directory = directory;
        SmtpPort = smtpPort;
        WebPort = webPort;
        api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    /// <summary>A loopback port free right now (for a sink started later on it, or for nothing to listen on).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a sink and returns once it accepts SMTP and answers on its API.</summary>
    public static async Task<MailSink> StartAsync(int? smtpPort = null)
    {
        if (!File.Exists(MaildevScript))
        {
            throw new InvalidOperationException($"The mail sink is not installed: run `npm ci` in scripts/mail-sink (scripts/test.sh does). Looked for {MaildevScript}.");
        }

        var smtp = smtpPort ?? FreePort();
        var web = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "gr-mail-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { MaildevScript, "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", directory, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for the mail sink.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sink = new MailSink(process, smtp, web, directory);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The mail sink exited at start with code {process.ExitCode} (is port {smtp} taken?).");
            }

            if (await sink.ReadyAsync())
            {
                return sink;
            }

            if (DateTime.UtcNow > deadline)
            {
                await sink.DisposeAsync();
                throw new TimeoutException("The mail sink did not start within 60 seconds.");
            }

            await Task.Delay(100);
        }
    }

    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
            return (await api.GetAsync("api/healthz")).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is SocketException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every mail caught so far, oldest first.</summary>
    public async Task<IReadOnlyList<SunkMail>> AllAsync()
    {
        var list = await api.GetFromJsonAsync<List<Entry>>("api/email") ?? [];
        var mails = new List<SunkMail>();
        foreach (var entry in list)
        {
            await using var source = await api.GetStreamAsync($"api/email/{entry.Id}/source");
            mails.Add(new SunkMail(await MimeMessage.LoadAsync(source)));
        }

        return mails;
    }

    /// <summary>Mail to <paramref name="to"/> (of <paramref name="kind"/> when given), as soon as one is there.</summary>
    public async Task<SunkMail> WaitForAsync(string to, string? kind = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = (await AllAsync()).LastOrDefault(m => Matches(m, to, kind));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {kind ?? "mail"} to {to} reached the sink within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>How many mails to <paramref name="to"/> (of <paramref name="kind"/> when given) the sink has.</summary>
    public async Task<int> CountAsync(string to, string? kind = null) => (await AllAsync()).Count(m => Matches(m, to, kind));

    private static bool Matches(SunkMail mail, string to, string? kind) =>
        mail.Message.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (kind is null || mail.Kind == kind);

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the rest of the temp folder.
        }
    }

    private sealed record Entry([property: JsonPropertyName("id")] string Id);
}
