using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

public sealed record PersonView(string Id, string Name, string Organisation);

public sealed record RoomSummary(
    int Id,
    string Title,
    string Prompt,
    PersonView? Moderator,
    PersonView? NoteTaker,
    IReadOnlyList<PersonView> Members,
    IReadOnlyList<string> TermNames,
    IReadOnlyList<string> Sections,
    bool IsOpen)
{
    public RoomPerson As(Caller caller) => new(
        Members.Any(m => m.Id == caller.UserId), Moderator?.Id == caller.UserId, NoteTaker?.Id == caller.UserId, caller.Roles);
}

public sealed record AgendaView(TimeSpan Time, string Title, AgendaKind Kind, IReadOnlyList<RoomSummary> Rooms);

public sealed record DayView(DateTime Date, IReadOnlyList<AgendaView> Agenda);

public sealed record MeetingView(int Id, string Slug, string Title, string TimeZone, string GuidelineSlug, string GuidelineTitle, int VersionNumber, int VersionId, IReadOnlyList<DayView> Days)
{
    public IEnumerable<RoomSummary> Rooms => Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms);
}

/// <summary>Loads a meeting with its agenda and rooms for the meeting and room pages.</summary>
public sealed class MeetingReader(AppDbContext db)
{
    public async Task<IReadOnlyList<(string Slug, string Title, DateTime Start, DateTime End, int Rooms)>> ListAsync(CancellationToken ct) =>
        (await db.Meetings.AsNoTracking()
            .Select(m => new { m.Slug, m.Title, Start = m.Days.Min(d => d.Date), End = m.Days.Max(d => d.Date), Rooms = m.Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).Count() })
            .ToListAsync(ct))
        .OrderByDescending(m => m.Start).Select(m => (m.Slug, m.Title, m.Start, m.End, m.Rooms)).ToList();

    /// <summary>The room's title if it belongs to a meeting on this version.</summary>
    public Task<string?> RoomTitleOnVersionAsync(int roomId, int versionId, CancellationToken ct) => (
        from r in db.BreakoutRooms
        where r.Id == roomId
        join a in db.Set<AgendaItem>() on r.AgendaItemId equals a.Id
        join d in db.Set<MeetingDay>() on a.DayId equals d.Id
        join m in db.Meetings on d.MeetingId equals m.Id
        where m.VersionId == versionId
        select r.Title).FirstOrDefaultAsync(ct);

    public async Task<MeetingView?> LoadAsync(string slug, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Version).ThenInclude(v => v.Guideline)
            .Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.Moderator)
            .Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.NoteTaker)
            .Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.Members).ThenInclude(m => m.User)
            .Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.Tags).ThenInclude(t => t.Term)
            .Include(m => m.Days).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms).ThenInclude(r => r.Sections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Slug == slug, ct);
        if (meeting is null)
        {
            return null;
        }

        static PersonView? Person(AppUser? u) => u is null ? null : new PersonView(u.Id, u.DisplayName, u.Organisation);
        return new MeetingView(meeting.Id, meeting.Slug, meeting.Title, meeting.TimeZone, meeting.Version.Guideline.Slug, meeting.Version.Guideline.Title,
            meeting.Version.Number, meeting.VersionId,
            meeting.Days.OrderBy(d => d.Date).Select(d => new DayView(d.Date,
                d.Agenda.OrderBy(a => a.Time).Select(a => new AgendaView(a.Time, a.Title, a.Kind,
                    a.Rooms.OrderBy(r => r.Ordinal).Select(r => new RoomSummary(
                        r.Id, r.Title, r.Prompt, Person(r.Moderator), Person(r.NoteTaker),
                        r.Members.Select(m => Person(m.User)!).OrderBy(p => p.Name).ToList(),
                        r.Tags.OrderBy(t => t.Term.Kind).ThenBy(t => t.Term.Ordinal).Select(t => t.Term.Name).ToList(),
                        r.Sections.Select(s => s.Anchor).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                        r.IsOpen)).ToList())).ToList())).ToList());
    }
}
