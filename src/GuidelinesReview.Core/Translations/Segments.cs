using System.Text;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Text;
using Markdig.Extensions.Tables;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// One unit a translator translates: a block's Markdown content without its block markers (a
/// heading's text, a list item's text, a quote's text, a paragraph), or one cell of a table.
/// Its <see cref="Id"/> is the block anchor, or <c>{anchor}-r{row}c{column}</c> for a table cell
/// (row 0 is the header); both are XML NMTOKENs, as XLIFF unit ids must be.
/// </summary>
public sealed record SourceSegment(string Id, string BlockAnchor, BlockKind Kind, string Source, string Hash);

/// <summary>Cuts blocks into translation segments, and puts translated segments back into a block's Markdown.</summary>
public static partial class Segments
{
    [GeneratedRegex(@"^ {0,3}(#{1,6})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<marker>[-*+]|\d{1,9}[.)])(?<space>[ \t]+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^ {0,3}> ?", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"(?<!\\)\|", RegexOptions.CultureInvariant)]
    private static partial Regex UnescapedPipe();

    public static string HashOf(string source) => Hashing.Sha256Hex(source, bytes: 16);

    public static string CellId(string anchor, int row, int column) => $"{anchor}-r{row}c{column}";

    /// <summary>The segments of one block, in reading order. Code blocks have none: code is not translated.</summary>
    public static IReadOnlyList<SourceSegment> Of(BlockKind kind, string anchor, string blockSource)
    {
        if (kind == BlockKind.Table)
        {
            return Cells(blockSource)
                .Select(c => Segment(CellId(anchor, c.Row, c.Column), anchor, kind, c.Text))
                .Where(s => s.Source.Length > 0)
                .ToList();
        }

        var content = kind switch
        {
            BlockKind.Heading => HeadingText(blockSource),
            BlockKind.ListItem => ListItemText(blockSource).Text,
            BlockKind.Quote => string.Join('\n', Lines(blockSource).Select(l => QuoteMarker().Replace(l, ""))).Trim(),
            BlockKind.Paragraph => blockSource.Trim(),
            _ => "",
        };
        return content.Length == 0 ? [] : [Segment(anchor, anchor, kind, content)];
    }

    /// <summary>
    /// The block's Markdown with each segment replaced by its translation (a segment without one keeps
    /// its source), ready for <see cref="DraftParser.RenderBlock"/> or a localized Markdown download.
    /// </summary>
    public static string Localize(BlockKind kind, string anchor, string blockSource, IReadOnlyDictionary<string, string> translations)
    {
        string? Translation(string id) => translations.TryGetValue(id, out var t) && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
        switch (kind)
        {
            case BlockKind.Heading:
                var level = Math.Max(1, blockSource.TakeWhile(c => c == '#').Count());
                return new string('#', level) + " " + OneLine(Translation(anchor) ?? HeadingText(blockSource));
            case BlockKind.ListItem:
                var (marker, text) = ListItemText(blockSource);
                var body = Translation(anchor) ?? text;
                var indent = new string(' ', marker.Length + 1);
                return marker + " " + string.Join('\n', Lines(body).Select((l, i) => i == 0 || l.Length == 0 ? l : indent + l));
            case BlockKind.Quote:
                return string.Join('\n', Lines(Translation(anchor) ?? string.Join('\n', Lines(blockSource).Select(l => QuoteMarker().Replace(l, "")))).Select(l => "> " + l));
            case BlockKind.Paragraph:
                return Translation(anchor) ?? blockSource;
            case BlockKind.Table:
                return LocalizeTable(anchor, blockSource, Translation);
            default:
                return blockSource;
        }
    }

    private static SourceSegment Segment(string id, string anchor, BlockKind kind, string source) => new(id, anchor, kind, source, HashOf(source));

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string OneLine(string text) => string.Join(' ', Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>A heading's text without its <c>#</c> marks (or setext underline) and without its tag group.</summary>
    private static string HeadingText(string source)
    {
        var lines = Lines(source.Trim());
        var match = AtxHeading().Match(lines[0]);
        var text = match.Success ? match.Groups["text"].Value : OneLine(string.Join('\n', lines.Take(Math.Max(1, lines.Length - 1))));
        return DraftParser.TagGroup.Replace(text, "").Trim();
    }

    private static (string Marker, string Text) ListItemText(string source)
    {
        var lines = Lines(source);
        var match = ListMarker().Match(lines[0]);
        if (!match.Success)
        {
            return ("-", source.Trim());
        }

        var width = match.Length;
        var rest = lines.Skip(1).Select(l => l.Length - l.TrimStart(' ').Length >= width ? l[width..] : l.TrimStart(' '));
        return (match.Groups["marker"].Value, string.Join('\n', rest.Prepend(lines[0][width..])).Trim());
    }

    private sealed record Cell(int Row, int Column, int Line, int Start, int Length, string Text);

    /// <summary>The cells of a pipe table, found by Markdig so that escaped pipes and code spans are respected.</summary>
    private static List<Cell> Cells(string source)
    {
        var cells = new List<Cell>();
        var document = SafeMarkdown.Parse(source, DraftParser.MaxBlockLength);
        if (document.FirstOrDefault() is not Table table)
        {
            return cells;
        }

        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        foreach (var (row, r) in table.OfType<TableRow>().Select((row, r) => (row, r)))
        {
            foreach (var (cell, c) in row.OfType<TableCell>().Select((cell, c) => (cell, c)))
            {
                var start = cell.Span.Start;
                var length = Math.Min(cell.Span.Length, source.Length - start);
                if (start < 0 || length < 0)
                {
                    continue;
                }

                var raw = source.Substring(start, length);
                var line = lineStarts.FindLastIndex(s => s <= start);
                cells.Add(new Cell(r, c, line, start, length, raw.Trim()));
            }
        }

        return cells;
    }

    private static string LocalizeTable(string anchor, string source, Func<string, string?> translation)
    {
        var text = new StringBuilder(source);
        foreach (var cell in Cells(source).OrderByDescending(c => c.Start))
        {
            if (translation(CellId(anchor, cell.Row, cell.Column)) is { } translated)
            {
                var escaped = UnescapedPipe().Replace(OneLine(translated), "\\|");
                var raw = source.Substring(cell.Start, cell.Length);
                var lead = raw.Length - raw.TrimStart().Length;
                var trail = raw.Length - raw.TrimEnd().Length;
                text.Remove(cell.Start + lead, cell.Length - lead - trail).Insert(cell.Start + lead, escaped);
            }
        }

        return text.ToString();
    }
}
