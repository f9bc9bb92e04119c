using System.Globalization;
using System.Text;

namespace GuidelinesReview.Core.Meetings;

/// <summary>The checks a meeting's set-up must pass, whether it comes from a file or from the set-up pages.</summary>
public static class MeetingRules
{
    public const int MaxTitle = 300;
    public const int MaxDays = 14;
    private const int MaxSlug = 60;

    public static string? CheckTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle ? $"Give the meeting a title (at most {MaxTitle} characters)." : null;

    public static string? CheckTimeZone(string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone?.Trim() ?? "", out _) ? null : $"'{timeZone}' is not a time zone such as 'Europe/Paris' or 'Africa/Nairobi'.";

    /// <summary>Every problem with a meeting's days: none at all, too many, or the same date twice.</summary>
    public static IReadOnlyList<string> CheckDays(IReadOnlyCollection<DateOnly> dates)
    {
        var problems = new List<string>();
        if (dates.Count == 0)
        {
            problems.Add("A meeting needs at least one day.");
        }

        if (dates.Count > MaxDays)
        {
            problems.Add($"A meeting can have at most {MaxDays} days.");
        }

        foreach (var twice in dates.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).Order())
        {
            problems.Add($"{twice.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} is in the meeting twice.");
        }

        return problems;
    }

    /// <summary>
    /// An address for a new meeting made from its title: ASCII letters and digits joined by single
    /// hyphens (accents dropped), with -2, -3 … added when <paramref name="taken"/> says it is in use.
    /// </summary>
    public static string SlugFor(string title, Func<string, bool> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= MaxSlug)
            {
                break;
            }
        }

        var stem = builder.ToString().Trim('-');
        stem = stem.Length == 0 ? "meeting" : stem;
        var slug = stem;
        for (var n = 2; taken(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }
}
