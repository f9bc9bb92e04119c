using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>The secretariat sets the languages each translator translates and reviews.</summary>
public sealed class TranslatorsModel(TranslatorLanguagesService languages) : PageModel
{
    public IReadOnlyList<TranslatorProfile> Translators { get; private set; } = [];

    /// <summary>The languages offered: every guideline's target languages, and any a translator already has.</summary>
    public IReadOnlyList<string> Offered { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The translator whose form was refused, shown with what was posted.</summary>
    public string? RefusedUserId { get; private set; }
    public IReadOnlySet<string> PostedTranslates { get; private set; } = new HashSet<string>();
    public IReadOnlySet<string> PostedReviews { get; private set; } = new HashSet<string>();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? userId, List<string?>? translates, List<string?>? reviews, CancellationToken ct)
    {
        Problems = await languages.SetAsync(Caller.From(User), userId, translates ?? [], reviews ?? [], ct);
        if (Problems.Count == 0)
        {
            var saved = await languages.OfAsync(userId!, ct);
            var name = (await languages.TranslatorsAsync(ct)).FirstOrDefault(t => t.UserId == userId)?.DisplayName ?? "the translator";
            TempData["Flash"] = saved.Count == 0
                ? $"Languages of {name} saved: none."
                : $"Languages of {name} saved: {string.Join(", ", saved.Select(l => l.Language.EnglishName + (l.Reviews ? " (reviews)" : "")))}.";
            return RedirectToPage();
        }

        (RefusedUserId, PostedTranslates, PostedReviews) = (userId, Set(translates), Set(reviews));
        await LoadAsync(ct);
        return Page();
    }

    public bool Translates(TranslatorProfile translator, string code) =>
        translator.UserId == RefusedUserId ? PostedTranslates.Contains(code) || PostedReviews.Contains(code) : translator.Languages.Any(l => l.Language.Code == code);

    public bool Reviews(TranslatorProfile translator, string code) =>
        translator.UserId == RefusedUserId ? PostedReviews.Contains(code) : translator.Languages.Any(l => l.Language.Code == code && l.Reviews);

    private async Task LoadAsync(CancellationToken ct)
    {
        Translators = await languages.TranslatorsAsync(ct);
        var known = await languages.KnownTargetsAsync(ct);
        Offered = known.Concat(Translators.SelectMany(t => t.Languages.Select(l => l.Language.Code)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static HashSet<string> Set(List<string?>? codes) => (codes ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
