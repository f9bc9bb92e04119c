using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Meetings;

/// <summary>A meeting's agenda, day by day, with its breakout rooms and who is in them.</summary>
public sealed class MeetingModel(MeetingReader meetings) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public Caller Caller { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(slug, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        (Meeting, Caller) = (meeting, Caller.From(User));
        return Page();
    }

    public bool MayEnter(RoomSummary room) => RoomAccess.Allows(room.As(Caller), RoomAction.Enter);
}
