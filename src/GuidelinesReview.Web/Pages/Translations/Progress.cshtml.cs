using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>Where the translation of a version stands: a section × language matrix of segment states.</summary>
public sealed class ProgressModel(TranslationProgress progress) : PageModel
{
    public VersionProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        var found = await progress.ForVersionAsync(Caller.From(User), slug, number, ct);
        if (found is null)
        {
            return NotFound();
        }

        Progress = found;
        return Page();
    }
}
