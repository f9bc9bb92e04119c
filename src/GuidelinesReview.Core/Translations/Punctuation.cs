using System.Text;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// The punctuation conventions of French, Arabic and Chinese, looked for in the prose of a
/// translation only (<see cref="InlineText.Prose"/>): code spans, link addresses, autolinks and
/// bare web addresses are never flagged.
/// </summary>
internal static class Punctuation
{
    public static void Check(InlineText target, string language, IssueList issues)
    {
        switch (TranslationChecks.PrimaryLanguage(language))
        {
            case "fr":
                French(target, issues);
                break;
            case "ar":
                Arabic(target, issues);
                break;
            case "zh":
                Chinese(target, issues);
                break;
        }
    }

    /// <summary>
    /// A space (any white space: U+0020, U+00A0, U+202F...) before ; : ! ? and inside « ».
    /// Not flagged: a mark right after another (?!), a colon between digits (10:30, 1:2), a
    /// mark at the very start of the text.
    /// </summary>
    private static void French(InlineText target, IssueList issues)
    {
        var prose = target.Prose;
        for (var i = 0; i < prose.Length; i++)
        {
            var c = prose[i];
            if (c is ';' or ':' or '!' or '?')
            {
                if (i == 0 || char.IsWhiteSpace(prose[i - 1]) || prose[i - 1] is ';' or ':' or '!' or '?')
                {
                    continue;
                }

                if (c == ':' && char.IsDigit(prose[i - 1]) && i + 1 < prose.Length && char.IsDigit(prose[i + 1]))
                {
                    continue;
                }

                issues.Add(TranslationCheckCodes.PunctuationFrench,
                    $"French needs a space before '{c}' in '{Before(target.Visible, i)}'; use a narrow no-break space (U+202F).");
            }
            else if (c == '«' && i + 1 < prose.Length && !char.IsWhiteSpace(prose[i + 1]))
            {
                issues.Add(TranslationCheckCodes.PunctuationFrench,
                    $"French needs a space after '«' in '{After(target.Visible, i)}'; use a narrow no-break space (U+202F).");
            }
            else if (c == '»' && i > 0 && !char.IsWhiteSpace(prose[i - 1]))
            {
                issues.Add(TranslationCheckCodes.PunctuationFrench,
                    $"French needs a space before '»' in '{Before(target.Visible, i)}'; use a narrow no-break space (U+202F).");
            }
        }
    }

    /// <summary>
    /// A Latin comma, semicolon or question mark after an Arabic word (white space between
    /// allowed) and not followed by a Latin word or a digit ("1,5", "عربي, English" are left alone).
    /// </summary>
    private static void Arabic(InlineText target, IssueList issues)
    {
        var prose = target.Prose;
        for (var i = 0; i < prose.Length; i++)
        {
            var arabic = prose[i] switch
            {
                ',' => '،',
                ';' => '؛',
                '?' => '؟',
                _ => '\0',
            };
            if (arabic == '\0')
            {
                continue;
            }

            var previous = i - 1;
            while (previous >= 0 && char.IsWhiteSpace(prose[previous]))
            {
                previous--;
            }

            var next = i + 1;
            while (next < prose.Length && char.IsWhiteSpace(prose[next]))
            {
                next++;
            }

            if (previous < 0 || !Scripts.IsArabicLetter(prose[previous])
                || (next < prose.Length && (Scripts.IsLatinLetter(prose[next]) || char.IsDigit(prose[next]))))
            {
                continue;
            }

            issues.Add(TranslationCheckCodes.PunctuationArabic,
                $"In '{Around(target.Visible, i)}' use the Arabic '{arabic}' instead of the Latin '{prose[i]}'.");
        }
    }

    /// <summary>ASCII , . ; : ? ! right after a Chinese character (or kana, or CJK punctuation).</summary>
    private static void Chinese(InlineText target, IssueList issues)
    {
        var prose = target.Prose;
        for (var i = 1; i < prose.Length; i++)
        {
            var full = prose[i] switch
            {
                ',' => '，',
                '.' => '。',
                ';' => '；',
                ':' => '：',
                '?' => '？',
                '!' => '！',
                _ => '\0',
            };
            if (full == '\0' || !EndsWithCjk(prose, i))
            {
                continue;
            }

            var before = Before(target.Visible, i);
            if (before.Length > 12)
            {
                before = before[^12..];
            }

            issues.Add(TranslationCheckCodes.PunctuationChinese,
                $"In '{before}' use the full-width '{full}' instead of the ASCII '{prose[i]}', as Chinese punctuation after a Chinese character is full width.");
        }
    }

    /// <summary>True if the character before <paramref name="index"/> (a surrogate pair counts as one) is CJK.</summary>
    private static bool EndsWithCjk(string text, int index)
    {
        var start = index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2]) ? index - 2 : index - 1;
        return Rune.TryGetRuneAt(text, start, out var rune) && Scripts.IsCjk(rune);
    }

    private const int MaxQuoted = 30;

    /// <summary>The characters from the start of the word before <paramref name="index"/> to that index, inclusive.</summary>
    internal static string Before(string text, int index)
    {
        var start = index;
        while (start > 0 && index - start < MaxQuoted && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        return text[start..(index + 1)];
    }

    /// <summary>The characters from <paramref name="index"/> to the end of the word after it.</summary>
    internal static string After(string text, int index)
    {
        var end = index + 1;
        while (end < text.Length && end - index < MaxQuoted && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[index..end];
    }

    /// <summary>The word before <paramref name="index"/>, the character there and the word after, white space collapsed.</summary>
    private static string Around(string text, int index)
    {
        var start = index;
        while (start > 0 && char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (start > 0 && index - start < MaxQuoted && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = index + 1;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        while (end < text.Length && end - index < MaxQuoted && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return PlainText.Collapse(text[start..end]);
    }
}
