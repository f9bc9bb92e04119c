using System.Text;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Mail;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>
/// The plenary summary: every room's takeaways (for-plenary first), and for the meeting's
/// participants each room's notes, read-only; downloadable as Markdown and Word, whose links are
/// on the configured public address.
/// </summary>
[CompressResponse]
public sealed class SummaryModel(MeetingReader meetings, AppDbContext db, BlockPlaces places, PublicLinks links) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<SummaryRoom> Rooms { get; private set; } = [];

    /// <summary>Whether the reader is in one of the meeting's rooms (or the secretariat): they read every room's notes.</summary>
    public bool ReadsNotes { get; private set; }

    /// <summary>Each room's notes as safe HTML, by room title's position in <see cref="Rooms"/>; empty for readers who do not read them.</summary>
    public IReadOnlyList<string> NotesHtml { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string? format, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(slug, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        var caller = Caller.From(User);
        ReadsNotes = RoomAccess.ReadsMeetingRecord(meeting.Rooms.Select(r => r.As(caller)), caller.Roles);
        var roomIds = meeting.Rooms.Select(r => r.Id).ToList();
        var placeOf = await places.ForVersionAsync(meeting.VersionId, ct);
        var takeaways = (await db.Takeaways.AsNoTracking().Where(t => roomIds.Contains(t.RoomId))
            .Select(t => new { t.RoomId, t.Text, t.Kind, t.ForPlenary, t.Ordinal, Supports = t.Supports.Count, t.Anchor }).ToListAsync(ct))
            .ToLookup(t => t.RoomId, t => new SummaryTakeaway(t.Text, t.Kind, t.ForPlenary, t.Ordinal, t.Supports, t.Anchor,
                t.Anchor is null ? null : placeOf.GetValueOrDefault(t.Anchor)?.Label));
        var rooms = meeting.Days.SelectMany(d => d.Agenda.Where(a => a.Rooms.Count > 0).Select(a => (Day: d, Item: a)))
            .SelectMany(x => x.Item.Rooms.Select(r => (Room: r, Summary: new SummaryRoom(
                $"{x.Day.Date:d MMMM yyyy}, {x.Item.Title}", r.Title, r.Moderator?.Name, r.NoteTaker?.Name, r.TermNames,
                links.Absolute(RoomNotesModel.PathOf(meeting.Slug, r.Id)), takeaways[r.Id].ToList()))))
            .ToList();
        Rooms = rooms.Select(r => r.Summary).ToList();

        if (format == "md")
        {
            return File(Encoding.UTF8.GetBytes(PlenarySummary.ToMarkdown(meeting.Title, Rooms)), "text/markdown; charset=utf-8", $"{meeting.Slug}-plenary-summary.md");
        }

        if (format == "docx")
        {
            return File(PlenaryWord.Build(meeting.Title, Rooms),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{meeting.Slug}-plenary-summary.docx");
        }

        if (ReadsNotes)
        {
            var notes = await db.BreakoutRooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Notes, ct);
            NotesHtml = rooms.Select(r => RoomService.NotesHtml(notes.GetValueOrDefault(r.Room.Id, ""))).ToList();
        }

        return Page();
    }

    /// <summary>The path of a room's read-only notes, for the page's own links.</summary>
    public string NotesPath(int index) => new Uri(Rooms[index].NotesLink).PathAndQuery;
}
