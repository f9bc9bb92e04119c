using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Mail;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Notifications;
using GuidelinesReview.Web.Rollups;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GuidelinesReview.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (sign-in cookies, antiforgery tokens), kept here so a backup carries it.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Guideline> Guidelines => Set<Guideline>();
    public DbSet<GuidelineTerm> GuidelineTerms => Set<GuidelineTerm>();
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionTag> SectionTags => Set<SectionTag>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();
    public DbSet<CommentSupport> CommentSupports => Set<CommentSupport>();
    public DbSet<CommentTag> CommentTags => Set<CommentTag>();
    public DbSet<Disposition> Dispositions => Set<Disposition>();
    public DbSet<CommentEvent> CommentEvents => Set<CommentEvent>();
    public DbSet<CommentPlacement> CommentPlacements => Set<CommentPlacement>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<BreakoutRoom> BreakoutRooms => Set<BreakoutRoom>();
    public DbSet<RoomMember> RoomMembers => Set<RoomMember>();
    public DbSet<NotesRevision> NotesRevisions => Set<NotesRevision>();
    public DbSet<Takeaway> Takeaways => Set<Takeaway>();
    public DbSet<TakeawaySupport> TakeawaySupports => Set<TakeawaySupport>();
    public DbSet<RaisedHand> RaisedHands => Set<RaisedHand>();
    public DbSet<ConsultationWindow> ConsultationWindows => Set<ConsultationWindow>();
    public DbSet<PublicReading> PublicReadings => Set<PublicReading>();
    public DbSet<KeptOpenVersion> KeptOpenVersions => Set<KeptOpenVersion>();
    public DbSet<Registrations.PublicRegistration> PublicRegistrations => Set<Registrations.PublicRegistration>();
    public DbSet<KeyFinding> KeyFindings => Set<KeyFinding>();
    public DbSet<Translation> Translations => Set<Translation>();
    public DbSet<TranslationEvent> TranslationEvents => Set<TranslationEvent>();
    public DbSet<TranslationCandidate> TranslationCandidates => Set<TranslationCandidate>();
    public DbSet<TranslationComment> TranslationComments => Set<TranslationComment>();
    public DbSet<TranslatorLanguage> TranslatorLanguages => Set<TranslatorLanguage>();
    public DbSet<GlossaryItem> GlossaryItems => Set<GlossaryItem>();
    public DbSet<GlossaryItemRendering> GlossaryItemRenderings => Set<GlossaryItemRendering>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<ConsultationWatch> ConsultationWatches => Set<ConsultationWatch>();

    /// <summary>The meeting whose agenda holds the given item (a room's meeting).</summary>
    public IQueryable<Meeting> MeetingOf(int agendaItemId) =>
        Meetings.Where(m => m.Days.Any(d => d.Agenda.Any(a => a.Id == agendaItemId)));

    /// <summary>The thematic areas and principles of the guideline a meeting (by one of its agenda items) is about.</summary>
    public async Task<List<GuidelineTerm>> TermsOfMeetingAsync(int agendaItemId, CancellationToken ct)
    {
        var guidelineId = await MeetingOf(agendaItemId).Select(m => m.Version.GuidelineId).SingleAsync(ct);
        return await GuidelineTerms.Where(t => t.GuidelineId == guidelineId).ToListAsync(ct);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every instant is stored in UTC. SQLite keeps a DateTime as text without its kind, so
        // without this a value read back is Unspecified and serializes without its "Z".
        // (This covers DateTime? columns too; UtcTimeTests checks both.)
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>Writes instants as UTC and reads them back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
