using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>The secretariat sets a room's title, question, people (picked from the accounts) and sections.</summary>
public sealed class EditRoomModel(AppDbContext db, MeetingSetup setup) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Prompt { get; set; }
    [BindProperty] public string? ModeratorId { get; set; }
    [BindProperty] public string? NoteTakerId { get; set; }
    [BindProperty] public List<string> MemberIds { get; set; } = [];
    [BindProperty] public string? Sections { get; set; }
    [BindProperty] public List<int> TermIds { get; set; } = [];

    public IReadOnlyList<GuidelineTerm> Terms { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, string Organisation)> People { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int roomId, CancellationToken ct)
    {
        var room = await setup.RoomOf(slug, roomId).AsNoTracking().Include(r => r.Members).Include(r => r.Sections).Include(r => r.Tags).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return NotFound();
        }

        (Title, Prompt, ModeratorId, NoteTakerId) = (room.Title, room.Prompt, room.ModeratorId, room.NoteTakerId);
        MemberIds = room.Members.Select(m => m.UserId).ToList();
        Sections = string.Join(", ", room.Sections.Select(s => s.Anchor).Order(StringComparer.Ordinal));
        TermIds = room.Tags.Select(t => t.TermId).ToList();
        await LoadPeopleAsync(room.AgendaItemId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int roomId, CancellationToken ct)
    {
        var session = await setup.RoomOf(slug, roomId).Select(r => (int?)r.AgendaItemId).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return NotFound();
        }

        var sections = (Sections ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        try
        {
            Problems = await setup.UpdateRoomAsync(Caller.From(User), roomId, Title, Prompt, Blank(ModeratorId), Blank(NoteTakerId), MemberIds, sections, TermIds, ct);
        }
        catch (RefusedException e)
        {
            Problems = [e.Message];
        }

        if (Problems.Count > 0)
        {
            await LoadPeopleAsync(session.Value, ct);
            return Page();
        }

        TempData["Flash"] = "The room was saved.";
        return Redirect($"/meetings/{slug}/rooms/{roomId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int roomId, CancellationToken ct)
    {
        var problem = await setup.RemoveRoomAsync(Caller.From(User), slug, roomId, ct);
        TempData["Flash"] = problem ?? "The room was removed.";
        return Redirect(problem is null ? $"/meetings/{slug}/edit" : $"/meetings/{slug}/rooms/{roomId}/edit");
    }

    private async Task LoadPeopleAsync(int session, CancellationToken ct)
    {
        People = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Organisation }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Organisation)).ToList();
        Terms = await db.GuidelineTerms.AsNoTracking()
            .Where(t => db.MeetingOf(session).Any(m => m.Version.GuidelineId == t.GuidelineId))
            .OrderBy(t => t.Kind).ThenBy(t => t.Ordinal).ToListAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
