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
public sealed class RoomModel(MeetingReader meetings, AppDbContext db, BlockPlaces places) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public RoomSummary Room { get; private set; } = null!;
    public RoomPerson Person { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public IReadOnlyList<RoomBlock> Blocks { get; private set; } = [];

    /// <summary>The room's sections in the draft's order, with their blocks: for the focus and takeaway pickers.</summary>
    public IReadOnlyList<(string Section, IReadOnlyList<RoomBlock> Blocks)> Sections { get; private set; } = [];

    /// <summary>The titles of the sections the room discusses ("9 Digital inclusion …").</summary>
    public IReadOnlyList<string> SectionTitles { get; private set; } = [];
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<(int Id, string Anchor, string Place, string Author, string Text)> RoomComments { get; private set; } = [];
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
        var placeOf = await places.ForVersionAsync(meeting.VersionId, ct);
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.VersionId == meeting.VersionId).OrderBy(b => b.Ordinal)
            .Select(b => new { b.Anchor, b.Html, Section = b.Section.Anchor, SectionTitle = b.Section.Title }).ToListAsync(ct);
        Blocks = blocks.Where(b => RoomScope.Covers(scoped, b.Section))
            .Select(b => new RoomBlock(b.Anchor, b.Html, b.Section, PlaceOf(placeOf, b.Anchor))).ToList();
        Sections = Blocks.GroupBy(b => b.Section).Select(g => (blocks.First(b => b.Section == g.Key).SectionTitle, (IReadOnlyList<RoomBlock>)g.ToList())).ToList();
        SectionTitles = await db.Sections.AsNoTracking().Where(s => s.VersionId == meeting.VersionId && scoped.Contains(s.Anchor))
            .OrderBy(s => s.Ordinal).Select(s => s.Title).ToListAsync(ct);
        RoomComments = (await db.Comments.AsNoTracking().Where(c => c.RoomId == roomId && c.HiddenAt == null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Block.Anchor, c.Block.VersionId, c.Author.DisplayName, c.Body }).ToListAsync(ct))
            .Select(c => (c.Id, c.Anchor, c.VersionId == meeting.VersionId ? PlaceOf(placeOf, c.Anchor) : c.Anchor, c.DisplayName, c.Body.Length > 280 ? c.Body[..280] + "…" : c.Body)).ToList();
        Terms = await db.GuidelineTerms.AsNoTracking().Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == meeting.GuidelineSlug))
            .OrderBy(t => t.Ordinal).ToListAsync(ct);
        var notes = await db.BreakoutRooms.Where(r => r.Id == roomId).Select(r => r.Notes).SingleAsync(ct);
        NotesHtml = RoomService.NotesHtml(notes);
        return Page();
    }

    private static string PlaceOf(IReadOnlyDictionary<string, GuidelinesReview.Core.Drafts.BlockPlace> places, string anchor) =>
        places.GetValueOrDefault(anchor)?.Label ?? anchor;

    public string UserId => Caller.From(User).UserId;

    public string RoleInRoom => Person switch
    {
        { IsModerator: true } => "moderator",
        { IsNoteTaker: true } => "note-taker",
        { IsMember: true } => "member",
        _ => "secretariat",
    };
}

/// <summary>A block of the draft as the room shows it: its anchor (for links and data attributes) and its place in words.</summary>
public sealed record RoomBlock(string Anchor, string Html, string Section, string Place);
