using System.Globalization;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>The secretariat edits a meeting: its title, time zone and agenda, and adds breakout rooms.</summary>
public sealed class EditMeetingModel(AppDbContext db) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string TimeZone { get; set; } = "";
    [BindProperty] public List<ItemInput> Items { get; set; } = [];

    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>One agenda line; <see cref="Id"/> 0 with a title adds a new line to <see cref="DayId"/>.</summary>
    public sealed class ItemInput
    {
        public int Id { get; set; }
        public int DayId { get; set; }
        public string? Time { get; set; }
        public string? Title { get; set; }
        public AgendaKind Kind { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        (Title, TimeZone) = (Meeting.Title, Meeting.TimeZone);
        Items = Meeting.Days.SelectMany(d => d.Agenda.OrderBy(a => a.Time).Select(a => new ItemInput { Id = a.Id, DayId = d.Id, Time = a.Time.ToString(@"hh\:mm", CultureInfo.InvariantCulture), Title = a.Title, Kind = a.Kind })
            .Append(new ItemInput { DayId = d.Id, Kind = AgendaKind.Plenary })).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300)
        {
            problems.Add("Give the meeting a title (at most 300 characters).");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            problems.Add($"'{TimeZone}' is not a time zone such as 'Europe/Paris' or 'Africa/Nairobi'.");
        }

        var items = Meeting.Days.SelectMany(d => d.Agenda).ToDictionary(a => a.Id);
        foreach (var input in Items.Where(i => i.Id != 0 || !string.IsNullOrWhiteSpace(i.Title)))
        {
            var label = string.IsNullOrWhiteSpace(input.Title) ? "an agenda item" : $"'{input.Title}'";
            if (!TimeSpan.TryParseExact(input.Time, @"hh\:mm", CultureInfo.InvariantCulture, out var time))
            {
                problems.Add($"The time of {label} must be written as HH:mm.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.Title))
            {
                problems.Add($"The agenda item at {input.Time} needs a title.");
                continue;
            }

            if (input.Id == 0)
            {
                var day = Meeting.Days.FirstOrDefault(d => d.Id == input.DayId);
                if (day is null)
                {
                    problems.Add($"{label} belongs to a day that is not in this meeting.");
                    continue;
                }

                day.Agenda.Add(new AgendaItem { Time = time, Title = input.Title.Trim(), Kind = input.Kind });
            }
            else if (items.TryGetValue(input.Id, out var item))
            {
                if (item.Rooms.Count > 0 && input.Kind == AgendaKind.Plenary)
                {
                    problems.Add($"{label} has breakout rooms, so it stays a breakout session.");
                    continue;
                }

                (item.Time, item.Title, item.Kind) = (time, input.Title.Trim(), input.Kind);
            }
        }

        if (problems.Count > 0)
        {
            Problems = problems;
            return Page(); // nothing saved: the tracked changes are dropped with this request's context
        }

        (Meeting.Title, Meeting.TimeZone) = (Title.Trim(), TimeZone!.Trim());
        await db.SaveChangesAsync(ct);
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

        var room = new BreakoutRoom { Title = $"Room {item.Rooms.Count + 1}", Ordinal = item.Rooms.Count };
        item.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return Redirect($"/meetings/{slug}/rooms/{room.Id}/edit");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Days.OrderBy(d => d.Date)).ThenInclude(d => d.Agenda).ThenInclude(a => a.Rooms)
            .FirstOrDefaultAsync(m => m.Slug == slug, ct);
        Meeting = meeting!;
        return meeting is not null;
    }
}
