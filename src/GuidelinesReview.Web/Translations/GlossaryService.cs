using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>A glossary term as pages show it; renderings by language code.</summary>
public sealed record GlossaryTermView(int Id, string Term, IReadOnlyDictionary<string, GlossaryRendering> Renderings, string Note)
{
    /// <summary>The term as the translation checks and the workspace use it.</summary>
    public GlossaryEntry Entry => new(Term, Renderings, Note);
}

/// <summary>A guideline whose glossary is open: its target languages are those a rendering may be given in.</summary>
public sealed record GlossaryGuideline(int Id, string Slug, string Title, IReadOnlyList<LanguageInfo> Targets);

/// <summary>A term as the secretariat typed it: forbidden variants one a line.</summary>
public sealed record GlossaryInput(string? Term, string? Note, IReadOnlyList<GlossaryRenderingInput> Renderings);

public sealed record GlossaryRenderingInput(string? Language, string? Preferred, string? Forbidden);

/// <summary>
/// A guideline's glossary: everyone signed in reads it; the secretariat (or an admin) adds, edits
/// and deletes terms. Every rule is checked here, all problems are reported together, and a
/// refused change saves nothing.
/// </summary>
public sealed class GlossaryService(AppDbContext db)
{
    public const int MaxTerm = 200;
    public const int MaxPreferred = 200;
    public const int MaxNote = 1000;

    /// <summary>The whole forbidden list of one language, as stored (one a line).</summary>
    public const int MaxForbidden = 1000;

    public async Task<GlossaryGuideline?> GuidelineAsync(string slug, CancellationToken ct)
    {
        var guideline = await db.Guidelines.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, ct);
        if (guideline is null)
        {
            return null;
        }

