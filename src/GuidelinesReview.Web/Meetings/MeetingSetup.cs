using System.Globalization;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

/// <summary>A meeting day as the set-up form sends it; <see cref="Id"/> 0 with a date adds a day.</summary>
public sealed class DayForm
{
    public int Id { get; set; }
    public string? Date { get; set; }
    public bool Remove { get; set; }
}

/// <summary>One agenda line as the set-up form sends it; <see cref="Id"/> 0 with a title adds a line to <see cref="DayId"/>.</summary>
public sealed class AgendaForm
{
    public int Id { get; set; }
    public int DayId { get; set; }
    public string? Time { get; set; }
    public string? Title { get; set; }

    /// <summary>Null when the form sent something that is not a kind (model binding leaves it unset), so it is reported with the rest.</summary>
    public AgendaKind? Kind { get; set; }

    public bool Remove { get; set; }
}

public sealed record MeetingChanges(string? Title, string? TimeZone, int VersionId, IReadOnlyList<DayForm> Days, IReadOnlyList<AgendaForm> Items);

public sealed record NewMeeting(string? Title, int VersionId, string? TimeZone, string? FirstDay, int DayCount);

/// <summary>
/// The secretariat creates and changes meetings: title, draft version, time zone, days and agenda.
/// Every problem of a request is reported together and a request with any problem saves nothing.
/// </summary>
public sealed class MeetingSetup(AppDbContext db, RoomEvictions evictions)
{
    private const string NotAllowed = "Only the secretariat sets up meetings.";

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public async Task<(string? Slug, IReadOnlyList<string> Problems)> CreateAsync(Caller caller, NewMeeting input, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return (null, [NotAllowed]);
        }

        var problems = new List<string>();
        problems.AddRange(new[] { MeetingRules.CheckTitle(input.Title), MeetingRules.CheckTimeZone(input.TimeZone) }.OfType<string>());
        if (!await db.DraftVersions.AnyAsync(v => v.Id == input.VersionId, ct))
        {
            problems.Add("Choose the draft version the meeting discusses.");
        }

        if (!TryParseDate(input.FirstDay, out var first))
        {
            problems.Add("Give the first day of the meeting as a date (YYYY-MM-DD).");
        }

        if (input.DayCount is < 1 or > MeetingRules.MaxDays)
        {
            problems.Add($"A meeting lasts from 1 to {MeetingRules.MaxDays} days.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var taken = (await db.Meetings.Select(m => m.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var meeting = new Meeting
        {
            Slug = MeetingRules.SlugFor(input.Title!, s => s == "new" || taken.Contains(s)), // /meetings/new is the creation page
            Title = input.Title!.Trim(),
            VersionId = input.VersionId,
            TimeZone = input.TimeZone!.Trim(),
        };
        meeting.Days.AddRange(Enumerable.Range(0, input.DayCount).Select(i => new MeetingDay { Date = Utc(first.AddDays(i)) }));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (meeting.Slug, []);
    }

    /// <summary>Loads a meeting with its days, agenda and rooms, tracked, for the set-up page.</summary>
    public Task<Meeting?> LoadAsync(string slug, CancellationToken ct) =>
        db.Meetings.Include(m => m.Version).Include(m => m.Days.OrderBy(d => d.Date)).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.Sections)
            .FirstOrDefaultAsync(m => m.Slug == slug, ct);

