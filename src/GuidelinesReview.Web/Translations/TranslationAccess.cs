using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>What a person may do with one version in one language.</summary>
public sealed record TranslationRights(bool CanView, bool CanTranslate, bool CanReview);

/// <summary>A version opened in a target language: what the workspace, the hub and the exchange start from.</summary>
public sealed record TranslationTarget(DraftVersion Version, LanguageInfo Language, TranslationRights Rights);

/// <summary>
/// Who may translate what. A Translator translates the languages on their profile (set by the
/// secretariat) and reviews those marked so; the secretariat sees every language's work but does
/// not translate unless it is assigned a language too. Checked on the server for every call.
/// </summary>
public sealed class TranslationAccess(AppDbContext db)
{
    /// <summary>The guideline's target languages for a version: every language it lists except the version's own.</summary>
    public static IReadOnlyList<string> TargetsOf(Guideline guideline, DraftVersion version) => TargetsOf(guideline, version.Language);

    public static IReadOnlyList<string> TargetsOf(Guideline guideline, string versionLanguage) =>
        guideline.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !string.Equals(l, versionLanguage, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>
    /// The target language <paramref name="language"/> names, as the guideline spells it; refused
    /// (not found) with a sentence listing the guideline's target languages when it is not one of them.
    /// </summary>
    public static LanguageInfo TargetOf(Guideline guideline, string versionLanguage, string language)
    {
        var targets = TargetsOf(guideline, versionLanguage);
        var match = targets.FirstOrDefault(t => string.Equals(t, language, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var shown = language.Length > 20 ? language[..20] + "…" : language;
            throw RefusedException.NotFound(
                $"'{shown}' is not a language '{guideline.Title}' is translated into; its target languages are {string.Join(", ", targets.Select(t => $"{Languages.Of(t).EnglishName} ({t})"))}.");
        }

        return Languages.Of(match);
    }

    public async Task<TranslationRights> RightsAsync(Caller caller, string language, CancellationToken ct)
    {
        var assigned = caller.Roles.Contains(Roles.Translator)
            ? await db.TranslatorLanguages.AsNoTracking().SingleOrDefaultAsync(l => l.UserId == caller.UserId && l.Language == language, ct)
            : null;
        var secretariat = caller.Roles.Contains(Roles.Secretariat) || caller.Roles.Contains(Roles.Admin);
        return new TranslationRights(assigned is not null || secretariat, assigned is not null, assigned?.Reviews == true);
    }

    /// <summary>The version (by id) in a language, refused with a sentence when the language is not a target or the caller has no part in it.</summary>
    public async Task<TranslationTarget> OpenAsync(Caller caller, int versionId, string language, CancellationToken ct)
    {
        var version = await db.DraftVersions.AsNoTracking().Include(v => v.Guideline).SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw RefusedException.NotFound($"There is no draft version {versionId}.");
        return await CheckAsync(caller, version, language, ct);
    }

    /// <summary>The version (by guideline slug and number) in a language, with the same checks.</summary>
    public async Task<TranslationTarget> OpenAsync(Caller caller, string slug, int number, string language, CancellationToken ct)
    {
        var version = await db.DraftVersions.AsNoTracking().Include(v => v.Guideline)
            .SingleOrDefaultAsync(v => v.Guideline.Slug == slug && v.Number == number, ct)
            ?? throw RefusedException.NotFound($"'{slug}' has no version {number}.");
        return await CheckAsync(caller, version, language, ct);
    }

    private async Task<TranslationTarget> CheckAsync(Caller caller, DraftVersion version, string language, CancellationToken ct)
    {
        var info = TargetOf(version.Guideline, version.Language, language);
        var match = info.Code;
        var rights = await RightsAsync(caller, match, ct);
        if (!rights.CanView)
        {
            throw RefusedException.Forbidden(caller.Roles.Contains(Roles.Translator)
                ? $"You are not assigned to translate {info.EnglishName} ({match}). Ask the secretariat to add it to the languages on your profile."
                : $"Only translators of {info.EnglishName} and the secretariat work on its translation. Read the {info.EnglishName} version from the draft page instead.");
        }

        return new TranslationTarget(version, info, rights);
    }
}
