using System.Text;

namespace GuidelinesReview.Core.Translations;

/// <summary>The writing systems the checks treat differently, by Unicode block.</summary>
internal static class Scripts
{
    public static bool IsArabicLetter(char c) =>
        char.IsLetter(c) && (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF');

    /// <summary>Chinese characters (all CJK ideograph blocks), kana, and the CJK symbols and punctuation block.</summary>
    public static bool IsCjk(Rune rune) =>
        rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x323AF or >= 0x3000 and <= 0x30FF;

    public static bool IsLatinLetter(char c) =>
        char.IsLetter(c) && (c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF');

    /// <summary>
    /// True for text in a script whose words are not separated by spaces or take attached
    /// prefixes and suffixes (Arabic, Hebrew, Chinese, Japanese, Korean, Thai and neighbours):
    /// a translation is looked for there as a substring, not as whole words.
    /// </summary>
    public static bool MatchesAsSubstring(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune) || rune.Value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFEFF
                or >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F
                or >= 0x0E00 and <= 0x0EFF or >= 0x1000 and <= 0x109F or >= 0x1780 and <= 0x17FF)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True if every letter of the text is Latin.</summary>
    public static bool IsLatin(string text) => text.Where(char.IsLetter).All(IsLatinLetter);
}
