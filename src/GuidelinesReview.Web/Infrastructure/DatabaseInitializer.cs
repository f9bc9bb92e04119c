using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Start-up work, in order: apply migrations, switch SQLite to WAL, make sure every role
/// exists, create the demo accounts (Development only), import content/, generate the
/// configured made-up consultation and open the sample public consultation (Development only, once).
/// </summary>
public sealed partial class DatabaseInitializer(
    AppDbContext db,
    RoleManager<IdentityRole> roleManager,
    UserManager<AppUser> userManager,
    AccountService accounts,
    InvitationService invitations,
    ContentImporter importer,
    MeetingImporter meetings,
    GeneratedConsultation consultation,
    DemoComments demoComments,
    Consultations.SamplePublicConsultation publicConsultation,
    IOptions<AppOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoPassword = "review-demo-2026";

    /// <summary>The demo accounts, one per role (and a second Expert), documented in the README.</summary>
    public static readonly IReadOnlyList<(string Email, string Role, string Name, string Organisation, StakeholderGroup Group, Region Region)> DemoAccounts =
    [
        ("admin@demo.local", Roles.Admin, "Ada Admin", "Platform team", StakeholderGroup.Other, Region.EuropeAndCentralAsia),
        ("secretariat@demo.local", Roles.Secretariat, "Sam Secretariat", "Guidelines secretariat", StakeholderGroup.InternationalOrganisation, Region.Africa),
        ("moderator@demo.local", Roles.Moderator, "Mona Moderator", "City of Lakeside", StakeholderGroup.LocalAndRegionalGovernment, Region.AsiaPacific),
        ("notetaker@demo.local", Roles.NoteTaker, "Noel Notetaker", "Guidelines secretariat", StakeholderGroup.InternationalOrganisation, Region.Africa),
        ("expert@demo.local", Roles.Expert, "Esi Expert", "Metropolitan Planning Institute", StakeholderGroup.Academia, Region.Africa),
        ("expert2@demo.local", Roles.Expert, "Elias Expert", "Ministry of Urban Development", StakeholderGroup.NationalGovernment, Region.LatinAmericaAndTheCaribbean),
        ("translator@demo.local", Roles.Translator, "Tomás Translator", "Language services", StakeholderGroup.Other, Region.LatinAmericaAndTheCaribbean),
        ("translator2@demo.local", Roles.Translator, "Fanny Translator", "Language services", StakeholderGroup.Other, Region.EuropeAndCentralAsia),
        ("translator3@demo.local", Roles.Translator, "Sofía Translator", "Language services", StakeholderGroup.Other, Region.LatinAmericaAndTheCaribbean),
        ("translator4@demo.local", Roles.Translator, "Amal Translator", "Language services", StakeholderGroup.Other, Region.MiddleEastAndNorthAfrica),
        ("observer@demo.local", Roles.Observer, "Olu Observer", "Civic Data Network", StakeholderGroup.CivilSociety, Region.NorthAmerica),

        // Enough people for the sample meeting's rooms (content/meetings/egm-2.yml).
        ("moderator2@demo.local", Roles.Moderator, "Maya Moderator", "Institute for Participatory Cities", StakeholderGroup.Academia, Region.EuropeAndCentralAsia),
        ("moderator3@demo.local", Roles.Moderator, "Mateo Moderator", "Ministry of Housing", StakeholderGroup.NationalGovernment, Region.LatinAmericaAndTheCaribbean),
        ("moderator4@demo.local", Roles.Moderator, "Mariam Moderator", "Green Cities Alliance", StakeholderGroup.CivilSociety, Region.MiddleEastAndNorthAfrica),
        ("notetaker2@demo.local", Roles.NoteTaker, "Nadia Notetaker", "Guidelines secretariat", StakeholderGroup.InternationalOrganisation, Region.Africa),
        ("notetaker3@demo.local", Roles.NoteTaker, "Nils Notetaker", "Guidelines secretariat", StakeholderGroup.InternationalOrganisation, Region.EuropeAndCentralAsia),
        ("notetaker4@demo.local", Roles.NoteTaker, "Nomvula Notetaker", "Guidelines secretariat", StakeholderGroup.InternationalOrganisation, Region.Africa),
        ("expert3@demo.local", Roles.Expert, "Eitan Expert", "Smart Region Agency", StakeholderGroup.LocalAndRegionalGovernment, Region.EuropeAndCentralAsia),
        ("expert4@demo.local", Roles.Expert, "Eun-ji Expert", "Urban Data Lab", StakeholderGroup.PrivateSector, Region.AsiaPacific),
        ("expert5@demo.local", Roles.Expert, "Emeka Expert", "Coalition for Inclusive Cities", StakeholderGroup.CivilSociety, Region.Africa),
        ("expert6@demo.local", Roles.Expert, "Elena Expert", "Digital Rights Observatory", StakeholderGroup.CivilSociety, Region.EuropeAndCentralAsia),
        ("expert7@demo.local", Roles.Expert, "Ebo Expert", "City of Harbourview", StakeholderGroup.LocalAndRegionalGovernment, Region.Africa),
        ("expert8@demo.local", Roles.Expert, "Ezra Expert", "Regional Development Bank", StakeholderGroup.InternationalOrganisation, Region.NorthAmerica),
    ];

    /// <summary>The languages the demo translators work in (language, and whether they also review it).</summary>
    public static readonly IReadOnlyList<(string Email, string Language, bool Reviews)> DemoTranslatorLanguages =
    [
        ("translator@demo.local", "fr", true),
        ("translator2@demo.local", "fr", true),
        ("translator3@demo.local", "es", true),
        ("translator4@demo.local", "ar", true),
    ];

    /// <summary>
    /// A pending invitation for the test identity provider's first demo person, so a newcomer can try
    /// "Sign in with your organisation" (scripts/run.sh starts the provider; see docs/sign-in.md).
    /// </summary>
    public static readonly (string Email, string Role, string Name) DemoOrganisationInvitation =
        ("amina.expert@org.example", Roles.Expert, "Amina Diallo");

    public async Task InitializeAsync(CancellationToken ct)
    {
        await RefuseUnknownMigrationsAsync(ct);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        LogSqlite(await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS Value").SingleAsync(ct));
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        if (environment.IsDevelopment() && options.Value.SeedDemoAccounts)
        {
            await SeedDemoAccountsAsync();
        }

        var contentPath = options.Value.ResolveContentPath(environment.ContentRootPath);
        var report = await importer.ImportAsync(contentPath, ct);
        LogImported(report.Published, report.Unchanged, report.Errors.Count);
        await meetings.ImportAsync(contentPath, ct);
        await demoComments.SeedAsync(contentPath, ct);
        await consultation.GenerateAsync(ct);
        await publicConsultation.OpenAsync(ct);
    }

    private async Task SeedDemoAccountsAsync()
    {
        foreach (var account in DemoAccounts)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                Organisation = account.Organisation,
                StakeholderGroup = account.Group,
                Region = account.Region,
                CreatedAt = DateTime.UtcNow,
            };
            var errors = await accounts.CreateAsync(user, DemoPassword, account.Role);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Could not create demo account {account.Email}: {string.Join("; ", errors)}");
            }
        }

        foreach (var (email, language, reviews) in DemoTranslatorLanguages)
        {
            var userId = (await userManager.FindByEmailAsync(email))!.Id;
            if (!await db.TranslatorLanguages.AnyAsync(l => l.UserId == userId))
            {
                db.TranslatorLanguages.Add(new TranslatorLanguage { UserId = userId, Language = language, Reviews = reviews });
                await db.SaveChangesAsync();
            }
        }

        var (inviteEmail, inviteRole, inviteName) = DemoOrganisationInvitation;
        if (await userManager.FindByEmailAsync(inviteEmail) is null && !await db.Invitations.AnyAsync(i => i.Email == inviteEmail))
        {
            var admin = await userManager.FindByEmailAsync(DemoAccounts[0].Email);
            await invitations.CreateAsync(inviteEmail, inviteRole, inviteName, InvitationService.MaxDays, admin!.Id, CancellationToken.None);
        }

        LogDemoAccounts(DemoAccounts.Count);
    }

    /// <summary>
    /// A database made before the migrations were collapsed into one (before a first release) would
    /// fail half-way with "table already exists": say what it is and what to do instead.
    /// </summary>
    private async Task RefuseUnknownMigrationsAsync(CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupRefusedException(
                $"The database {db.Database.GetDbConnection().DataSource} was made with migrations this version of the app does not know ({string.Join(", ", unknown)}). " +
                "Before the first release the schema was started again: " +
                "move that database aside (or delete the data folder) and start the app again to create a new one.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: SQLite {Version}, WAL mode")]
    private partial void LogSqlite(string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content imported: {Published} versions published, {Unchanged} unchanged, {Errors} refused")]
    private partial void LogImported(int published, int unchanged, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: {Count} demo accounts are available (see README)")]
    private partial void LogDemoAccounts(int count);
}