    /// <summary>The versions a meeting may move to: those of its own guideline, newest first, so its rooms' tags stay meaningful.</summary>
    public async Task<IReadOnlyList<(int Id, int Number)>> VersionsOfAsync(Meeting meeting, CancellationToken ct) =>
        (await db.DraftVersions.Where(v => v.GuidelineId == meeting.Version.GuidelineId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number }).ToListAsync(ct)).Select(v => (v.Id, v.Number)).ToList();

    public async Task<IReadOnlyList<string>> UpdateAsync(Caller caller, Meeting meeting, MeetingChanges input, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return [NotAllowed];
        }

        var problems = new List<string>();
        problems.AddRange(new[] { MeetingRules.CheckTitle(input.Title), MeetingRules.CheckTimeZone(input.TimeZone) }.OfType<string>());
        if (input.VersionId != 0 && input.VersionId != meeting.VersionId)
        {
            problems.AddRange(await CheckVersionChangeAsync(meeting, input.VersionId, ct));
        }

        var removedDays = input.Days.Where(d => d.Remove).Select(d => d.Id).ToHashSet();
        ChangeAgenda(meeting, input.Items, removedDays, problems);
        db.ChangeTracker.DetectChanges(); // moved agenda items now sit in their new day's list
        ChangeDays(meeting, input.Days, problems);

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing of a refused request is saved
            return problems;
        }

        (meeting.Title, meeting.TimeZone) = (input.Title!.Trim(), input.TimeZone!.Trim());
        if (input.VersionId != 0)
        {
            meeting.VersionId = input.VersionId;
        }

        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Adds an empty room to a breakout session; the secretariat then sets it up.</summary>
    public async Task<int> AddRoomAsync(Caller caller, AgendaItem session, CancellationToken ct)
    {
        if (!caller.CanModerate || session.Kind != AgendaKind.Breakout)
        {
            throw new InvalidOperationException("Rooms are added to breakout sessions by the secretariat.");
        }

        var room = new BreakoutRoom { Title = $"Room {session.Rooms.Count + 1}", Ordinal = session.Rooms.Count == 0 ? 0 : session.Rooms.Max(r => r.Ordinal) + 1 };
        session.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return room.Id;
    }

    /// <summary>The room, if it is one of the meeting's (a room's address names its meeting; the two must agree).</summary>
    public IQueryable<BreakoutRoom> RoomOf(string slug, int roomId) =>
        db.BreakoutRooms.Where(r => r.Id == roomId && db.Meetings.Any(m => m.Slug == slug && m.Days.Any(d => d.Agenda.Any(a => a.Id == r.AgendaItemId))));

    /// <summary>Removes a room no one has used yet (no comments, takeaways or notes); a used room keeps the meeting's record.</summary>
    public async Task<string?> RemoveRoomAsync(Caller caller, string slug, int roomId, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return NotAllowed;
        }

        var room = await RoomOf(slug, roomId).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return "That room is not part of this meeting.";
        }

        if (room.NotesVersion > 0 || await db.Comments.AnyAsync(c => c.RoomId == roomId, ct) || await db.Takeaways.AnyAsync(t => t.RoomId == roomId, ct))
        {
            return $"'{room.Title}' already has notes, comments or takeaways, so it stays part of the meeting's record.";
        }

        db.BreakoutRooms.Remove(room);
        await db.SaveChangesAsync(ct);
        await evictions.EmptyAsync(roomId); // an empty room may still have people looking at it
        return null;
    }

    /// <summary>The secretariat changes a room's title, question, people and sections; every problem is reported, nothing half-saved.</summary>
    public async Task<IReadOnlyList<string>> UpdateRoomAsync(Caller caller, int roomId, string title, string? prompt, string? moderatorId, string? noteTakerId,
        IReadOnlyCollection<string> memberIds, IReadOnlyCollection<string> sections, IReadOnlyCollection<int> termIds, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return [NotAllowed];
        }

        var room = await db.BreakoutRooms.Include(r => r.Members).Include(r => r.Sections).Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == roomId, ct)
            ?? throw RefusedException.NotFound($"Breakout room {roomId} does not exist.");
        var problems = new List<string>();
        var allowedTerms = (await db.TermsOfMeetingAsync(room.AgendaItemId, ct)).Select(t => t.Id).ToHashSet();
        if (termIds.Any(id => !allowedTerms.Contains(id)))
        {
            problems.Add("Some chosen thematic areas or principles are not this guideline's; reload the page.");
        }
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            problems.Add("Give the room a title (at most 300 characters).");
        }

        if ((prompt?.Length ?? 0) > 2000)
        {
            problems.Add("The question for the room can be at most 2,000 characters.");
        }

        var people = new[] { moderatorId, noteTakerId }.OfType<string>().Concat(memberIds).Distinct().ToList();
        var known = await db.Users.Where(u => people.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (known.Count != people.Count)
        {
            problems.Add("Some of the chosen people no longer have an account; reload the page.");
        }

        var versionId = await db.MeetingOf(room.AgendaItemId).Select(m => m.VersionId).SingleAsync(ct);
        var anchors = await db.Sections.Where(s => s.VersionId == versionId).Select(s => s.Anchor).ToListAsync(ct);
        var unknown = sections.Where(s => !anchors.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"These are not sections of the meeting's draft: {string.Join(", ", unknown)}.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        room.Title = title.Trim();
        room.Prompt = prompt?.Trim() ?? "";
        room.ModeratorId = moderatorId;
        room.NoteTakerId = noteTakerId;
        room.Members.RemoveAll(m => !memberIds.Contains(m.UserId));
        room.Members.AddRange(memberIds.Where(id => room.Members.All(m => m.UserId != id)).Select(id => new RoomMember { UserId = id }));
        room.Sections.RemoveAll(s => !sections.Contains(s.Anchor));
        room.Sections.AddRange(sections.Where(a => room.Sections.All(s => s.Anchor != a)).Distinct().Select(a => new RoomSection { Anchor = a }));
        room.Tags.RemoveAll(t => !termIds.Contains(t.TermId));
        room.Tags.AddRange(termIds.Where(id => room.Tags.All(t => t.TermId != id)).Distinct().Select(id => new RoomTag { TermId = id }));
        await db.SaveChangesAsync(ct);
        await evictions.RecheckRoomAsync(roomId, ct);
        return [];
    }

    private async Task<IReadOnlyList<string>> CheckVersionChangeAsync(Meeting meeting, int versionId, CancellationToken ct)
    {
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.GuidelineId == meeting.Version.GuidelineId, ct);
        if (version is null)
        {
            return ["Choose a version of the meeting's own guideline."];
        }

        var roomIds = meeting.Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).Select(r => r.Id).ToList();
        var used = await db.Comments.CountAsync(c => c.RoomId != null && roomIds.Contains(c.RoomId.Value), ct)
            + await db.Takeaways.CountAsync(t => roomIds.Contains(t.RoomId), ct);
        if (used > 0)
        {
            return [$"The rooms have already recorded {used} comment(s) and takeaway(s) on v{meeting.Version.Number}, so the meeting stays on v{meeting.Version.Number}."];
        }

        var anchors = (await db.Sections.Where(s => s.VersionId == versionId).Select(s => s.Anchor).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return meeting.Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms)
            .Select(r => (r.Title, Missing: r.Sections.Select(s => s.Anchor).Where(a => !anchors.Contains(a)).Order(StringComparer.Ordinal).ToList()))
            .Where(r => r.Missing.Count > 0)
            .Select(r => $"'{r.Title}' covers {string.Join(", ", r.Missing)}, which v{version.Number} does not have; change the room's sections first.")
            .ToList();
    }

    private void ChangeDays(Meeting meeting, IReadOnlyList<DayForm> days, List<string> problems)
    {
        foreach (var input in days.Where(d => d.Id != 0 || !string.IsNullOrWhiteSpace(d.Date)))
        {
            var day = input.Id == 0 ? null : meeting.Days.FirstOrDefault(d => d.Id == input.Id);
            if (input.Id != 0 && day is null)
            {
                problems.Add("A day on the form is no longer in this meeting; reload the page.");
                continue;
            }

            if (input.Remove && day is not null)
            {
                var remaining = day.Agenda.Where(a => db.Entry(a).State != EntityState.Deleted).OrderBy(a => a.Time).Select(a => $"'{a.Title}'").ToList();
                if (remaining.Count > 0)
                {
                    problems.Add($"{Describe(day.Date)} still has {string.Join(", ", remaining)} on its agenda; move or remove them before removing the day.");
                }
                else
                {
                    meeting.Days.Remove(day);
                    db.Remove(day);
                }

                continue;
            }

            if (!TryParseDate(input.Date, out var date))
            {
                problems.Add($"'{input.Date}' is not a date (YYYY-MM-DD).");
                continue;
            }

            if (day is null)
            {
                meeting.Days.Add(new MeetingDay { Date = Utc(date) });
            }
            else
            {
                day.Date = Utc(date);
            }
        }

        problems.AddRange(MeetingRules.CheckDays(meeting.Days.Select(d => DateOnly.FromDateTime(d.Date)).ToList()));
    }

    private void ChangeAgenda(Meeting meeting, IReadOnlyList<AgendaForm> forms, IReadOnlySet<int> removedDays, List<string> problems)
    {
        var items = meeting.Days.SelectMany(d => d.Agenda).ToDictionary(a => a.Id);
        foreach (var input in forms.Where(i => i.Id != 0 || !string.IsNullOrWhiteSpace(i.Title)))
        {
            var label = string.IsNullOrWhiteSpace(input.Title) ? "an agenda item" : $"'{input.Title.Trim()}'";
            var item = input.Id == 0 ? null : items.GetValueOrDefault(input.Id);
            if (input.Id != 0 && item is null)
            {
                problems.Add($"{label} is no longer on this meeting's agenda; reload the page.");
                continue;
            }

            if (input.Remove && item is not null)
            {
                if (item.Rooms.Count > 0)
                {
                    problems.Add($"{label} has breakout rooms; remove its rooms before the session.");
                }
                else
                {
                    db.Remove(item);
                }

                continue;
            }

            if (!TimeSpan.TryParseExact(input.Time?.Trim(), @"hh\:mm", CultureInfo.InvariantCulture, out var time))
            {
                problems.Add($"The time of {label} must be written as HH:mm.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > MeetingRules.MaxTitle)
            {
                problems.Add($"The agenda item at {input.Time} needs a title (at most {MeetingRules.MaxTitle} characters).");
                continue;
            }

            if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                problems.Add($"Choose whether {label} is a plenary or a breakout session.");
                continue;
            }

            var to = meeting.Days.FirstOrDefault(d => d.Id == input.DayId);
            if (to is null)
            {
                problems.Add($"{label} is set on a day that is not in this meeting.");
                continue;
            }

            if (removedDays.Contains(to.Id))
            {
                if (item is null || item.DayId != to.Id)
                {
                    problems.Add($"{label} cannot go to {Describe(to.Date)}, which you are removing.");
                }

                continue; // an item staying on a removed day is reported with the day
            }

            if (item is null)
            {
                to.Agenda.Add(new AgendaItem { Time = time, Title = input.Title.Trim(), Kind = kind });
                continue;
            }

            if (item.Rooms.Count > 0 && kind == AgendaKind.Plenary)
            {
                problems.Add($"{label} has breakout rooms, so it stays a breakout session.");
                continue;
            }

            (item.Time, item.Title, item.Kind, item.DayId) = (time, input.Title.Trim(), kind, to.Id);
        }
    }

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string Describe(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
