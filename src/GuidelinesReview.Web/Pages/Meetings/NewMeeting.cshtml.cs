using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>The secretariat creates a meeting: title, draft version, time zone and days; the agenda follows on the set-up page.</summary>
public sealed class NewMeetingModel(AppDbContext db, MeetingSetup setup) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int VersionId { get; set; }
    [BindProperty] public string? TimeZone { get; set; } = "UTC";
    [BindProperty] public string? FirstDay { get; set; }
    [BindProperty] public int DayCount { get; set; } = 2;

    public IReadOnlyList<(int Id, string Label)> Versions { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadVersionsAsync(ct);
        VersionId = Versions.FirstOrDefault().Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (slug, problems) = await setup.CreateAsync(Caller.From(User), new NewMeeting(Title, VersionId, TimeZone, FirstDay, DayCount), ct);
        if (slug is null)
        {
            Problems = problems;
            await LoadVersionsAsync(ct);
            return Page();
        }

        TempData["Flash"] = "The meeting was created. Now add its agenda and breakout rooms.";
        return Redirect($"/meetings/{slug}/edit");
    }

    private async Task LoadVersionsAsync(CancellationToken ct) =>
        Versions = (await db.DraftVersions.AsNoTracking().OrderBy(v => v.Guideline.Title).ThenByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Guideline.Title }).ToListAsync(ct))
            .Select(v => (v.Id, $"{v.Title} — v{v.Number}")).ToList();
}
