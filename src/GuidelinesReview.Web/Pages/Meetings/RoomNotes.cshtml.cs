using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>
/// A room's notes and takeaways, read-only, for everyone in the meeting's rooms and the secretariat
/// (the plenary summary links here); others are refused as at the room's door.
/// </summary>
public sealed class RoomNotesModel(MeetingReader meetings, AppDbContext db, BlockPlaces places) : PageModel
{
    public static string PathOf(string meetingSlug, int roomId) => $"/meetings/{meetingSlug}/rooms/{roomId}/notes";

    public MeetingView Meeting { get; private set; } = null!;
    public RoomSummary Room { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public bool MayEnter { get; private set; }
    public string NotesHtml { get; private set; } = "";
    public DateTime? NotesSavedAt { get; private set; }
    public IReadOnlyList<SummaryTakeaway> Takeaways { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int roomId, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(slug, ct);
        var room = meeting?.Rooms.FirstOrDefault(r => r.Id == roomId);
        if (meeting is null || room is null)
        {
            return NotFound();
        }

        (Meeting, Room) = (meeting, room);
        var caller = Caller.From(User);
        if (!RoomAccess.ReadsMeetingRecord(meeting.Rooms.Select(r => r.As(caller)), caller.Roles))
        {
            Refusal = RoomAccess.NotAParticipant;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        MayEnter = RoomAccess.Allows(room.As(caller), RoomAction.Enter);
        var stored = await db.BreakoutRooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => new { r.Notes, r.NotesSavedAt }).SingleAsync(ct);
        (NotesHtml, NotesSavedAt) = (RoomService.NotesHtml(stored.Notes), stored.NotesSavedAt);
        var placeOf = await places.ForVersionAsync(meeting.VersionId, ct);
        Takeaways = (await db.Takeaways.AsNoTracking().Where(t => t.RoomId == roomId)
                .Select(t => new { t.Text, t.Kind, t.ForPlenary, t.Ordinal, Supports = t.Supports.Count, t.Anchor }).ToListAsync(ct))
            .Select(t => new SummaryTakeaway(t.Text, t.Kind, t.ForPlenary, t.Ordinal, t.Supports, t.Anchor, t.Anchor is null ? null : placeOf.GetValueOrDefault(t.Anchor)?.Label))
            .OrderByDescending(t => t.ForPlenary).ThenBy(t => t.Ordinal).ToList();
        return Page();
    }
}
