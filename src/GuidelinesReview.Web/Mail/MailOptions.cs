using GuidelinesReview.Core.Mail;

namespace GuidelinesReview.Web.Mail;

/// <summary>How the mail server is reached: None (plain, a local sink only), STARTTLS on a submission port, or TLS from the first byte (port 465).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Settings under "GuidelinesReview:Mail" (docs/mail.md lists them with examples).</summary>
public sealed class MailOptions
{
    public const string SectionName = "GuidelinesReview:Mail";

    /// <summary>
    /// Off: mail is still queued (nothing a person asked for is lost) but nothing is sent until
    /// it is turned on. Off by default, so an app with no mail server configured does not keep
    /// knocking at one.
    /// </summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Sign-in name at the mail server; none when empty.</summary>
    public string? User { get; set; }

    /// <summary>Best given as the environment variable GuidelinesReview__Mail__Password, so it is not in a file.</summary>
    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@localhost";
    public string FromName { get; set; } = "GuidelinesReview";

    /// <summary>Attempts before a mail is marked failed (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first retry; each later one waits twice as long, at most <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int FirstRetryDelaySeconds { get; set; } = 30;

    public int MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>How often the sender looks for due mail when nothing woke it (a retry falling due, another instance's queue).</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Seconds the mail server may take to answer one step before the attempt counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Password-reset requests allowed per client address per hour (a venue shares one address).</summary>
    public int ResetRequestsPerAddressPerHour { get; set; } = 30;

    /// <summary>Password-reset requests allowed per e-mail address per hour, whether or not it has an account.</summary>
    public int ResetRequestsPerEmailPerHour { get; set; } = 3;

    /// <summary>How long an address-confirmation link works.</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a password-reset link works: short, as it opens the account.</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    public RetrySchedule Retries => new(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds), TimeSpan.FromSeconds(MaxRetryDelaySeconds));
}
