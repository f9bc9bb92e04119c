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
/// A breakout room's workspace: its prompt, tags and people, the draft sections it discusses,
/// and its notes. Only its members, moderator, note-taker and the secretariat may enter.
/// </summary>
public sealed class RoomModel(MeetingReader meetings, AppDbContext db) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public RoomSummary Room { get; private set; } = null!;
    public RoomPerson Person { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public IReadOnlyList<(string Anchor, string Html)> Blocks { get; private set; } = [];
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<(int Id, string Anchor, string Author, string Text)> RoomComments { get; private set; } = [];
    public IReadOnlyList<GuidelineTerm> Terms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int roomId, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(slug, ct);
        var room = meeting?.Rooms.FirstOrDefault(r => r.Id == roomId);
        if (meeting is null || room is null)
        {
            return NotFound();
        }

        (Meeting, Room, Person) = (meeting, room, room.As(Caller.From(User)));
        if (!RoomAccess.Allows(Person, RoomAction.Enter))
        {
            Refusal = RoomAccess.Refusal(RoomAction.Enter, room.IsOpen);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        // The room's sections and their subsections, in the order of the draft.
        var scoped = room.Sections.ToList();
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.VersionId == meeting.VersionId).OrderBy(b => b.Ordinal)
            .Select(b => new { b.Anchor, b.Html, Section = b.Section.Anchor }).ToListAsync(ct);
        Blocks = blocks.Where(b => RoomScope.Covers(scoped, b.Section))
            .Select(b => (b.Anchor, b.Html)).ToList();
        RoomComments = (await db.Comments.AsNoTracking().Where(c => c.RoomId == roomId && c.HiddenAt == null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Block.Anchor, c.Author.DisplayName, c.Body }).ToListAsync(ct))
            .Select(c => (c.Id, c.Anchor, c.DisplayName, c.Body.Length > 280 ? c.Body[..280] + "…" : c.Body)).ToList();
        Terms = await db.GuidelineTerms.AsNoTracking().Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == meeting.GuidelineSlug))
            .OrderBy(t => t.Ordinal).ToListAsync(ct);
        var notes = await db.BreakoutRooms.Where(r => r.Id == roomId).Select(r => r.Notes).SingleAsync(ct);
        NotesHtml = RoomService.NotesHtml(notes);
        return Page();
    }

    public string UserId => Caller.From(User).UserId;

    public string RoleInRoom => Person switch
    {
        { IsModerator: true } => "moderator",
        { IsNoteTaker: true } => "note-taker",
        { IsMember: true } => "member",
        _ => "secretariat",
    };
}
