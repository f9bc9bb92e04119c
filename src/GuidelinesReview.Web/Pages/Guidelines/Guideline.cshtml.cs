using GuidelinesReview.Core.Content;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

[CompressResponse]
public sealed class GuidelineModel(AppDbContext db, ReadAccess access) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public IReadOnlyList<Row> Versions { get; private set; } = [];

    /// <summary>Whether the guideline is translated into other languages (its versions then have a translations page).</summary>
    public bool Translated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var guideline = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, ct);
        var readable = guideline is null ? null : await access.ReadableVersionsAsync(User, guideline.Id, ct);
        if (guideline is null || readable is { Count: 0 })
        {
            return NotFound(); // a members-only guideline does not exist for a public participant
        }

        (Slug, Title, Summary) = (guideline.Slug, guideline.Title, guideline.Summary);
        Translated = guideline.Languages.Contains(',', StringComparison.Ordinal);
        Versions = await db.DraftVersions.AsNoTracking()
            .Where(v => v.GuidelineId == guideline.Id && (readable == null || readable.Contains(v.Id)))
            .OrderByDescending(v => v.Number)
            .Select(v => new Row(v.Number, v.Label, v.Date, v.Status, v.WordCount, v.Summary))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record Row(int Number, string Label, DateTime Date, DraftStatus Status, int WordCount, string Summary);
}
