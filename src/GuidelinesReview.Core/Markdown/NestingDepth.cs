namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// A cheap, one-pass estimate of how deeply lists and quotes nest, so that inputs built to
/// make the parser work hard (thousands of nested list levels take Markdig seconds before it
/// gives up) are refused before parsing. It over-counts a little (indentation is taken as
/// nesting), which only matters for documents no person writes.
/// </summary>
internal static class NestingDepth
{
    public static int Estimate(string markdown)
    {
        var max = 0;
        var i = 0;
        string? fence = null;
        while (i < markdown.Length)
        {
            // Lines inside a fenced code block are code: their indentation is not nesting.
            var lineEnd = markdown.IndexOf('\n', i);
            var line = markdown.AsSpan(i, (lineEnd < 0 ? markdown.Length : lineEnd) - i).TrimStart(' ');
            if (fence is not null || line.StartsWith("```") || line.StartsWith("~~~"))
            {
                if (fence is null)
                {
                    fence = line[..3].ToString();
                }
                else if (line.StartsWith(fence))
                {
                    fence = null;
                }

                if (lineEnd < 0)
                {
                    break;
                }

                i = lineEnd + 1;
                continue;
            }

            var depth = 0;
            var spaces = 0;
            while (i < markdown.Length && markdown[i] != '\n')
            {
                var c = markdown[i];
                if (c == ' ')
                {
                    spaces++;
                    i++;
                }
                else if (c == '\t')
                {
                    spaces += 4;
                    i++;
                }
                else if (c == '>')
                {
                    depth++;
                    i++;
                    if (i < markdown.Length && markdown[i] == ' ')
                    {
                        i++; // the space after '>' belongs to the marker, not to indentation
                    }
                }
                else if ((c is '-' or '*' or '+') && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t')
                {
                    depth++;
                    i += 2;
                }
                else if (char.IsAsciiDigit(c) && IsOrderedMarker(markdown, i, out var length))
                {
                    depth++;
                    i += length;
                }
                else
                {
                    break;
                }
            }

            max = Math.Max(max, depth + (spaces / 2));
            var next = markdown.IndexOf('\n', i);
            if (next < 0)
            {
                break;
            }

            i = next + 1;
        }

        return max;
    }

    private static bool IsOrderedMarker(string s, int start, out int length)
    {
        var i = start;
        while (i < s.Length && i - start < 10 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        length = i - start + 2;
        return i + 1 < s.Length && s[i] is '.' or ')' && s[i + 1] is ' ' or '\t';
    }
}
