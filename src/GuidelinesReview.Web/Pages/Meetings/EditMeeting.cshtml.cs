using System.Globalization;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>The secretariat edits a meeting: title, draft version, time zone, days and agenda, and adds or removes breakout rooms.</summary>
public sealed class EditMeetingModel(MeetingSetup setup) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public int VersionId { get; set; }
    [BindProperty] public List<DayForm> Days { get; set; } = [];
    [BindProperty] public List<AgendaForm> Items { get; set; } = [];

    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<(int Id, int Number)> Versions { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        (Title, TimeZone, VersionId) = (Meeting.Title, Meeting.TimeZone, Meeting.VersionId);
        Days = Meeting.Days.Select(d => new DayForm { Id = d.Id, Date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).Append(new DayForm()).ToList();
        Items = Meeting.Days.SelectMany(d => d.Agenda.OrderBy(a => a.Time).Select(a => new AgendaForm
        {
            Id = a.Id, DayId = d.Id, Time = a.Time.ToString(@"hh\:mm", CultureInfo.InvariantCulture), Title = a.Title, Kind = a.Kind,
        }).Append(new AgendaForm { DayId = d.Id, Kind = AgendaKind.Plenary })).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Problems = await setup.UpdateAsync(Caller.From(User), Meeting, new MeetingChanges(Title, TimeZone, VersionId, Days, Items), ct);
        if (Problems.Count > 0)
        {
            await LoadAsync(slug, ct); // show the saved meeting around the posted (refused) values
            return Page();
        }

        TempData["Flash"] = "The meeting was saved.";
        return Redirect($"/meetings/{slug}");
    }

    public async Task<IActionResult> OnPostAddRoomAsync(string slug, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var item = Meeting.Days.SelectMany(d => d.Agenda).FirstOrDefault(a => a.Id == itemId && a.Kind == AgendaKind.Breakout);
        if (item is null)
        {
            TempData["Flash"] = "Rooms can only be added to a breakout session of this meeting.";
            return Redirect($"/meetings/{slug}/edit");
        }

        var roomId = await setup.AddRoomAsync(Caller.From(User), item, ct);
        return Redirect($"/meetings/{slug}/rooms/{roomId}/edit");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var meeting = await setup.LoadAsync(slug, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Versions = await setup.VersionsOfAsync(meeting, ct);
        return true;
    }
}
