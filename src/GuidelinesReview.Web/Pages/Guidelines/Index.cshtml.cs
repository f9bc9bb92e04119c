using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

[CompressResponse]
public sealed class IndexModel(AppDbContext db, ReadAccess access) : PageModel
{
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A public participant sees only the guidelines they can be consulted on, and in them the versions they may read.
        var readable = await access.ReadableGuidelinesAsync(User, ct);
        Items = await db.Guidelines.AsNoTracking()
            .Where(g => readable == null || readable.Contains(g.Id))
            .OrderBy(g => g.Title)
            .Select(g => new Item(
                g.Slug,
                g.Title,
                g.Summary,
                g.Versions.Count,
                g.Versions.OrderByDescending(v => v.Number).Select(v => new VersionSummary(v.Number, v.Label, v.Date, v.Status)).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public sealed record Item(string Slug, string Title, string Summary, int VersionCount, VersionSummary? Latest);
}
