using System.Text;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>The plenary summary: every room's takeaways (for-plenary first), downloadable as Markdown.</summary>
[CompressResponse]
public sealed class SummaryModel(MeetingReader meetings, AppDbContext db) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<SummaryRoom> Rooms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string? format, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(slug, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        var roomIds = meeting.Rooms.Select(r => r.Id).ToList();
        var takeaways = (await db.Takeaways.AsNoTracking().Where(t => roomIds.Contains(t.RoomId))
            .Select(t => new { t.RoomId, t.Text, t.Kind, t.ForPlenary, t.Ordinal, Supports = t.Supports.Count, t.Anchor }).ToListAsync(ct))
            .ToLookup(t => t.RoomId, t => new SummaryTakeaway(t.Text, t.Kind, t.ForPlenary, t.Ordinal, t.Supports, t.Anchor));
        var baseUrl = $"{Request.Scheme}://{Request.Host}";
        Rooms = meeting.Days.SelectMany(d => d.Agenda.Where(a => a.Rooms.Count > 0).Select(a => (Day: d, Item: a)))
            .SelectMany(x => x.Item.Rooms.Select(r => new SummaryRoom(
                $"{x.Day.Date:d MMMM yyyy}, {x.Item.Title}", r.Title, r.Moderator?.Name, r.NoteTaker?.Name, r.TermNames,
                $"{baseUrl}/meetings/{meeting.Slug}/rooms/{r.Id}", takeaways[r.Id].ToList())))
            .ToList();

        if (format == "md")
        {
            return File(Encoding.UTF8.GetBytes(PlenarySummary.ToMarkdown(meeting.Title, Rooms)), "text/markdown; charset=utf-8", $"{meeting.Slug}-plenary-summary.md");
        }

        if (format == "docx")
        {
            return File(PlenaryWord.Build(meeting.Title, Rooms),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{meeting.Slug}-plenary-summary.docx");
        }

        return Page();
    }
}
