using System.Globalization;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// The automatic checks of a translated block, run before a reviewer may approve it. Codes and
/// severities are those of <see cref="TranslationCheckCodes"/>.
/// </summary>
public static class TranslationChecks
{
    /// <summary>Longest source or translation accepted, far above any paragraph, heading, list item or table cell.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// The issues of <paramref name="target"/>, the translation into <paramref name="language"/>
    /// (a BCP 47 code such as "fr" or "zh-Hans") of <paramref name="source"/>; both are Markdown
    /// inline text. An empty or blank translation is not checked. Issues come in the order of
    /// <see cref="TranslationCheckCodes.All"/>, each once.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><see cref="TranslationCheckCodes.GlossaryMissing"/>, <see cref="TranslationCheckCodes.GlossaryForbidden"/>:
    /// for each term <see cref="Glossary.Find"/> finds in the source whose entry has a rendering
    /// for the language (the exact code, else its primary language: "fr-CA" uses "fr"), the
    /// translation must contain the preferred rendering and none of the forbidden ones (a
    /// forbidden one inside the preferred one does not count). Renderings in Latin script match
    /// whole words, any case, each word allowed an "s", "x" or "es" ending ("infrastructures
    /// publiques numériques"); in Arabic, Hebrew, Chinese, Japanese, Korean and Thai they match
    /// as substrings (attached prefixes, no spaces); in other scripts as whole words.</item>
    /// <item><see cref="TranslationCheckCodes.LinkMissing"/>: every link and image address of
    /// the source (autolinks too) must be an address of the translation. Addresses are compared
    /// as Markdig reads them, escapes and entities decoded, so "a\_b" and "a_b" are one address.</item>
    /// <item><see cref="TranslationCheckCodes.CodeMissing"/>: every code span must be a code span of the translation, verbatim.</item>
    /// <item><see cref="TranslationCheckCodes.FootnoteMissing"/>: every footnote mark (<c>[^1]</c>,
    /// not escaped, not in code) must be in the translation.</item>
    /// <item><see cref="TranslationCheckCodes.NumberMissing"/>: every number of the source's text
    /// (not of its code or addresses) must be in the translation's text, grouping and decimal
    /// mark free ("1,000", "1 000" and "1.000" are one number, "3.5" and "3,5" too); the decimal comma is accepted whatever the language.</item>
    /// <item><see cref="TranslationCheckCodes.EmphasisMismatch"/>: as many italic passages and as
    /// many bold passages as the source.</item>
    /// <item><see cref="TranslationCheckCodes.PunctuationFrench"/>, <see cref="TranslationCheckCodes.PunctuationArabic"/>,
    /// <see cref="TranslationCheckCodes.PunctuationChinese"/>: for fr, ar and zh (and their
    /// regional variants), in the translation's prose only.</item>
    /// <item><see cref="TranslationCheckCodes.Whitespace"/>: leading and trailing white space as in
    /// the source; no more double spaces between words than the source has.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="MarkdownRejectedException">The source or the translation is longer than
    /// <see cref="MaxTextLength"/> or nested too deeply; answer it as bad input.</exception>
    public static IReadOnlyList<TranslationIssue> Check(string source, string target, string language, IReadOnlyList<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(glossary);
        if (string.IsNullOrWhiteSpace(target))
        {
            return [];
        }

        var (sourceDocument, sourceOffset) = InlineText.Parse(source, MaxTextLength);
        var (targetDocument, _) = InlineText.Parse(target, MaxTextLength);
        var from = InlineText.Of(sourceDocument);
        var to = InlineText.Of(targetDocument);
        var issues = new IssueList();

        CheckGlossary(Glossary.FindIn(source, sourceDocument, sourceOffset, glossary), to, language, issues);
        CheckAll(from.LinkUrls.Where(u => u.Length > 0), to.LinkUrls, issues, TranslationCheckCodes.LinkMissing,
            url => $"The link to '{url}' is missing from the translation; keep its address exactly as in the source.");
        CheckAll(from.ImageUrls.Where(u => u.Length > 0), to.ImageUrls, issues, TranslationCheckCodes.LinkMissing,
            url => $"The image '{url}' is missing from the translation; keep its address exactly as in the source.");
        CheckAll(from.CodeSpans, to.CodeSpans, issues, TranslationCheckCodes.CodeMissing,
            code => $"The code '{code}' is missing from the translation; keep code spans unchanged, in backticks.");
        CheckAll(from.Footnotes, to.Footnotes, issues, TranslationCheckCodes.FootnoteMissing,
            label => $"The footnote mark '[^{label}]' is missing from the translation.");
        CheckNumbers(from, to, issues);
        CheckEmphasis("italic", from.Italic, to.Italic, issues);
        CheckEmphasis("bold", from.Bold, to.Bold, issues);
        Punctuation.Check(to, language, issues);
        CheckWhitespace(source, target, issues);
        return issues.Issues;
    }

