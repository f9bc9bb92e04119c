namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// How deeply lists and quotes really nest, in one pass over the lines, so that inputs built to
/// make the parser work hard (thousands of nested list levels take Markdig seconds before it
/// gives up) are refused before parsing. A list item nests only inside an open item whose text
/// it is indented under, as CommonMark reads it: an 8,000-line flat list is one level deep,
/// whatever its indentation, and indentation alone (code, aligned text) is not nesting.
/// </summary>
internal static class NestingDepth
{
    /// <summary>The deepest line and the line (1-based) where it is reached.</summary>
    public readonly record struct Deepest(int Depth, int Line);

    public static Deepest Measure(string markdown)
    {
        // Content columns of the open list items, innermost last; each line closes those it is not indented under.
        var items = new List<int>();
        var deepest = new Deepest(0, 0);
        string? fence = null;
        var previousBlank = false;
        var lineNumber = 0;
        for (var start = 0; start <= markdown.Length; lineNumber++)
        {
            var end = markdown.IndexOf('\n', start);
            if (end < 0)
            {
                end = markdown.Length;
            }

            var depth = MeasureLine(markdown.AsSpan(start, end - start), items, ref fence, ref previousBlank);
            if (depth > deepest.Depth)
            {
                deepest = new Deepest(depth, lineNumber + 1);
            }

            start = end + 1;
        }

        return deepest;
    }

    /// <summary>Quote markers on the line plus the list items it is in (or opens).</summary>
    private static int MeasureLine(ReadOnlySpan<char> line, List<int> items, ref string? fence, ref bool previousBlank)
    {
        var column = 0;
        var i = 0;
        var quotes = 0;
        while (true)
        {
            var indentStart = column;
            SkipSpaces(line, ref i, ref column);
            if (i >= line.Length || line[i] == '\r')
            {
                previousBlank = true; // a blank line closes no list item by itself
                return quotes + items.Count;
            }

            var indent = column - indentStart;
            var rest = line[i..];
            if (fence is not null || rest.StartsWith("```") || rest.StartsWith("~~~"))
            {
                // Inside a fenced code block the lines are code: their markers and indentation are not nesting.
                fence = fence is null ? rest[..3].ToString() : rest.StartsWith(fence) ? null : fence;
                previousBlank = false;
                return quotes + items.Count;
            }

            if (indent <= 3 && rest[0] == '>')
            {
                quotes++;
                i++;
                column++;
                if (i < line.Length && line[i] == ' ')
                {
                    i++; // the space after '>' belongs to the marker
                    column++;
                }

                continue;
            }

            var marker = IsThematicBreak(rest) ? 0 : ListMarkerLength(rest);
            if (marker > 0 || previousBlank)
            {
                // Items this line is not indented under are closed; a line of text right after an item
                // may be its lazy continuation, so it closes nothing (counting one level too many at worst).
                while (items.Count > 0 && items[^1] > column)
                {
                    items.RemoveAt(items.Count - 1);
                }
            }

            previousBlank = false;
            if (marker == 0 || column - (items.Count > 0 ? items[^1] : indentStart) >= 4)
            {
                return quotes + items.Count;
            }

            // The item's text starts after the marker and 1 to 4 spaces (one if more: the rest is indented code).
            i += marker;
            column += marker;
            var spaces = 0;
            while (i + spaces < line.Length && line[i + spaces] == ' ' && spaces < 5)
            {
                spaces++;
            }

            items.Add(column + (spaces is >= 1 and <= 4 ? spaces : 1));
            if (spaces is >= 1 and <= 4)
            {
                i += spaces;
                column += spaces;
            }
        }
    }

    private static void SkipSpaces(ReadOnlySpan<char> line, ref int i, ref int column)
    {
        for (; i < line.Length; i++)
        {
            if (line[i] == ' ')
            {
                column++;
            }
            else if (line[i] == '\t')
            {
                column += 4 - (column % 4);
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>Length of a bullet (<c>-</c>, <c>*</c>, <c>+</c>) or ordered (<c>12.</c>, <c>3)</c>) marker followed by a space or the line's end; 0 if none.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> rest)
    {
        var length = rest[0] is '-' or '*' or '+' ? 1 : 0;
        if (length == 0)
        {
            while (length < rest.Length && length < 10 && char.IsAsciiDigit(rest[length]))
            {
                length++;
            }

            if (length is 0 or 10 || length >= rest.Length || rest[length] is not ('.' or ')'))
            {
                return 0;
            }

            length++;
        }

        return length == rest.Length || rest[length] is ' ' or '\t' or '\r' ? length : 0;
    }

    /// <summary><c>***</c>, <c>- - -</c>, <c>___</c>: a line, not a list.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> rest)
    {
        var mark = rest[0];
        if (mark is not ('-' or '*' or '_'))
        {
            return false;
        }

        var count = 0;
        foreach (var c in rest)
        {
            if (c == mark)
            {
                count++;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return count >= 3;
    }
}
