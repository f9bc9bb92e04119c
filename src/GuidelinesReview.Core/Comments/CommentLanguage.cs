using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Core.Comments;

/// <summary>
/// The language a comment is written on: that of the reading view the expert had open. Null is the
/// version's own language (its source text). Any other language must be one the guideline lists.
/// A passage quote is kept only on the source text: quote selectors are matched against the
/// source (to highlight the passage and to carry the comment to the next draft), so a passage
/// selected in a translation is not a quote of it. On a localized view a comment is on the whole
/// block, and the page puts the words selected into the comment's text instead.
/// </summary>
public static class CommentLanguage
{
    /// <summary>The language to store (null: the version's own) or the sentence that refuses it.</summary>
    public static (string? Language, string? Problem) Check(string? language, string versionLanguage, IReadOnlyList<string> guidelineLanguages, bool quoted)
    {
        var wanted = language?.Trim() ?? "";
        if (wanted.Length == 0 || string.Equals(wanted, versionLanguage, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var known = guidelineLanguages.FirstOrDefault(l => string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            var shown = wanted.Length > 20 ? wanted[..20] + "…" : wanted;
            var names = string.Join(", ", guidelineLanguages.Select(l => $"{Languages.Of(l).EnglishName} ({l})"));
            return (null, $"'{shown}' is not one of this guideline's languages ({names}); nothing was saved.");
        }

        if (quoted)
        {
            var info = Languages.Of(known);
            return (null, $"A passage can be quoted only on the {Languages.Of(versionLanguage).EnglishName} text. On the {info.EnglishName} version, comment on the whole paragraph "
                + "and quote the words in your comment; nothing was saved.");
        }

        return (known, null);
    }
}
