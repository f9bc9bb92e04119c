using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Meetings;

public sealed class IndexModel(MeetingReader meetings) : PageModel
{
    public IReadOnlyList<(string Slug, string Title, DateTime Start, DateTime End, int Rooms)> Items { get; private set; } = [];

    public bool CanSetUp => Caller.From(User).CanModerate;

    public async Task OnGetAsync(CancellationToken ct) => Items = await meetings.ListAsync(ct);
}