    /// <summary>The primary language subtag, lower case: "fr" for "fr-CA", "zh" for "zh_Hant".</summary>
    internal static string PrimaryLanguage(string language) =>
        language.Split('-', '_')[0].Trim().ToLowerInvariant();

    private static void CheckGlossary(IReadOnlyList<GlossaryHit> hits, InlineText target, string language, IssueList issues)
    {
        var done = new HashSet<GlossaryEntry>(ReferenceEqualityComparer.Instance);
        var words = new Lazy<List<Word>>(() => Phrase.WordsOf(target.Prose));
        foreach (var hit in hits)
        {
            if (!done.Add(hit.Entry) || RenderingFor(hit.Entry, language) is not { } rendering)
            {
                continue;
            }

            var preferred = Occurrences(rendering.Preferred, target, words);
            if (!string.IsNullOrWhiteSpace(rendering.Preferred) && preferred.Count == 0)
            {
                issues.Add(TranslationCheckCodes.GlossaryMissing,
                    $"The glossary says '{hit.Entry.Term}' is '{rendering.Preferred.Trim()}' in {LanguageName(language)}; the translation does not use it.");
            }

            foreach (var forbidden in rendering.Forbidden ?? [])
            {
                var used = Occurrences(forbidden, target, words)
                    .FirstOrDefault(f => !preferred.Any(p => p.Start <= f.Start && f.End <= p.End));
                if (used.Text is null)
                {
                    continue;
                }

                issues.Add(TranslationCheckCodes.GlossaryForbidden, string.IsNullOrWhiteSpace(rendering.Preferred)
                    ? $"The translation uses '{used.Text}', which the glossary forbids for '{hit.Entry.Term}'."
                    : $"The translation uses '{used.Text}', which the glossary forbids: use '{rendering.Preferred.Trim()}'.");
            }
        }
    }

