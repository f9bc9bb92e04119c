using System.Text;

namespace GuidelinesReview.Core.Comments;

/// <summary>What a typed passage matched in a block: the block's own words, or the nearest passage when it did not match.</summary>
/// <param name="Exact">The block's exact text that the typed passage stands for (null: no match).</param>
/// <param name="Nearest">When there is no match, the block's passage most like the typed one (null: nothing close).</param>
public sealed record PassageMatchResult(string? Exact, string? Nearest);

/// <summary>
/// Matches a passage someone typed (rather than selected) against a block's text, ignoring
/// differences of white space, letter case and typographic quotes and dashes; the comment then
/// stores the block's exact words. When nothing matches, offers the most similar run of words.
/// </summary>
public static class PassageMatch
{
    /// <summary>How alike (0–1, by edit distance) the nearest passage must be to be offered.</summary>
    public const double NearestThreshold = 0.6;

    /// <summary>Longest typed passage compared word run by word run (the distance is quadratic).</summary>
    private const int MaxCompared = 400;

    public static PassageMatchResult Find(string blockText, string typed)
    {
        var (text, map) = Normalize(blockText);
        var (wanted, _) = Normalize(typed);
        if (wanted.Length == 0)
        {
            return new(null, null);
        }

        var at = text.IndexOf(wanted, StringComparison.Ordinal);
        if (at >= 0)
        {
            return new(Original(blockText, map, at, at + wanted.Length), null);
        }

        return new(null, NearestTo(blockText, text, map, wanted));
    }

    /// <summary>
    /// Lower-cased, white space collapsed, curly quotes straight and dashes as hyphens; with, for each
    /// character kept, its index in the original text.
    /// </summary>
    public static (string Text, int[] Map) Normalize(string original)
    {
        var builder = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        var pendingSpace = false;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                map.Add(i - 1);
                pendingSpace = false;
            }

            builder.Append(Fold(c));
            map.Add(i);
        }

        return (builder.ToString(), [.. map]);
    }

    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => char.ToLowerInvariant(c),
    };

    private static string Original(string original, int[] map, int start, int end) =>
        original[map[start]..(map[end - 1] + 1)];

    /// <summary>The run of words in the block, about as long as the typed passage, with the smallest edit distance to it.</summary>
    private static string? NearestTo(string original, string text, int[] map, string wanted)
    {
        if (wanted.Length > MaxCompared)
        {
            return null;
        }

        var starts = WordStarts(text);
        var wantedWords = wanted.Split(' ').Length;
        var best = (Distance: int.MaxValue, Start: 0, End: 0);
        for (var w = 0; w < starts.Count; w++)
        {
            for (var count = Math.Max(1, wantedWords - 1); count <= wantedWords + 1 && w + count <= starts.Count; count++)
            {
                var end = w + count < starts.Count ? starts[w + count] - 1 : text.Length;
                var candidate = text[starts[w]..end];
                var distance = Distance(candidate, wanted);
                if (distance < best.Distance)
                {
                    best = (distance, starts[w], end);
                }
            }
        }

        if (best.Distance == int.MaxValue)
        {
            return null;
        }

        var similarity = 1 - (double)best.Distance / Math.Max(wanted.Length, best.End - best.Start);
        return similarity >= NearestThreshold ? Original(original, map, best.Start, best.End) : null;
    }

    private static List<int> WordStarts(string text)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i == 0 || text[i - 1] == ' ')
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
