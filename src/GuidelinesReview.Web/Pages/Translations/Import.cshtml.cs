using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>Importing an XLIFF file filled in a CAT tool: a report of what came in, or of every problem (and nothing imported).</summary>
[RequestSizeLimit(XliffReader.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = XliffReader.MaxBytes + 64 * 1024)]
public sealed class ImportModel(TranslationAccess access, XliffExchange exchange) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public TranslationTarget Target { get; private set; } = null!;
    public XliffImportReport? Report { get; private set; }
    public string? Refusal { get; private set; }

    public string WorkspacePath => $"/guidelines/{Target.Version.Guideline.Slug}/v/{Target.Version.Number}/translate/{Target.Language.Code}";

    public async Task<IActionResult> OnGetAsync(string slug, int number, string lang, CancellationToken ct) =>
        await OpenAsync(slug, number, lang, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, int number, string lang, CancellationToken ct)
    {
        if (await OpenAsync(slug, number, lang, ct) is { } refused)
        {
            return refused;
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the XLIFF file (.xlf or .xliff) to import.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await exchange.ImportAsync(Caller.From(User), slug, number, lang, stream, ct);
        if (!Report.Imported)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult?> OpenAsync(string slug, int number, string lang, CancellationToken ct)
    {
        try
        {
            Target = await access.OpenAsync(Caller.From(User), slug, number, lang, ct);
        }
        catch (RefusedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = e.StatusCode;
            return Page();
        }

        if (!Target.Rights.CanTranslate)
        {
            Refusal = $"You are not assigned to translate {Target.Language.EnglishName} ({Target.Language.Code}), so you cannot import its translations. Ask the secretariat to add it to your profile.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return null;
    }
}
