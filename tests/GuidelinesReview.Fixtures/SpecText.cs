using System.Text.RegularExpressions;

namespace GuidelinesReview.Fixtures;

/// <summary>The escape of the spec files under tests/GuidelinesReview.Tests/Specs: "{U+XXXX}" stands for a character editors would eat.</summary>
public static partial class SpecText
{
    public static string Unescape(string text) =>
        Escape().Replace(text, m => char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16)));

    [GeneratedRegex(@"\{U\+([0-9A-Fa-f]{4,6})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
