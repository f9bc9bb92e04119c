using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// The one Markdig pipeline of the platform and the rules that make its output safe to show:
/// raw HTML is escaped, and links, images and autolinks may only point to http, https, mailto,
/// relative or <c>#</c> targets. Markdig is not a sanitizer: <c>DisableHtml</c> alone leaves
/// <c>javascript:</c> and friends in link targets, so the parsed document is walked and cleaned.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>Largest draft accepted. The generated benchmark draft is about 170 KB.</summary>
    public const int MaxDraftLength = 400_000;

    /// <summary>Deeper nesting than this is not a document but an attack on the parser.</summary>
    public const int MaxNestingDepth = 48;

    private const string TooDeep = "The text is nested too deeply; simplify the lists, quotes, emphasis or brackets.";

    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>
    /// Parses Markdown after checking its size, its nesting and the marks in each paragraph
    /// (<see cref="InlineMarks"/>), so that the work is linear in its length, and removes unsafe targets.
    /// </summary>
    public static MarkdownDocument Parse(string markdown, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > maxLength)
        {
            throw new MarkdownRejectedException($"The text is {markdown.Length:N0} characters long; at most {maxLength:N0} are accepted.");
        }

        CheckNesting(markdown);
        if ((InlineMarks.TooManyDefinitions(markdown) ?? InlineMarks.FirstProblem(markdown)) is { } problem)
        {
            throw new MarkdownRejectedException(problem);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit (brackets, emphasis, quotes).
            throw new MarkdownRejectedException(TooDeep);
        }

        Sanitize(document);
        return document;
    }

    /// <summary>Renders a comment or note body: safe HTML, headings demoted so they never outrank the page.</summary>
    public static string ToHtml(string markdown, int maxLength)
    {
        var document = Parse(markdown, maxLength);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 3);
        }

        return Render(document);
    }

    public static string Render(MarkdownObject markdownObject) => Render(renderer => renderer.Render(markdownObject));

    /// <summary>Renders a block with its anchor as <c>id</c> and <c>data-anchor</c>.</summary>
    public static string Render(Block block, string anchor)
    {
        SetAnchor(block, anchor);
        return Render(block);
    }

    public static void SetAnchor(Block block, string anchor)
    {
        var attributes = block.GetAttributes();
        attributes.Id = anchor;
        attributes.AddProperty("data-anchor", anchor);
    }

    /// <summary>Runs <paramref name="write"/> against a renderer set up for the platform's pipeline.</summary>
    public static string Render(Action<HtmlRenderer> write)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        try
        {
            write(renderer);
        }
        catch (ArgumentException)
        {
            // Markdig checks some depth limits (deep emphasis) only while rendering.
            throw new MarkdownRejectedException(TooDeep);
        }

        writer.Flush();
        return writer.ToString();
    }

    /// <summary>True for http, https, mailto, relative and fragment targets.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Decode entities and drop the control and space characters browsers ignore inside a
        // scheme ("java\tscript:", "&#106;avascript:"), then read the scheme, if any.
        var decoded = DecodeEntities(DecodeEntities(url));
        var compact = new string(decoded.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true; // a relative path with a colon later on, e.g. "a/b:c"
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static readonly System.Text.RegularExpressions.Regex Entity = new(
        "&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Decodes numeric and every HTML5 named entity (WebUtility knows only HTML4 names, not &amp;colon;).</summary>
    private static string DecodeEntities(string text) => Entity.Replace(text, m =>
    {
        var body = m.Groups[1].Value;
        if (body[0] != '#')
        {
            return Markdig.Helpers.EntityHelper.DecodeEntity(body) ?? m.Value;
        }

        return WebUtility.HtmlDecode(m.Value.EndsWith(';') ? m.Value : m.Value + ";");
    });

    private static void Sanitize(MarkdownDocument document)
    {
        // Materialise first: the tree is changed while we go.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url) && (link.IsImage ? IsSafeImage(link.Url) : true))
            {
                if (!link.IsImage)
                {
                    link.GetAttributes().AddProperty("rel", "nofollow noopener");
                }

                continue;
            }

            if (link.IsImage)
            {
                // An image with an unsafe source becomes its alt text.
                link.ReplaceBy(new LiteralInline(PlainText.Of(link)), copyChildren: false);
            }
            else
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    /// <summary>
    /// Images only from the site itself (a relative address): an external image would tell its
    /// host who reads the draft or comment and when.
    /// </summary>
    public static bool IsSafeImage(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var compact = new string(DecodeEntities(url).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        return !compact.StartsWith("//", StringComparison.Ordinal) && !compact.StartsWith(@"\\", StringComparison.Ordinal) && !compact.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Keeps a link's text and drops the link.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static void CheckNesting(string markdown)
    {
        var deepest = NestingDepth.Measure(markdown);
        if (deepest.Depth > MaxNestingDepth)
        {
            throw new MarkdownRejectedException($"The text has lists or quotes nested {deepest.Depth:N0} levels deep (line {deepest.Line:N0}); at most {MaxNestingDepth} levels are accepted.");
        }
    }
}
