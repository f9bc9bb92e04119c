using System.Globalization;
using System.Text;

namespace GuidelinesReview.Core.Translations;

/// <summary>A word of a text: a run of letters, combining marks and digits, with its comparison key.</summary>
internal readonly record struct Word(int Start, int End, string Key);

/// <summary>Which endings a word of a text may add to the word of a phrase and still match.</summary>
internal enum Inflection
{
    /// <summary>The words must be the same.</summary>
    None,

    /// <summary>The last word may end in "s" or "es" (a simple English plural).</summary>
    EnglishPlural,

    /// <summary>Every word may end in "s", "x" or "es" (French and Spanish plurals and agreement).</summary>
    LatinPlural,
}

/// <summary>
/// A term or a translation split into words, matched against the words of a text: case does
/// not matter, whole words only, and between two words the text must have what the phrase has
/// (any white space where the phrase has a space, line breaks included; the same hyphen or
/// apostrophe otherwise, ’ and ' counting as one). Non-word characters at the ends of a phrase
/// ("C++") must be there too.
/// </summary>
internal sealed class Phrase
{
    private Phrase(string text, IReadOnlyList<string> words, IReadOnlyList<string> separators, string prefix, string suffix)
    {
        Text = text;
        Words = words;
        Separators = separators;
        Prefix = prefix;
        Suffix = suffix;
    }

    public string Text { get; }

    /// <summary>The comparison keys of the words.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>What stands between word i and word i + 1, normalised (see <see cref="NormalizeSeparator"/>).</summary>
    public IReadOnlyList<string> Separators { get; }

    public string Prefix { get; }

    public string Suffix { get; }

    /// <summary>The phrase of <paramref name="text"/>, or null if it has no word at all.</summary>
    public static Phrase? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var words = WordsOf(trimmed);
        if (words.Count == 0)
        {
            return null;
        }

        var separators = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            separators.Add(NormalizeSeparator(trimmed[words[i - 1].End..words[i].Start]));
        }

        return new Phrase(
            trimmed,
            words.Select(w => w.Key).ToList(),
            separators,
            NormalizeSeparator(trimmed[..words[0].Start]),
            NormalizeSeparator(trimmed[words[^1].End..]));
    }

    /// <summary>The words of a text, in order.</summary>
    public static List<Word> WordsOf(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            var length = WordCharLength(text, i);
            if (length == 0)
            {
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                continue;
            }

            var start = i;
            while (i < text.Length && (length = WordCharLength(text, i)) > 0)
            {
                i += length;
            }

            words.Add(new Word(start, i, KeyOf(text[start..i])));
        }

        return words;
    }

    /// <summary>
    /// Where the phrase matches the words of <paramref name="text"/> starting at word
    /// <paramref name="first"/>: the character range, ends included, or null.
    /// </summary>
    public (int Start, int End)? MatchAt(string text, IReadOnlyList<Word> words, int first, Inflection inflection)
    {
        if (first + Words.Count > words.Count)
        {
            return null;
        }

        for (var k = 0; k < Words.Count; k++)
        {
            var word = words[first + k];
            if (k > 0 && NormalizeSeparator(text[words[first + k - 1].End..word.Start]) != Separators[k - 1])
            {
                return null;
            }

            var endings = inflection switch
            {
                Inflection.EnglishPlural when k == Words.Count - 1 => EnglishEndings,
                Inflection.LatinPlural => LatinEndings,
                _ => NoEndings,
            };
            if (!SameWord(word.Key, Words[k], endings))
            {
                return null;
            }
        }

        var start = words[first].Start;
        var end = words[first + Words.Count - 1].End;
        if (Prefix.Length > 0)
        {
            if (start < Prefix.Length || NormalizeSeparator(text[(start - Prefix.Length)..start]) != Prefix)
            {
                return null;
            }

            start -= Prefix.Length;
        }

        if (Suffix.Length > 0)
        {
            if (end + Suffix.Length > text.Length || NormalizeSeparator(text[end..(end + Suffix.Length)]) != Suffix)
            {
                return null;
            }

            end += Suffix.Length;
        }

        return (start, end);
    }

    /// <summary>Every non-overlapping match in a text, left to right.</summary>
    public List<(int Start, int End)> Matches(string text, IReadOnlyList<Word> words, Inflection inflection)
    {
        var found = new List<(int Start, int End)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (MatchAt(text, words, i, inflection) is { } match)
            {
                found.Add(match);
                i += Words.Count - 1;
            }
        }

        return found;
    }

    private static readonly string[] NoEndings = [];
    private static readonly string[] EnglishEndings = ["s", "es"];
    private static readonly string[] LatinEndings = ["s", "x", "es"];

    private static bool SameWord(string found, string wanted, string[] endings)
    {
        if (found == wanted)
        {
            return true;
        }

        if (!found.StartsWith(wanted, StringComparison.Ordinal))
        {
            return false;
        }

        var ending = found.AsSpan(wanted.Length);
        foreach (var allowed in endings)
        {
            if (ending.SequenceEqual(allowed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The comparison key of a word: composed (é is one character), lower case.</summary>
    public static string KeyOf(string word) => word.Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>Any white space becomes one space, and typographic apostrophes and hyphens their ASCII forms.</summary>
    public static string NormalizeSeparator(string separator)
    {
        if (separator.Length == 0)
        {
            return "";
        }

        if (separator.All(char.IsWhiteSpace))
        {
            return " ";
        }

        var builder = new StringBuilder(separator.Length);
        foreach (var c in separator)
        {
            builder.Append(c switch
            {
                '\u2019' or '\u02BC' or '\u2018' => '\'',
                '\u2010' or '\u2011' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>How many UTF-16 units the word character at <paramref name="index"/> takes, or 0 if it is not one.</summary>
    private static int WordCharLength(string text, int index)
    {
        var c = text[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        var length = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return CharUnicodeInfo.GetUnicodeCategory(text, index) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => length,
            _ => 0,
        };
    }
}
