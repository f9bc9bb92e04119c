using System.Globalization;
using System.Text;

namespace GuidelinesReview.Core.Translations;

/// <summary>A number as written, and the values it can stand for ("1,000" is a thousand in English and one in French).</summary>
internal sealed record NumberToken(string Written, IReadOnlySet<string> Values)
{
    /// <summary>True if both can be the same number.</summary>
    public bool SameAs(NumberToken other) => Values.Overlaps(other.Values);
}

/// <summary>
/// Finds the numbers of a text: integers, decimals, percentages (the sign is not compared),
/// years and section numbers. Digits of any script count (Arabic-Indic, full-width). Groups of
/// three digits may be separated by a comma, a full stop, an apostrophe or a space (U+0020,
/// U+00A0, U+202F, U+2009), and the decimal mark may be a full stop, a comma or the Arabic
/// decimal separator; where the writing is ambiguous ("1,000") every reading is kept, so that
/// "1,000", "1 000", "1.000" and "1 000" are one number, and so are "3.5" and "3,5".
/// </summary>
internal static class Numbers
{
    public static List<NumberToken> In(string text)
    {
        var found = new List<NumberToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsDigit(text[i]) || (i > 0 && char.IsDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var start = i;
            var groups = new List<string> { Digits(text, ref i) };
            var separators = new List<char>();
            while (i + 1 < text.Length && IsSeparator(text[i]) && char.IsDigit(text[i + 1]))
            {
                var separator = text[i];
                var next = i + 1;
                var group = Digits(text, ref next);

                // A space separates groups only in "12 000", never two numbers ("in 2030 15 countries").
                if (IsSpace(separator) && (group.Length != 3 || groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3) || separators.Any(s => !IsSpace(s))))
                {
                    break;
                }

                separators.Add(separator);
                groups.Add(group);
                i = next;
            }

            var end = i;
            var after = i;
            while (after < text.Length && IsSpace(text[after]))
            {
                after++;
            }

            if (after < text.Length && text[after] == '%')
            {
                end = after + 1;
            }

            found.Add(new NumberToken(text[start..end], Readings(groups, separators)));
        }

        return found;
    }

    private static HashSet<string> Readings(List<string> groups, List<char> separators)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var n = separators.Count;
        if (n == 0)
        {
            values.Add(groups[0]);
            return values;
        }

        // All separators group thousands: "1,000,000", "12 000".
        if (IsGrouping(groups, separators, n) && separators[0] != '\u066B')
        {
            values.Add(string.Concat(groups));
        }

        // The last one is the decimal mark: "3.5", "1,000.25", "1 000,25".
        var mark = separators[n - 1];
        if ((mark is '.' or ',' or '\u066B') && (n == 1 || (IsGrouping(groups, separators, n - 1) && !SameSeparator(separators[0], mark))))
        {
            values.Add(string.Concat(groups.Take(n)) + "." + groups[n]);
        }

        // A section number: "2.3.1".
        if (n >= 2 && separators.All(s => s == '.'))
        {
            values.Add(string.Join('.', groups));
        }

        if (values.Count == 0)
        {
            var written = new StringBuilder(groups[0]);
            for (var k = 0; k < n; k++)
            {
                written.Append(separators[k]).Append(groups[k + 1]);
            }

            values.Add(written.ToString());
        }

        return values;
    }

    /// <summary>True if the first <paramref name="count"/> separators group thousands in one way.</summary>
    private static bool IsGrouping(List<string> groups, List<char> separators, int count) =>
        groups[0].Length <= 3
        && groups.Skip(1).Take(count).All(g => g.Length == 3)
        && separators.Take(count).All(s => SameSeparator(s, separators[0]));

    private static bool SameSeparator(char a, char b) => a == b || (IsSpace(a) && IsSpace(b)) || (IsApostrophe(a) && IsApostrophe(b));

    private static bool IsSeparator(char c) => c is ',' or '.' or '\u066B' or '\u066C' || IsSpace(c) || IsApostrophe(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Reads a run of digits at <paramref name="index"/>, as ASCII digits.</summary>
    private static string Digits(string text, ref int index)
    {
        var builder = new StringBuilder();
        while (index < text.Length && char.IsDigit(text[index]))
        {
            builder.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(text[index])));
            index++;
        }

        return builder.ToString();
    }
}
