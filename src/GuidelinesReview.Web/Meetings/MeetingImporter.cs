using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

/// <summary>
/// Loads <c>content/meetings/*.yml</c> at start-up. A meeting is imported once: after that it
/// is edited in the app, so a file for a meeting that exists is left alone. A file naming an
/// unknown guideline, version, person, tag or section is refused with every problem listed.
/// </summary>
public sealed partial class MeetingImporter(AppDbContext db, ILogger<MeetingImporter> logger)
{
    public async Task<ImportReport> ImportAsync(string contentPath, CancellationToken ct)
    {
        var folder = Path.Combine(contentPath, "meetings");
        var errors = new List<string>();
        int imported = 0, unchanged = 0;
        if (!Directory.Exists(folder))
        {
            return new ImportReport(0, 0, errors);
        }

        foreach (var file in Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var name = $"meetings/{Path.GetFileName(file)}";
            try
            {
                var definition = MeetingDefinition.Parse(await File.ReadAllTextAsync(file, ct), name);
                if (await db.Meetings.AnyAsync(m => m.Slug == definition.Slug, ct))
                {
                    unchanged++;
                    continue;
                }

                await AddAsync(definition, name, ct);
                imported++;
                LogImported(name, definition.Rooms.Count());
            }
            catch (ContentFormatException e)
            {
                db.ChangeTracker.Clear();
                errors.Add(e.Message);
                LogRefused(name, e.Message);
            }
        }

        return new ImportReport(imported, unchanged, errors);
    }

    private async Task AddAsync(MeetingDefinition definition, string name, CancellationToken ct)
    {
        var version = await db.DraftVersions.Include(v => v.Guideline)
            .FirstOrDefaultAsync(v => v.Guideline.Slug == definition.Guideline && v.Number == definition.Version, ct)
            ?? throw new ContentFormatException($"{name}: there is no v{definition.Version} of guideline '{definition.Guideline}'.");
        var emails = definition.Rooms.SelectMany(r => r.Members.Append(r.Moderator).Append(r.NoteTaker)).OfType<string>()
            .Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        var terms = await db.GuidelineTerms.Where(t => t.GuidelineId == version.GuidelineId).ToListAsync(ct);
        var anchors = (await db.Sections.Where(s => s.VersionId == version.Id).Select(s => s.Anchor).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        string? Person(string? email)
        {
            if (email is null)
            {
                return null;
            }

            if (users.TryGetValue(email.ToUpperInvariant(), out var id))
            {
                return id;
            }

            problems.Add($"no account has the email '{email}'");
            return null;
        }

        var meeting = new Meeting { Slug = definition.Slug, Title = definition.Title, VersionId = version.Id, TimeZone = definition.TimeZone };
        foreach (var day in definition.Days)
        {
            var meetingDay = new MeetingDay { Date = day.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) };
            foreach (var item in day.Agenda)
            {
                var agendaItem = new AgendaItem { Time = item.Time.ToTimeSpan(), Title = item.Title, Kind = item.Kind };
                foreach (var (room, ordinal) in item.Rooms.Select((r, i) => (r, i)))
                {
                    var breakout = new BreakoutRoom
                    {
                        Ordinal = ordinal,
                        Title = room.Title,
                        Prompt = room.Prompt,
                        ModeratorId = Person(room.Moderator),
                        NoteTakerId = Person(room.NoteTaker),
                    };
                    breakout.Members.AddRange(room.Members.Select(Person).OfType<string>().Distinct().Select(id => new RoomMember { UserId = id }));
                    foreach (var (keys, kind) in new[] { (room.Areas, TaxonomyKind.ThematicArea), (room.Principles, TaxonomyKind.Principle) })
                    {
                        foreach (var key in keys)
                        {
                            var term = terms.FirstOrDefault(t => t.Kind == kind && t.Key == key);
                            if (term is null)
                            {
                                problems.Add($"'{key}' is not a {(kind == TaxonomyKind.ThematicArea ? "thematic area" : "principle")} of the guideline");
                            }
                            else
                            {
                                breakout.Tags.Add(new RoomTag { TermId = term.Id });
                            }
                        }
                    }

                    foreach (var anchor in room.Sections)
                    {
                        if (!anchors.Contains(anchor))
                        {
                            problems.Add($"there is no section '{anchor}' in v{definition.Version}");
                        }

                        breakout.Sections.Add(new RoomSection { Anchor = anchor });
                    }

                    agendaItem.Rooms.Add(breakout);
                }

                meetingDay.Agenda.Add(agendaItem);
            }

            meeting.Days.Add(meetingDay);
        }

        if (problems.Count > 0)
        {
            throw new ContentFormatException($"{name}: {string.Join("; ", problems.Distinct())}.");
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting import: {File}: imported with {Rooms} breakout rooms")]
    private partial void LogImported(string file, int rooms);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting import refused {File}: {Reason}")]
    private partial void LogRefused(string file, string reason);
}
