using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>The secretariat opens, changes and deletes the consultation windows of a version.</summary>
public sealed class ConsultationModel(ConsultationService consultations) : PageModel
{
    [BindProperty] public WindowForm Input { get; set; } = new();

    /// <summary>The window being changed (from "Change" in the list).</summary>
    [FromQuery(Name = "edit")] public int? Edit { get; set; }

    [TempData] public string? Problem { get; set; }

    public ConsultationVersion Version { get; private set; } = null!;
    public IReadOnlyList<SavedWindow> Windows { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public DateTime Now => consultations.Now;

    /// <summary>Whether the guideline's publicly consulted versions are readable without signing in.</summary>
    public bool AnonymousReading { get; private set; }

    /// <summary>The newer version that supersedes this one and whether it is kept open; null for the newest version.</summary>
    public Supersession? Superseded { get; private set; }

    public string DraftPath => $"/guidelines/{Version.GuidelineSlug}/v/{Version.Number}";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        if (Edit is { } id)
        {
            var saved = Windows.FirstOrDefault(w => w.Id == id);
            if (saved is null)
            {
                Problem = "That consultation window is not on this version; it may have been deleted.";
                return Redirect($"{DraftPath}/consultation");
            }

            Input = WindowForm.Of(saved);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int number, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        Problems = await consultations.SaveAsync(Caller.From(User), Version, Input, ct);
        if (Problems.Count > 0)
        {
            return Page();
        }

        TempData["Flash"] = Input.Id == 0 ? $"The consultation window '{Input.Title!.Trim()}' was added." : $"The consultation window '{Input.Title!.Trim()}' was saved.";
        return Redirect($"{DraftPath}/consultation");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int number, int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        Problem = await consultations.DeleteAsync(Caller.From(User), Version.Id, id, ct);
        if (Problem is null)
        {
            TempData["Flash"] = Windows.Count == 1
                ? $"The consultation window was deleted. v{Version.Number} has no window now: commenting is open as before."
                : "The consultation window was deleted.";
        }

        return Redirect($"{DraftPath}/consultation");
    }

    public async Task<IActionResult> OnPostReadingAsync(string slug, int number, bool anonymousReading, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        Problem = await consultations.SetAnonymousReadingAsync(Caller.From(User), Version.GuidelineId, anonymousReading, ct);
        if (Problem is null)
        {
            TempData["Flash"] = anonymousReading
                ? $"Publicly consulted drafts of {Version.GuidelineTitle} are now readable without signing in."
                : $"{Version.GuidelineTitle} is now readable by signed-in people only.";
        }

        return Redirect($"{DraftPath}/consultation");
    }

    public async Task<IActionResult> OnPostKeepOpenAsync(string slug, int number, bool keepOpen, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        if (Superseded is null)
        {
            Problem = $"v{Version.Number} is the current draft and takes comments; the setting is for versions a newer one has superseded.";
            return Redirect($"{DraftPath}/consultation");
        }

        Problem = await consultations.SetKeptOpenAsync(Caller.From(User), Version, keepOpen, ct);
        if (Problem is null)
        {
            TempData["Flash"] = keepOpen
                ? $"v{Version.Number} stays open for comments although v{Superseded.Newest.Number} is published; new comments on it are carried forward to the newer versions."
                : $"v{Version.Number} is closed for new comments: readers are sent to v{Superseded.Newest.Number}.";
        }

        return Redirect($"{DraftPath}/consultation");
    }

    public static string PhaseOf(ConsultationPeriod window, DateTime now) =>
        window.IsOpenAt(now) ? "Open now" : window.OpensAt > now ? "Upcoming" : "Closed";

    private async Task<bool> LoadAsync(string slug, int number, CancellationToken ct)
    {
        var version = await consultations.FindVersionAsync(slug, number, ct);
        if (version is null)
        {
            return false;
        }

        Version = version;
        Windows = await consultations.WindowsAsync(version.Id, ct);
        AnonymousReading = await consultations.AnonymousReadingAsync(version.GuidelineId, ct);
        Superseded = await consultations.SupersessionAsync(version.Id, ct);
        return true;
    }
}