        // The languages of the guideline but the one its (latest) version is written in.
        var source = await db.DraftVersions.AsNoTracking().Where(v => v.GuidelineId == guideline.Id)
            .OrderByDescending(v => v.Number).Select(v => v.Language).FirstOrDefaultAsync(ct) ?? "en";
        var targets = guideline.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !string.Equals(l, source, StringComparison.OrdinalIgnoreCase))
            .Select(Languages.Of)
            .ToList();
        return new GlossaryGuideline(guideline.Id, guideline.Slug, guideline.Title, targets);
    }

    /// <summary>The guideline's terms in alphabetical order.</summary>
    public async Task<IReadOnlyList<GlossaryTermView>> EntriesAsync(int guidelineId, CancellationToken ct)
    {
        var items = await db.GlossaryItems.AsNoTracking().Include(g => g.Renderings).Where(g => g.GuidelineId == guidelineId).ToListAsync(ct);
        return items
            .OrderBy(g => g.Term, StringComparer.InvariantCultureIgnoreCase)
            .Select(g => new GlossaryTermView(
                g.Id,
                g.Term,
                g.Renderings.ToDictionary(
                    r => r.Language,
                    r => new GlossaryRendering(r.Preferred, ForbiddenList(r.Forbidden)),
                    StringComparer.Ordinal),
                g.Note))
            .ToList();
    }

    /// <summary>Adds a term; returns the problems (nothing is saved when there is one).</summary>
    public Task<IReadOnlyList<string>> AddAsync(Caller caller, GlossaryGuideline guideline, GlossaryInput input, CancellationToken ct) =>
        SaveAsync(caller, guideline, null, input, ct);

    /// <summary>Replaces a term's wording, note and renderings; returns the problems (nothing is saved when there is one).</summary>
    public Task<IReadOnlyList<string>> UpdateAsync(Caller caller, GlossaryGuideline guideline, int id, GlossaryInput input, CancellationToken ct) =>
        SaveAsync(caller, guideline, id, input, ct);

    /// <summary>Deletes a term with its renderings; returns the term deleted.</summary>
    public async Task<string> DeleteAsync(Caller caller, GlossaryGuideline guideline, int id, CancellationToken ct)
    {
        EnsureEditor(caller);
        var item = await db.GlossaryItems.SingleOrDefaultAsync(g => g.Id == id && g.GuidelineId == guideline.Id, ct)
            ?? throw RefusedException.NotFound("That term is not in this glossary (any more).");
        db.GlossaryItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return item.Term;
    }

    private async Task<IReadOnlyList<string>> SaveAsync(Caller caller, GlossaryGuideline guideline, int? id, GlossaryInput input, CancellationToken ct)
    {
        EnsureEditor(caller);
        var items = await db.GlossaryItems.Include(g => g.Renderings).Where(g => g.GuidelineId == guideline.Id).ToListAsync(ct);
        var item = id is null ? null : items.SingleOrDefault(g => g.Id == id)
            ?? throw RefusedException.NotFound("That term is not in this glossary (any more).");

        var problems = new List<string>();
        var term = (input.Term ?? "").Trim();
        var note = (input.Note ?? "").Trim();
        if (term.Length == 0)
        {
            problems.Add("Give the term: the word or phrase of the guideline that translators should render one way.");
        }
        else if (term.Length > MaxTerm)
        {
            problems.Add($"The term is {term.Length} characters long; a term has at most {MaxTerm}.");
        }
        else if (items.FirstOrDefault(g => g != item && string.Equals(g.Term, term, StringComparison.InvariantCultureIgnoreCase)) is { } same)
        {
            problems.Add($"'{same.Term}' is already in this glossary: edit it instead of adding it again.");
        }

        if (note.Length > MaxNote)
        {
            problems.Add($"The note is {note.Length} characters long; at most {MaxNote}.");
        }

        var renderings = Renderings(guideline, term.Length == 0 ? "the term" : $"'{term}'", input.Renderings, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        if (item is null)
        {
            item = new GlossaryItem { GuidelineId = guideline.Id };
            db.GlossaryItems.Add(item);
        }

        item.Term = term;
        item.Note = note;
        item.Renderings.RemoveAll(r => !renderings.Any(n => n.Language == r.Language));
        foreach (var rendering in renderings)
        {
            if (item.Renderings.FirstOrDefault(r => r.Language == rendering.Language) is { } kept)
            {
                (kept.Preferred, kept.Forbidden) = (rendering.Preferred, rendering.Forbidden);
            }
            else
            {
                item.Renderings.Add(rendering);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another secretariat member added the same term at the same moment (unique index).
            db.ChangeTracker.Clear();
            return [$"'{term}' is already in this glossary: edit it instead of adding it again."];
        }

        return [];
    }

    private static List<GlossaryItemRendering> Renderings(GlossaryGuideline guideline, string term, IReadOnlyList<GlossaryRenderingInput> input, List<string> problems)
    {
        var result = new List<GlossaryItemRendering>();
        var targets = guideline.Targets.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rendering in input)
        {
            var code = (rendering.Language ?? "").Trim();
            var preferred = (rendering.Preferred ?? "").Trim();
            var forbidden = ForbiddenList(rendering.Forbidden ?? "");
            if (!targets.TryGetValue(code, out var language))
            {
                if (preferred.Length > 0 || forbidden.Count > 0)
                {
                    problems.Add($"'{code}' is not a language {guideline.Title} is translated into; its target languages are {string.Join(", ", guideline.Targets.Select(t => $"{t.EnglishName} ({t.Code})"))}.");
                }

                continue;
            }

            if (!seen.Add(language.Code))
            {
                problems.Add($"{language.EnglishName} is given twice: give one rendering per language.");
                continue;
            }

            if (preferred.Length == 0)
            {
                if (forbidden.Count > 0)
                {
                    problems.Add($"Give the preferred {language.EnglishName} rendering of {term}, or leave its forbidden variants empty.");
                }

                continue;
            }

            if (preferred.Length > MaxPreferred)
            {
                problems.Add($"The preferred {language.EnglishName} rendering is {preferred.Length} characters long; at most {MaxPreferred}.");
            }

            if (forbidden.FirstOrDefault(f => f.Length > MaxPreferred) is { } longVariant)
            {
                problems.Add($"A forbidden {language.EnglishName} variant is {longVariant.Length} characters long; at most {MaxPreferred} each.");
            }

            var stored = string.Join('\n', forbidden);
            if (stored.Length > MaxForbidden)
            {
                problems.Add($"The forbidden {language.EnglishName} variants take {stored.Length} characters; at most {MaxForbidden} together.");
            }

            if (forbidden.FirstOrDefault(f => string.Equals(f, preferred, StringComparison.InvariantCultureIgnoreCase)) is { } both)
            {
                problems.Add($"'{both}' cannot be both the preferred {language.EnglishName} rendering and a forbidden one.");
            }

            result.Add(new GlossaryItemRendering { Language = language.Code, Preferred = preferred, Forbidden = stored });
        }

        return result;
    }

    private static void EnsureEditor(Caller caller)
    {
        if (!caller.Roles.Contains(Roles.Secretariat) && !caller.Roles.Contains(Roles.Admin))
        {
            throw RefusedException.Forbidden("Only the secretariat edits the glossary.");
        }
    }

    /// <summary>Forbidden variants, one a line: trimmed, blank lines and repeats dropped.</summary>
    private static List<string> ForbiddenList(string lines) =>
        lines.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.InvariantCultureIgnoreCase).ToList();
}