    /// <summary>The rendering for the language's exact code, else for its primary language.</summary>
    private static GlossaryRendering? RenderingFor(GlossaryEntry entry, string language)
    {
        if (entry.Renderings is null)
        {
            return null;
        }

        var primary = PrimaryLanguage(language);
        GlossaryRendering? fallback = null;
        foreach (var (code, rendering) in entry.Renderings)
        {
            if (string.Equals(code.Trim(), language.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return rendering;
            }

            if (string.Equals(code.Trim(), primary, StringComparison.OrdinalIgnoreCase))
            {
                fallback = rendering;
            }
        }

        return fallback;
    }

    /// <summary>Where a rendering occurs in the prose of the translation, and the text found there.</summary>
    private static List<(int Start, int End, string Text)> Occurrences(string? rendering, InlineText target, Lazy<List<Word>> words)
    {
        var prose = target.Prose;
        if (Phrase.Of(rendering) is not { } phrase)
        {
            return [];
        }

        if (Scripts.MatchesAsSubstring(phrase.Text))
        {
            return SubstringOccurrences(prose, phrase.Text);
        }

        var inflection = Scripts.IsLatin(phrase.Text) ? Inflection.LatinPlural : Inflection.None;
        return phrase.Matches(prose, words.Value, inflection)
            .Select(m => (m.Start, m.End, PlainText.Collapse(target.Visible[m.Start..m.End])))
            .ToList();
    }

    /// <summary>Non-overlapping occurrences of <paramref name="needle"/>, any case, any white space where it has some.</summary>
    private static List<(int Start, int End, string Text)> SubstringOccurrences(string text, string needle)
    {
        var wanted = PlainText.Collapse(needle);
        var found = new List<(int Start, int End, string Text)>();
        for (var start = 0; start < text.Length; start++)
        {
            var i = start;
            var j = 0;
            while (j < wanted.Length)
            {
                if (wanted[j] == ' ')
                {
                    if (i >= text.Length || !char.IsWhiteSpace(text[i]))
                    {
                        break;
                    }

                    while (i < text.Length && char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }
                }
                else if (i < text.Length && char.ToLowerInvariant(text[i]) == char.ToLowerInvariant(wanted[j]))
                {
                    i++;
                }
                else
                {
                    break;
                }

                j++;
            }

            if (j == wanted.Length)
            {
                found.Add((start, i, wanted));
                start = i - 1;
            }
        }

        return found;
    }

    /// <summary>The English name of a language for messages: "French", "Chinese (Simplified)".</summary>
    private static string LanguageName(string language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "the target language";
        }

        try
        {
            return CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: true).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return $"the language '{language.Trim()}'";
        }
    }

    /// <summary>One issue for each distinct item of the source that the translation lacks.</summary>
    private static void CheckAll(IEnumerable<string> source, List<string> target, IssueList issues, string code, Func<string, string> message)
    {
        foreach (var item in source.Distinct(StringComparer.Ordinal))
        {
            if (!target.Contains(item, StringComparer.Ordinal))
            {
                issues.Add(code, message(item));
            }
        }
    }

    private static void CheckNumbers(InlineText source, InlineText target, IssueList issues)
    {
        var found = Numbers.In(target.Prose);
        foreach (var number in Numbers.In(source.Prose))
        {
            if (!found.Any(number.SameAs))
            {
                issues.Add(TranslationCheckCodes.NumberMissing, $"The number '{number.Written}' is missing from the translation.");
            }
        }
    }

    private static void CheckEmphasis(string kind, List<string> source, List<string> target, IssueList issues)
    {
        if (source.Count == target.Count)
        {
            return;
        }

        var sourcePart = source.Count switch
        {
            0 => $"no {kind} passages",
            1 => $"1 {kind} passage ({Quote(source)})",
            _ => $"{source.Count} {kind} passages ({Quote(source)})",
        };
        var targetPart = target.Count == 0 ? "none" : $"{target.Count} ({Quote(target)})";
        issues.Add(TranslationCheckCodes.EmphasisMismatch, $"The source has {sourcePart} but the translation has {targetPart}.");
    }

    private static string Quote(List<string> texts) =>
        string.Join(", ", texts.Take(3).Select(t => $"'{t}'")) + (texts.Count > 3 ? ", …" : "");

    private static void CheckWhitespace(string source, string target, IssueList issues)
    {
        source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        target = target.Replace("\r\n", "\n", StringComparison.Ordinal);

        var sourceStart = source[..(source.Length - source.TrimStart().Length)];
        var targetStart = target[..(target.Length - target.TrimStart().Length)];
        if (sourceStart != targetStart)
        {
            issues.Add(TranslationCheckCodes.Whitespace,
                $"The translation begins with {Describe(targetStart)} but the source begins with {Describe(sourceStart)}.");
        }

        var sourceEnd = source[source.TrimEnd().Length..];
        var targetEnd = target[target.TrimEnd().Length..];
        if (sourceEnd != targetEnd)
        {
            issues.Add(TranslationCheckCodes.Whitespace,
                $"The translation ends with {Describe(targetEnd)} but the source ends with {Describe(sourceEnd)}.");
        }

        var doubles = DoubleSpaces(target);
        if (doubles.Count > DoubleSpaces(source).Count)
        {
            foreach (var (start, end) in doubles)
            {
                issues.Add(TranslationCheckCodes.Whitespace,
                    $"The translation has a double space between '{Punctuation.Before(target, start - 1)}' and '{Punctuation.After(target, end)}'.");
            }
        }
    }

    /// <summary>Runs of two or more spaces between two words on one line (not the two spaces of a Markdown line break).</summary>
    private static List<(int Start, int End)> DoubleSpaces(string text)
    {
        var runs = new List<(int Start, int End)>();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != ' ' || char.IsWhiteSpace(text[i - 1]))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            if (end - i >= 2 && end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                runs.Add((i, end));
            }

            i = end - 1;
        }

        return runs;
    }

    private static string Describe(string whiteSpace)
    {
        if (whiteSpace.Length == 0)
        {
            return "no white space";
        }

        if (whiteSpace.All(c => c == ' '))
        {
            return whiteSpace.Length == 1 ? "a space" : $"{whiteSpace.Length} spaces";
        }

        if (whiteSpace.All(c => c == '\n'))
        {
            return whiteSpace.Length == 1 ? "a line break" : $"{whiteSpace.Length} line breaks";
        }

        if (whiteSpace.Length == 1)
        {
            return whiteSpace[0] switch
            {
                '\t' => "a tab",
                '\u00A0' => "a no-break space",
                '\u202F' => "a narrow no-break space",
                var c => $"the white-space character U+{(int)c:X4}",
            };
        }

        return $"white space ({string.Join(" ", whiteSpace.Select(c => $"U+{(int)c:X4}"))})";
    }
}
