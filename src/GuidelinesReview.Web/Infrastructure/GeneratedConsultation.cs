using System.Data.Common;
using System.Diagnostics;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Generated;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>Settings under "GuidelinesReview:GenerateConsultation"; nothing is generated while <see cref="Users"/> is 0.</summary>
public sealed class GenerateConsultationOptions
{
    public string Guideline { get; set; } = "people-centred-smart-cities";
    public int Version { get; set; } = 3;
    public int Users { get; set; }
    public int Comments { get; set; }
    public int Takeaways { get; set; }
}

/// <summary>
/// Writes a <see cref="ConsultationPlan"/> on a version at start-up, for demonstrations and
/// performance measurements (Development only): people who cannot sign in (no password, an
/// address at <see cref="EmailDomain"/>), their comments with the tags of their section as the app
/// gives them, replies, withdrawals, hidden comments and decisions (recorded by the first Secretariat
/// account) with their history events, and room takeaways. Runs once: if generated people exist,
/// nothing is done. One transaction; comments and their rows go through prepared statements, so
/// 20,000 comments take seconds.
/// </summary>
public sealed partial class GeneratedConsultation(
    AppDbContext db,
    IOptions<AppOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<GeneratedConsultation> logger)
{
    public const string EmailDomain = "generated.invalid";
    private const string HiddenReason = "Off topic for this paragraph.";

    private static string EmailOf(int number) => $"participant{number:D5}@{EmailDomain}";

    public async Task GenerateAsync(CancellationToken ct)
    {
        var settings = options.Value.GenerateConsultation;
        if (settings.Users <= 0)
        {
            return;
        }

        if (!environment.IsDevelopment())
        {
            LogNotDevelopment();
            return;
        }

        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith("@" + EmailDomain.ToUpperInvariant()), ct))
        {
            LogAlreadyGenerated();
            return;
        }

        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Guideline.Slug == settings.Guideline && v.Number == settings.Version, ct);
        var secretariatId = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Secretariat))
            .OrderBy(ur => ur.UserId).Select(ur => ur.UserId).FirstOrDefaultAsync(ct);
        var expertRoleId = await db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id).SingleAsync(ct);
        if (version is null || secretariatId is null)
        {
            LogCannotGenerate(settings.Guideline, settings.Version);
            return;
        }

        var clockStarted = Stopwatch.StartNew();
        var (shape, rooms) = await ShapeAsync(version, ct);
        if (shape.Blocks.Count == 0)
        {
            LogCannotGenerate(settings.Guideline, settings.Version);
            return;
        }

        var end = clock.GetUtcNow().UtcDateTime;
        end = end.AddTicks(-(end.Ticks % TimeSpan.TicksPerSecond));
        var plan = ConsultationPlan.Create(shape, new ConsultationSize(settings.Users, settings.Comments, settings.Takeaways), end);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var userIds = await AddUsersAsync(plan.Users, expertRoleId, ct);
            await AddCommentsAsync(plan.Comments, version.Id, userIds, secretariatId, end, ct);
            await AddRoomsAndTakeawaysAsync(plan, version, rooms, userIds, secretariatId, ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();

        LogGenerated(plan.Users.Count, plan.Comments.Count, plan.Takeaways.Count, version.Number, clockStarted.ElapsedMilliseconds);
    }

    private async Task<(ConsultationShape Shape, List<(int Id, string? Recorder, int Takeaways)> Rooms)> ShapeAsync(DraftVersion version, CancellationToken ct)
    {
        var terms = await db.GuidelineTerms.AsNoTracking().Where(t => t.GuidelineId == version.GuidelineId).OrderBy(t => t.Ordinal)
            .Select(t => new PlanTerm(t.Id, t.Kind, t.Name)).ToListAsync(ct);
        var sectionTags = (await db.SectionTags.Where(t => db.Sections.Any(s => s.Id == t.SectionId && s.VersionId == version.Id))
            .Select(t => new { t.SectionId, t.TermId }).ToListAsync(ct)).ToLookup(t => t.SectionId, t => t.TermId);
        var blocks = (await db.Blocks.Where(b => b.VersionId == version.Id && b.Kind != BlockKind.Heading).OrderBy(b => b.Ordinal)
                .Select(b => new { b.Id, b.Anchor, b.SectionId, Section = b.Section.Anchor }).ToListAsync(ct))
            .Select(b => new PlanBlock(b.Id, b.Anchor, b.Section, sectionTags[b.SectionId].ToList())).ToList();
        // Only the generated meeting's own rooms: the sample meeting on the same version keeps its own record.
        var rooms = await db.Meetings.Where(m => m.VersionId == version.Id && m.Slug == MeetingSlug(version.Number)).SelectMany(m => m.Days).SelectMany(d => d.Agenda).SelectMany(a => a.Rooms)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, Recorder = r.NoteTakerId ?? r.ModeratorId, Terms = r.Tags.Select(t => t.TermId).ToList(), Takeaways = db.Takeaways.Count(t => t.RoomId == r.Id) })
            .ToListAsync(ct);
        return (new ConsultationShape(blocks, terms, rooms.Select(r => new PlanExistingRoom(r.Id, r.Terms)).ToList()), rooms.Select(r => (r.Id, r.Recorder, r.Takeaways)).ToList());
    }

    private static string MeetingSlug(int versionNumber) => $"generated-v{versionNumber}";

    private async Task<List<string>> AddUsersAsync(IReadOnlyList<PlannedUser> planned, string expertRoleId, CancellationToken ct)
    {
        var users = planned.Select(p =>
        {
            var email = EmailOf(p.Number);
            return new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                DisplayName = p.Name,
                Organisation = p.Organisation,
                StakeholderGroup = p.Group,
                Region = p.Region,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
        }).ToList();
        db.Users.AddRange(users);
        db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = expertRoleId }));
        await db.SaveChangesAsync(ct);
        return users.Select(u => u.Id).ToList();
    }

    private async Task AddCommentsAsync(IReadOnlyList<PlannedComment> planned, int versionId, List<string> userIds, string secretariatId, DateTime end, CancellationToken ct)
    {
        // Ids are given here so replies, tags and history events can name their comment.
        var nextId = (await db.Comments.MaxAsync(c => (int?)c.Id, ct) ?? 0) + 1;
        var random = new Random(ConsultationPlan.DefaultSeed);
        using var comments = Insert("Comments", "Id", "VersionId", "BlockId", "ParentId", "AuthorId", "ClientId", "Type", "Body", "BodyHtml", "ProposedText",
            "Status", "CreatedAt", "WithdrawnAt", "HiddenAt", "HiddenById", "HiddenReason");
        using var tags = Insert("CommentTags", "CommentId", "TermId");
        using var dispositions = Insert("Dispositions", "CommentId", "Decision", "Observation", "DecidedById", "DecidedAt");
        using var events = Insert("CommentEvents", "VersionId", "CommentId", "Kind", "ActorId", "Note", "At");

        async Task<int> CommentAsync(int author, int blockId, int? parentId, CommentType type, string body, string? proposed, DateTime at, PlannedState state, DateTime changedAt)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var (id, authorId) = (nextId++, userIds[author]);
            var (withdrawn, hidden) = (state == PlannedState.Withdrawn, state == PlannedState.Hidden);
            await comments.RowAsync(ct, id, versionId, blockId, parentId, authorId, new Guid(bytes).ToString().ToUpperInvariant(), type.ToString(), body,
                SafeMarkdown.ToHtml(body, CommentRules.MaxBody), proposed, (withdrawn ? CommentStatus.Withdrawn : CommentStatus.Active).ToString(), at,
                withdrawn ? changedAt : null, hidden ? changedAt : null, hidden ? secretariatId : null, hidden ? HiddenReason : null);
            await events.RowAsync(ct, versionId, id, nameof(CommentEventKind.Created), authorId, null, at);
            if (withdrawn || hidden)
            {
                await events.RowAsync(ct, versionId, id, (withdrawn ? CommentEventKind.Withdrawn : CommentEventKind.Hidden).ToString(), withdrawn ? authorId : secretariatId,
                    hidden ? HiddenReason : null, changedAt);
            }

            return id;
        }

        foreach (var p in planned)
        {
            var id = await CommentAsync(p.Author, p.Block.Id, null, p.Type, p.Body, p.ProposedText, p.At, p.State, p.At + ((end - p.At) / 2));
            foreach (var term in p.Block.Terms.Distinct())
            {
                await tags.RowAsync(ct, id, term);
            }

            if (p.Decision is { } d)
            {
                await dispositions.RowAsync(ct, id, d.Decision.ToString(), d.Observation, secretariatId, d.At);
                await events.RowAsync(ct, versionId, id, nameof(CommentEventKind.Disposed), secretariatId, CommentNames.Of(d.Decision), d.At);
            }

            foreach (var reply in p.Replies)
            {
                await CommentAsync(reply.Author, p.Block.Id, id, CommentType.General, reply.Body, null, reply.At, PlannedState.Active, reply.At);
                await events.RowAsync(ct, versionId, id, nameof(CommentEventKind.Replied), userIds[reply.Author], null, reply.At);
            }
        }
    }

    /// <summary>
    /// A prepared INSERT run once per row in the current transaction: EF Core's SQLite provider sends one
    /// command per row through change tracking, several times slower for 100,000 rows. Values are
    /// written as EF stores them (enums as names, Guids as upper-case text, dates as ISO text).
    /// </summary>
    private RowInsert Insert(string table, params string[] columns)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        foreach (var i in Enumerable.Range(0, columns.Length))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return new RowInsert(command);
    }

    private sealed class RowInsert(DbCommand command) : IDisposable
    {
        public Task RowAsync(CancellationToken ct, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteNonQueryAsync(ct);
        }

        public void Dispose() => command.Dispose();
    }

    private async Task AddRoomsAndTakeawaysAsync(ConsultationPlan plan, DraftVersion version, List<(int Id, string? Recorder, int Takeaways)> existing, List<string> userIds, string secretariatId, CancellationToken ct)
    {
        var roomIds = new List<int>();
        var recorders = new List<string>();
        var ordinals = new List<int>();
        if (existing.Count > 0)
        {
            roomIds.AddRange(existing.Select(r => r.Id));
            recorders.AddRange(existing.Select(r => r.Recorder ?? secretariatId));
            ordinals.AddRange(existing.Select(r => r.Takeaways));
        }
        else if (plan.Rooms.Count > 0)
        {
            var breakout = new AgendaItem { Time = new TimeSpan(11, 30, 0), Title = "Breakout rooms", Kind = AgendaKind.Breakout };
            var meeting = new Meeting
            {
                Slug = MeetingSlug(version.Number),
                Title = $"Generated expert group meeting on v{version.Number}",
                VersionId = version.Id,
                Days = [new MeetingDay { Date = plan.MeetingDay, Agenda = [new AgendaItem { Time = new TimeSpan(9, 30, 0), Title = "Opening", Kind = AgendaKind.Plenary }, breakout] }],
            };
            var notesSavedAt = plan.MeetingDay + new TimeSpan(15, 0, 0);
            foreach (var (p, ordinal) in plan.Rooms.Select((p, i) => (p, i)))
            {
                var (moderator, noteTaker) = (userIds[p.People[0]], userIds[p.People[Math.Min(1, p.People.Count - 1)]]);
                var room = new BreakoutRoom
                {
                    Ordinal = ordinal, Title = p.Title, Prompt = p.Prompt, ModeratorId = moderator, NoteTakerId = noteTaker,
                    Members = p.People.Skip(2).Select(i => new RoomMember { UserId = userIds[i] }).ToList(),
                    Tags = p.Terms.Select(t => new RoomTag { TermId = t }).ToList(),
                    Sections = p.Sections.Select(s => new RoomSection { Anchor = s }).ToList(),
                };
                if (p.Notes.Length > 0)
                {
                    (room.Notes, room.NotesVersion, room.NotesSavedAt) = (p.Notes, 1, notesSavedAt);
                }

                breakout.Rooms.Add(room);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            var saved = breakout.Rooms.ToList();
            db.NotesRevisions.AddRange(saved.Where(r => r.Notes.Length > 0)
                .Select(r => new NotesRevision { RoomId = r.Id, Version = 1, Notes = r.Notes, SavedAt = notesSavedAt, SavedById = r.NoteTakerId! }));
            roomIds.AddRange(saved.Select(r => r.Id));
            recorders.AddRange(saved.Select(r => r.NoteTakerId!));
            ordinals.AddRange(saved.Select(_ => 0));
        }

        foreach (var t in plan.Takeaways)
        {
            db.Takeaways.Add(new Takeaway
            {
                RoomId = roomIds[t.Room], Text = t.Text, Kind = t.Kind, Anchor = t.Anchor, Ordinal = ordinals[t.Room]++, ForPlenary = t.ForPlenary,
                CreatedAt = t.At, CreatedById = recorders[t.Room], Tags = t.Terms.Select(term => new TakeawayTag { TermId = term }).ToList(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated consultation: {Users} people, {Comments} comments and {Takeaways} takeaways on v{Version} in {Milliseconds} ms")]
    private partial void LogGenerated(int users, int comments, int takeaways, int version, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated consultation: already there (generated people exist), not generated again")]
    private partial void LogAlreadyGenerated();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated consultation: asked for outside Development; not generated")]
    private partial void LogNotDevelopment();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated consultation: needs v{Version} of guideline {Guideline} with paragraphs, and a Secretariat account (to record decisions); not generated")]
    private partial void LogCannotGenerate(string guideline, int version);
}
