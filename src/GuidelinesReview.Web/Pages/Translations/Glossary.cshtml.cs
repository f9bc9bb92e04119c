using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>A guideline's glossary: everyone reads it, the secretariat adds, edits and deletes terms.</summary>
public sealed class GlossaryModel(GlossaryService glossary) : PageModel
{
    [FromQuery(Name = "edit")] public int? EditId { get; set; }

    [BindProperty] public TermForm Form { get; set; } = new();

    public GlossaryGuideline Guideline { get; private set; } = null!;
    public IReadOnlyList<GlossaryTermView> Entries { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The term the form edits (null: the form adds one).</summary>
    public int? FormFor { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Secretariat) || User.IsInRole(Roles.Admin);

    public sealed class TermForm
    {
        public string? Term { get; set; }
        public string? Note { get; set; }
        public List<RenderingForm> Renderings { get; set; } = [];
    }

    public sealed class RenderingForm
    {
        public string? Language { get; set; }
        public string? Preferred { get; set; }
        public string? Forbidden { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (CanEdit && EditId is { } id && Entries.FirstOrDefault(e => e.Id == id) is { } editing)
        {
            FormFor = id;
            Form = new TermForm
            {
                Term = editing.Term,
                Note = editing.Note,
                Renderings = Guideline.Targets.Select(t => editing.Renderings.TryGetValue(t.Code, out var r)
                    ? new RenderingForm { Language = t.Code, Preferred = r.Preferred, Forbidden = string.Join('\n', r.Forbidden) }
                    : new RenderingForm { Language = t.Code }).ToList(),
            };
        }
        else
        {
            Form = EmptyForm();
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string slug, CancellationToken ct) =>
        SaveAsync(slug, null, ct);

    public Task<IActionResult> OnPostEditAsync(string slug, int id, CancellationToken ct) =>
        SaveAsync(slug, id, ct);

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int id, CancellationToken ct)
    {
        if (await glossary.GuidelineAsync(slug, ct) is not { } guideline)
        {
            return NotFound();
        }

        try
        {
            var term = await glossary.DeleteAsync(Caller.From(User), guideline, id, ct);
            TempData["Flash"] = $"'{term}' was deleted from the glossary.";
            return Redirect($"/guidelines/{slug}/glossary");
        }
        catch (RefusedException e)
        {
            return Refused(e);
        }
    }

    private async Task<IActionResult> SaveAsync(string slug, int? id, CancellationToken ct)
    {
        if (await glossary.GuidelineAsync(slug, ct) is not { } guideline)
        {
            return NotFound();
        }

        var input = new GlossaryInput(Form.Term, Form.Note, Form.Renderings.Select(r => new GlossaryRenderingInput(r.Language, r.Preferred, r.Forbidden)).ToList());
        try
        {
            Problems = id is { } existing
                ? await glossary.UpdateAsync(Caller.From(User), guideline, existing, input, ct)
                : await glossary.AddAsync(Caller.From(User), guideline, input, ct);
        }
        catch (RefusedException e)
        {
            return Refused(e);
        }

        if (Problems.Count == 0)
        {
            TempData["Flash"] = id is null ? $"'{Form.Term?.Trim()}' was added to the glossary." : $"'{Form.Term?.Trim()}' was saved.";
            return Redirect($"/guidelines/{slug}/glossary");
        }

        // Shown again with what was typed, and a row for every target language.
        Guideline = guideline;
        Entries = await glossary.EntriesAsync(guideline.Id, ct);
        Form.Renderings.AddRange(guideline.Targets.Where(t => !Form.Renderings.Any(r => r.Language == t.Code)).Select(t => new RenderingForm { Language = t.Code }));
        FormFor = id;
        return Page();
    }

    private IActionResult Refused(RefusedException e) => e.StatusCode switch
    {
        StatusCodes.Status403Forbidden => Forbid(),
        StatusCodes.Status404NotFound => NotFound(e.Message),
        _ => BadRequest(e.Message),
    };

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await glossary.GuidelineAsync(slug, ct) is not { } guideline)
        {
            return false;
        }

        Guideline = guideline;
        Entries = await glossary.EntriesAsync(guideline.Id, ct);
        return true;
    }

    private TermForm EmptyForm() => new() { Renderings = Guideline.Targets.Select(t => new RenderingForm { Language = t.Code }).ToList() };
}
