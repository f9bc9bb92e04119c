using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>A language on a translator's profile: translated, and maybe reviewed too.</summary>
public sealed record AssignedLanguage(LanguageInfo Language, bool Reviews);

/// <summary>A translator and the languages on their profile.</summary>
public sealed record TranslatorProfile(string UserId, string DisplayName, string Email, IReadOnlyList<AssignedLanguage> Languages);

/// <summary>
/// The languages on each translator's profile, which only the secretariat (or an admin) sets:
/// those they translate, and those of them they may also review. Reviewing a language includes
/// translating it. A refused change saves nothing.
/// </summary>
public sealed partial class TranslatorLanguagesService(AppDbContext db, ILogger<TranslatorLanguagesService> logger)
{
    /// <summary>
    /// Every language some guideline is translated into: the union of the guidelines' languages,
    /// less the languages their versions are written in (English when a guideline has no version yet).
    /// </summary>
    public async Task<IReadOnlyList<string>> KnownTargetsAsync(CancellationToken ct)
    {
        var guidelines = await db.Guidelines.AsNoTracking().Select(g => new { g.Id, g.Languages }).ToListAsync(ct);
        var sources = (await db.DraftVersions.AsNoTracking().Select(v => new { v.GuidelineId, v.Language }).Distinct().ToListAsync(ct))
            .ToLookup(v => v.GuidelineId, v => v.Language);
        return guidelines
            .SelectMany(g =>
            {
                var own = sources[g.Id].DefaultIfEmpty("en").ToHashSet(StringComparer.OrdinalIgnoreCase);
                return g.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !own.Contains(l));
            })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(l => Languages.Of(l).EnglishName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Everyone with the Translator role, by name, with their languages.</summary>
    public async Task<IReadOnlyList<TranslatorProfile>> TranslatorsAsync(CancellationToken ct)
    {
        var translators = await TranslatorAccounts().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        var ids = translators.Select(t => t.Id).ToList();
        var languages = (await db.TranslatorLanguages.AsNoTracking().Where(l => ids.Contains(l.UserId)).ToListAsync(ct))
            .ToLookup(l => l.UserId);
        return translators.Select(t => new TranslatorProfile(t.Id, t.DisplayName, t.Email ?? "", Describe(languages[t.Id]))).ToList();
    }

    /// <summary>The languages on one person's profile (none for someone who is not a translator).</summary>
    public async Task<IReadOnlyList<AssignedLanguage>> OfAsync(string userId, CancellationToken ct) =>
        Describe(await db.TranslatorLanguages.AsNoTracking().Where(l => l.UserId == userId).ToListAsync(ct));

    /// <summary>
    /// Sets exactly these languages on a translator's profile (a language in <paramref name="reviews"/>
    /// is translated too). Returns the problems, each a sentence; when there is one, nothing is saved.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetAsync(Caller caller, string? userId, IEnumerable<string?> translates, IEnumerable<string?> reviews, CancellationToken ct)
    {
        if (!caller.Roles.Contains(Roles.Secretariat) && !caller.Roles.Contains(Roles.Admin))
        {
            throw RefusedException.Forbidden("Only the secretariat sets the languages on translators' profiles.");
        }

        var user = string.IsNullOrEmpty(userId) ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return ["That account does not exist (any more). Nothing was changed."];
        }

        if (!await TranslatorAccounts().AnyAsync(u => u.Id == user.Id, ct))
        {
            return [$"{user.DisplayName} is not a Translator: only translators have languages on their profile. An admin can give them the Translator role on Users. Nothing was changed."];
        }

        var reviewed = Clean(reviews);
        var wanted = Clean(translates).Concat(reviewed).Distinct(StringComparer.Ordinal).ToList();
        var problems = wanted.Where(code => !LanguageCode.IsValid(code))
            .Select(code => $"'{code}' is not a language code (two or three lower-case letters, optionally followed by a region or script, as in pt-BR).")
            .ToList();
        if (problems.Count > 0)
        {
            problems.Add($"The languages of {user.DisplayName} were not changed.");
            return problems;
        }

        var current = await db.TranslatorLanguages.Where(l => l.UserId == user.Id).ToListAsync(ct);
        db.TranslatorLanguages.RemoveRange(current.Where(l => !wanted.Contains(l.Language, StringComparer.Ordinal)));
        foreach (var code in wanted)
        {
            var row = current.FirstOrDefault(l => l.Language == code);
            if (row is null)
            {
                db.TranslatorLanguages.Add(new TranslatorLanguage { UserId = user.Id, Language = code, Reviews = reviewed.Contains(code) });
            }
            else
            {
                row.Reviews = reviewed.Contains(code);
            }
        }

        await db.SaveChangesAsync(ct);
        LogSet(user.Id, string.Join(",", wanted.Select(c => reviewed.Contains(c) ? c + "+review" : c)), caller.UserId);
        return [];
    }

    private IQueryable<Accounts.AppUser> TranslatorAccounts() =>
        db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Translator)));

    private static HashSet<string> Clean(IEnumerable<string?> codes) =>
        codes.Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static List<AssignedLanguage> Describe(IEnumerable<TranslatorLanguage> languages) =>
        languages.Select(l => new AssignedLanguage(Languages.Of(l.Language), l.Reviews))
            .OrderBy(l => l.Language.EnglishName, StringComparer.Ordinal)
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Translator {UserId}: languages set to {Languages} by {ActorId}")]
    private partial void LogSet(string userId, string languages, string actorId);
}
