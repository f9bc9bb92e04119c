using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>The secretariat publishes a new version by uploading its Markdown file (or a Word file, with pandoc).</summary>
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
public sealed class PublishModel(AppDbContext db, DraftPublisher publisher, DocxConverter docx, TranslationCarryService translations) : PageModel
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    [BindProperty]
    [Required(ErrorMessage = "Choose the file of the new version.")]
    public IFormFile? Upload { get; set; }

    /// <summary>For a Word file: the front matter to put above the converted text.</summary>
    [BindProperty]
    public string? FrontMatter { get; set; }

    /// <summary>The text of a file read in the first step, sent back with the secretariat's editorial choices.</summary>
    [BindProperty]
    public string? PendingText { get; set; }

    [BindProperty]
    public string? PendingName { get; set; }

    /// <summary>New-version anchors whose change the secretariat marks editorial (translations keep their approval).</summary>
    [BindProperty]
    public List<string> Editorial { get; set; } = [];

    /// <summary>Set when the file changes translated blocks: the page asks which changes are editorial before publishing.</summary>
    public IReadOnlyList<EditorialChoice> Choices { get; private set; } = [];

    public Guideline Guideline { get; private set; } = null!;
    public IReadOnlyList<int> Numbers { get; private set; } = [];
    public bool WordSupported => DocxConverter.Available;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var file = Upload!;
        if (file.Length == 0 || file.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is {file.Length:N0} bytes; it must be between 1 byte and {MaxUploadBytes / 1024 / 1024} MB.");
            return Page();
        }

        string text;
        if (Path.GetExtension(file.FileName).Equals(".docx", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = file.OpenReadStream();
            var (markdown, problem) = await docx.ConvertAsync(stream, ct);
            if (markdown is null)
            {
                ModelState.AddModelError(nameof(Upload), problem!);
                return Page();
            }

            text = $"---\n{FrontMatter?.Trim()}\n---\n\n{markdown}";
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }

        try
        {
            Choices = await translations.EditorialChoicesAsync(Guideline, DraftFile.Parse(text, Path.GetFileName(file.FileName)), ct);
        }
        catch (Exception e) when (e is ContentFormatException or MarkdownRejectedException)
        {
            ModelState.AddModelError(nameof(Upload), $"{e.Message} Nothing was published.");
            return Page();
        }

        if (Choices.Count > 0)
        {
            (PendingText, PendingName) = (text, Path.GetFileName(file.FileName));
            return Page();
        }

        return await PublishAsync(slug, text, Path.GetFileName(file.FileName), null, ct);
    }

    /// <summary>Second step, when translations are affected: publish the file read in the first step, with the editorial choices.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrEmpty(PendingText) || string.IsNullOrWhiteSpace(PendingName) || PendingText.Length > MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file to publish did not come back with the form; choose it again.");
            return Page();
        }

        try
        {
            Choices = await translations.EditorialChoicesAsync(Guideline, DraftFile.Parse(PendingText, PendingName), ct);
        }
        catch (Exception e) when (e is ContentFormatException or MarkdownRejectedException)
        {
            ModelState.AddModelError(nameof(Upload), $"{e.Message} Nothing was published.");
            return Page();
        }

        var unknown = Editorial.Except(Choices.Select(c => c.NewAnchor), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(nameof(Editorial), $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a changed block" : "are not changed blocks")} with translations in this file; nothing was published.");
            return Page();
        }

        return await PublishAsync(slug, PendingText, PendingName, Editorial.ToHashSet(StringComparer.Ordinal), ct);
    }

    private async Task<IActionResult> PublishAsync(string slug, string text, string name, IReadOnlySet<string>? editorial, CancellationToken ct)
    {
        PublishResult result;
        try
        {
            result = await publisher.PublishAsync(Guideline, text, name, ct, editorial);
        }
        catch (Exception e) when (e is ContentFormatException or MarkdownRejectedException)
        {
            ModelState.AddModelError(nameof(Upload), $"{e.Message} Nothing was published.");
            return Page();
        }

        if (result.Outcome is PublishOutcome.Refused or PublishOutcome.Unchanged)
        {
            ModelState.AddModelError(nameof(Upload), result.Outcome == PublishOutcome.Unchanged
                ? $"{result.Message} This file is identical to it; nothing was published."
                : result.Message);
            return Page();
        }

        TempData["Flash"] = result.Message;
        var number = result.Version!.Number;
        var previous = Numbers.Where(n => n < number).DefaultIfEmpty(0).Max();
        return previous == 0
            ? Redirect($"/guidelines/{slug}/v/{number}")
            : Redirect($"/guidelines/{slug}/compare?from={previous}&to={number}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var guideline = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, ct);
        if (guideline is null)
        {
            return false;
        }

        Guideline = guideline;
        Numbers = await db.DraftVersions.Where(v => v.GuidelineId == guideline.Id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(ct);
        return true;
    }
}
