using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// Markdown written in the app, held to the page's rules (<see cref="SafeMarkdown"/>) in the
/// Markdown itself, for files that leave the platform: an exported report is opened in tools that
/// render raw HTML and follow any link. Raw HTML is escaped so it reads as the text that was
/// typed, a link to another scheme keeps only its text, an image from elsewhere or from an
/// unsafe address becomes its alt text, and an unsafe link reference is dropped. Everything else
/// stays byte for byte as written, so the secretariat's formatting survives.
/// </summary>
public static class SafeMarkdownExport
{
    /// <summary>
    /// What another viewer reads: CommonMark with raw HTML on (the platform's own pipeline turns
    /// it off, which would hide exactly what must be found), pipe tables, exact source positions.
    /// </summary>
    private static readonly MarkdownPipeline Viewer = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>
    /// An edit can reveal another construct (an escaped HTML block turns into a paragraph whose
    /// inner tags are now inline HTML), so the text is parsed again until nothing is left to fix.
    /// Real text settles in two or three passes; past this many, the text is escaped whole.
    /// </summary>
    private const int MaxPasses = 8;

    /// <summary>The Markdown with every construct another viewer would run or fetch made inert.</summary>
    public static string Clean(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var edits = Edits(text);
            if (edits is null)
            {
                break;
            }

            if (edits.Count == 0)
            {
                return text;
            }

            text = Apply(text, edits);
        }

        return EscapeAll(markdown);
    }

    /// <summary>
    /// Every ASCII punctuation character backslash-escaped (CommonMark allows it for all of
    /// them), so the text shows exactly as typed and nothing in it is read as Markdown or HTML.
    /// </summary>
    public static string EscapeAll(string text)
    {
        var escaped = new StringBuilder(text.Length + (text.Length / 8));
        foreach (var c in text)
        {
            if (c <= '~' && (char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private readonly record struct Edit(int Start, int Length, string Replacement);

    /// <summary>What to change in <paramref name="text"/>; null when the parser gives up on it (absurd nesting).</summary>
    private static List<Edit>? Edits(string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Viewer);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var edits = new List<Edit>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    edits.Add(new Edit(block.Span.Start, block.Span.Length, EscapeTags(Slice(text, block.Span))));
                    break;
                case HtmlInline html:
                    edits.Add(new Edit(html.Span.Start, 0, "\\"));
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !SafeMarkdown.IsSafeUrl(autolink.Url):
                    edits.Add(new Edit(autolink.Span.Start, 0, "\\"));
                    break;
                case LinkInline { IsImage: true } image when !SafeMarkdown.IsSafeUrl(image.Url) || !SafeMarkdown.IsSafeImage(image.Url):
                    edits.Add(new Edit(image.Span.Start, image.Span.Length, EscapeAll(PlainText.Of(image))));
                    break;
                case LinkInline { IsImage: false } link when !SafeMarkdown.IsSafeUrl(link.Url):
                    edits.Add(new Edit(link.Span.Start, link.Span.Length, EscapeAll(PlainText.Of(link))));
                    break;
                case LinkReferenceDefinition definition when !SafeMarkdown.IsSafeUrl(definition.Url):
                    edits.Add(new Edit(definition.Span.Start, definition.Span.Length, ""));
                    break;
            }
        }

        return edits;
    }

    /// <summary>
    /// Applies the outermost edits, last first so earlier positions hold; an edit inside one
    /// already taken (an image inside an unsafe link) waits for the next pass.
    /// </summary>
    private static string Apply(string text, List<Edit> edits)
    {
        var taken = new List<Edit>();
        var end = -1;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenByDescending(e => e.Length))
        {
            if (edit.Start < end || edit.Start + edit.Length > text.Length)
            {
                continue;
            }

            taken.Add(edit);
            end = Math.Max(end, edit.Start + Math.Max(edit.Length, 1));
        }

        var result = new StringBuilder(text);
        for (var i = taken.Count - 1; i >= 0; i--)
        {
            var edit = taken[i];
            result.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Replacement);
        }

        return result.ToString();
    }

    private static string Slice(string text, SourceSpan span) => text.Substring(span.Start, Math.Min(span.Length, text.Length - span.Start));

    /// <summary>An HTML block as text: each <c>&lt;</c> escaped, so no tag in it opens.</summary>
    private static string EscapeTags(string html) => html.Replace("<", "\\<", StringComparison.Ordinal);
}
