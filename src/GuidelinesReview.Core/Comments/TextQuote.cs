using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Core.Comments;

/// <summary>
/// A passage inside a block, as Hypothesis anchors annotations: the exact text, a little text
/// before and after it, and character offsets into the block's collapsed plain text (a hint).
/// </summary>
public sealed record QuoteSelector(string Exact, string Prefix, string Suffix, int Start, int End)
{
    /// <summary>The selector stored in nullable columns, or null when there is no passage (a whole-paragraph comment).</summary>
    public static QuoteSelector? FromColumns(string? exact, string? prefix, string? suffix, int? start, int? end) =>
        exact is null ? null : new QuoteSelector(exact, prefix ?? "", suffix ?? "", start ?? 0, end ?? 0);
}

public static class TextQuote
{
    public const int ContextLength = 32;

    /// <summary>The selector for <c>text[start..end]</c>, with up to 32 characters of context each side.</summary>
    public static QuoteSelector Capture(string text, int start, int end) => new(
        text[start..end],
        text[Math.Max(0, start - ContextLength)..start],
        text[end..Math.Min(text.Length, end + ContextLength)],
        start,
        end);

    /// <summary>
    /// Finds the passage in the block's plain text. Among several occurrences of the exact
    /// text, the one whose surrounding text best matches prefix and suffix wins, then the one
    /// nearest the offset hint. White space is compared collapsed, as the reader sees it.
    /// Returns null when the exact text does not occur.
    /// </summary>
    public static QuoteSelector? Locate(string blockText, string exact, string? prefix = null, string? suffix = null, int? startHint = null)
    {
        exact = PlainText.Collapse(exact);
        if (exact.Length == 0)
        {
            return null;
        }

        prefix = prefix is null ? "" : CollapseKeepingEdges(prefix);
        suffix = suffix is null ? "" : CollapseKeepingEdges(suffix);
        var best = -1;
        var bestScore = (Context: -1, Distance: int.MaxValue);
        for (var at = blockText.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = blockText.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            var context = CommonSuffix(blockText.AsSpan(0, at), prefix) + CommonPrefix(blockText.AsSpan(at + exact.Length), suffix);
            var distance = startHint is { } hint ? Math.Abs(hint - at) : 0;
            if (context > bestScore.Context || (context == bestScore.Context && distance < bestScore.Distance))
            {
                best = at;
                bestScore = (context, distance);
            }
        }

        return best < 0 ? null : Capture(blockText, best, best + exact.Length);
    }

    /// <summary>Collapses inner white space but keeps a single leading/trailing space, which matters for context.</summary>
    private static string CollapseKeepingEdges(string text)
    {
        var collapsed = PlainText.Collapse(text);
        if (collapsed.Length == 0)
        {
            return text.Length > 0 ? " " : "";
        }

        return (text.Length > 0 && char.IsWhiteSpace(text[0]) ? " " : "") + collapsed + (char.IsWhiteSpace(text[^1]) ? " " : "");
    }

    private static int CommonSuffix(ReadOnlySpan<char> before, string prefix)
    {
        var n = 0;
        while (n < before.Length && n < prefix.Length && before[before.Length - 1 - n] == prefix[prefix.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> after, string suffix)
    {
        var n = 0;
        while (n < after.Length && n < suffix.Length && after[n] == suffix[n])
        {
            n++;
        }

        return n;
    }
}
