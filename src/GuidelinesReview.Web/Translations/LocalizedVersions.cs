using System.Text;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Drafts;

namespace GuidelinesReview.Web.Translations;

/// <summary>A language a version can be read in: its own (the source) or a target language, with the share of it approved.</summary>
public sealed record LanguageChoice(LanguageInfo Language, bool IsSource, ApprovedShare Progress);

/// <summary>A file to download: its bytes, content type and name.</summary>
public sealed record Download(byte[] Content, string ContentType, string FileName);

/// <summary>
/// What the draft page needs to show a version in another language: the languages it can be read in,
/// the language an address names (or why not), its reading view, and its downloads (Markdown, Word).
/// </summary>
public sealed class LocalizedVersions(TranslationReader reader)
{
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The version's own language first, then the guideline's target languages in the order it lists them.</summary>
    public async Task<IReadOnlyList<LanguageChoice>> ChoicesAsync(DraftView view, CancellationToken ct)
    {
        var targets = TranslationAccess.TargetsOf(view.Guideline, view.Version.Language);
        var progress = await reader.ProgressAsync(view.Version.Id, targets, ct);
        return targets.Select(t => new LanguageChoice(Languages.Of(t), false, progress[t]))
            .Prepend(new LanguageChoice(Languages.Of(view.Version.Language), true, new ApprovedShare(0, 0)))
            .ToList();
    }

    /// <summary>The target language an address names; refused as not found, with the guideline's target languages, otherwise.</summary>
    public static LanguageInfo TargetOf(DraftView view, string language) => TranslationAccess.TargetOf(view.Guideline, view.Version.Language, language);

    public Task<LocalizedReading> ReadingAsync(DraftView view, LanguageInfo language, CancellationToken ct) => reader.ReadingAsync(view.Version.Id, language.Code, ct);

    /// <summary>The version in <paramref name="language"/> (approved translations, the source elsewhere) as Markdown (<c>md</c>) or Word (<c>docx</c>); null for another format.</summary>
    public async Task<Download?> DownloadAsync(DraftView view, LanguageInfo language, string format, CancellationToken ct)
    {
        var version = view.Version;
        var name = $"{view.Guideline.Slug}-v{version.Number}-{language.Code}";
        switch (format)
        {
            case "md":
                // Translations and the source are shown on the page through SafeMarkdown; the file
                // goes to tools that are not, so it carries the same rules in its Markdown.
                var markdown = SafeMarkdownExport.Clean(await reader.LocalizedMarkdownAsync(version.Id, language.Code, ct));
                return new Download(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", name + ".md");
            case "docx":
                var blocks = await reader.LocalizedSourcesAsync(version.Id, language.Code, ct);
                var isSource = string.Equals(language.Code, version.Language, StringComparison.OrdinalIgnoreCase);
                var subtitle = $"v{version.Number} · {version.Label} · {version.Date:d MMMM yyyy}"
                    + (isSource ? "" : $" · {language.EnglishName} translation: approved translations, the {Languages.Of(version.Language).EnglishName} text where there is none yet");
                return new Download(LocalizedWord.Build(view.Guideline.Title, subtitle, language, version.Language, blocks), WordType, name + ".docx");
            default:
                return null;
        }
    }
}
