using GuidelinesReview.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app sending real mail over SMTP to a sink of its own (maildev on loopback), on a test
/// clock, with retries a second apart so the tests need not wait minutes.
/// </summary>
public class MailAppFactory : AppFactory
{
    public MailAppFactory() : this(sink: MailSink.StartAsync().GetAwaiter().GetResult(), smtpPort: null)
    {
    }

    /// <param name="sink">The sink the app sends to; null for an app whose mail server is down (nothing on <paramref name="smtpPort"/>).</param>
    protected MailAppFactory(MailSink? sink, int? smtpPort, int maxAttempts = 50)
    {
        Sink = sink;
        SmtpPort = smtpPort ?? sink!.SmtpPort;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The sink that catches the app's mail; null while the mail server is "down".</summary>
    public MailSink? Sink { get; protected set; }

    /// <summary>Where links in mail point; tests follow them on the test server by path.</summary>
    public const string PublicBaseUrl = "http://review.test";

    public int SmtpPort { get; }
    public int MaxAttempts { get; }
    public TestClock Clock { get; } = new();

    public MailSink Mail => Sink ?? throw new InvalidOperationException("No sink is running for this app.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GuidelinesReview:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("GuidelinesReview:Mail:Enabled", "true");
        builder.UseSetting("GuidelinesReview:Mail:Host", "127.0.0.1");
        builder.UseSetting("GuidelinesReview:Mail:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:Mail:Security", "None");
        builder.UseSetting("GuidelinesReview:Mail:FromAddress", "consultations@review.test");
        builder.UseSetting("GuidelinesReview:Mail:PollSeconds", "1");
        builder.UseSetting("GuidelinesReview:Mail:FirstRetryDelaySeconds", "1");
        builder.UseSetting("GuidelinesReview:Mail:MaxRetryDelaySeconds", "1");
        builder.UseSetting("GuidelinesReview:Mail:TimeoutSeconds", "5");
        builder.UseSetting("GuidelinesReview:Mail:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        var sink = Sink;
        Sink = null;
        sink?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

[CollectionDefinition(Name)]
public sealed class MailAppCollection : ICollectionFixture<MailAppFactory>
{
    public const string Name = "app sending mail to a sink";
}
