using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

[CompressResponse]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await db.Guidelines.AsNoTracking()
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
