using GuidelinesReview.Web.Backups;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>Settings under "GuidelinesReview" in configuration.</summary>
public sealed class AppOptions
{
    public const string SectionName = "GuidelinesReview";

    /// <summary>Folder with guidelines/ (and later meetings/); relative to the content root.</summary>
    public string ContentPath { get; set; } = "../../content";

    /// <summary>Folder that holds the SQLite database; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "../../data";

    /// <summary>
    /// How long, in milliseconds, SQLite itself waits for another connection's write lock before a
    /// statement fails with SQLITE_BUSY (see <see cref="Data.SqliteBusyTimeout"/>); 0 leaves it unset,
    /// and the provider's 150 ms retries are all there is. On by default, as long as the provider's
    /// own timeout (30 s): a save that meets another write then waits milliseconds, not 150 ms, which
    /// cut the breakout-room load run's p99 (README, "Measured").
    /// </summary>
    public int SqliteBusyTimeoutMs { get; set; } = 30_000;

    /// <summary>Create one demo account per role at start-up. Honoured in Development only.</summary>
    public bool SeedDemoAccounts { get; set; } = true;

    /// <summary>Seed the demo comments and decisions on the sample's earlier drafts (content/demo/comments.yml). Development only.</summary>
    public bool SeedDemoComments { get; set; } = true;

    /// <summary>How many comments (posts and edits) one person may send per minute, over HTTP and the hub together.</summary>
    public int PostsPerMinute { get; set; } = 30;

    /// <summary>Origins, besides the app's own, allowed to open the real-time connection (e.g. "https://review.example.org").</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Failed sign-ins (wrong password, locked account, unknown invitation link) allowed per
    /// client address per minute; successful ones are not counted, so a venue behind one address
    /// signs in freely. Then the address is refused until older failures are a minute old.
    /// </summary>
    public int FailedSignInsPerMinute { get; set; } = 30;

    /// <summary>Registrations for public consultations (every attempt) per client address per hour.</summary>
    public int RegistrationsPerHour { get; set; } = 20;

    /// <summary>Registrations per e-mail address per hour: each sends a mail to it.</summary>
    public int RegistrationsPerEmailPerHour { get; set; } = 3;

    /// <summary>
    /// Development only: days the sample guideline's consultation version is open to the public at start-up
    /// (a public window from the day before, made once, and reading without signing in); 0 makes none.
    /// </summary>
    public int SamplePublicConsultationDays { get; set; }

    /// <summary>The address people use to reach the app (e.g. "https://review.example.org"), for links
    /// such as invitations; when empty, the address of the request is used.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How the data-protection keys (sign-in cookies, antiforgery tokens) are protected at rest; see docs/backup.md.</summary>
    public KeyProtectionOptions DataProtection { get; set; } = new();

    /// <summary>A made-up consultation written at start-up (Development only, once); see <see cref="GeneratedConsultation"/>.</summary>
    public GenerateConsultationOptions GenerateConsultation { get; set; } = new();

    public string ResolveContentPath(string contentRoot) => Path.GetFullPath(ContentPath, contentRoot);

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
