using System.Net;
using System.Text.RegularExpressions;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// A small, strict checker for the HTML that Core renders from Markdown. It is not a general HTML
/// parser: it accepts exactly the shape of output Markdig writes (double-quoted attributes,
/// escaped text) and reports anything else, so an unexpected construct fails the test rather
/// than slipping through.
/// </summary>
internal static class HtmlSafety
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "p", "a", "em", "strong", "code", "pre", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "img", "del",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "id", "data-anchor", "class", "start", "rel", "style",
    };

    private static readonly Regex Tag = new(@"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>", RegexOptions.CultureInvariant);
    private static readonly Regex Attribute = new(@"\G\s+([^\s""'=<>/`]+)(?:=""([^""<>]*)"")?", RegexOptions.CultureInvariant);
    private static readonly Regex AllowedStyle = new(@"^text-align: (left|right|center);$", RegexOptions.CultureInvariant);
    private static readonly Regex CharacterReference = new(@"&(#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;)", RegexOptions.CultureInvariant);
    private static readonly Regex Scheme = new(@"^[a-z][a-z0-9+.\-]*:", RegexOptions.CultureInvariant);

    /// <summary>Everything unsafe or unexpected in <paramref name="html"/>; empty when it is safe.</summary>
    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        var textStart = 0;
        foreach (Match tag in Tag.Matches(html))
        {
            CheckText(html[textStart..tag.Index]);
            textStart = tag.Index + tag.Length;

            var closing = tag.Groups[1].Length > 0;
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (!AllowedTags.Contains(name))
            {
                problems.Add($"tag <{name}> is not allowed: {tag.Value}");
            }

            var attributes = tag.Groups[3].Value.TrimEnd();
            if (attributes.EndsWith('/'))
            {
                attributes = attributes[..^1];
            }

            if (closing)
            {
                if (attributes.Trim().Length > 0)
                {
                    problems.Add($"closing tag with attributes: {tag.Value}");
                }

                continue;
            }

            var position = 0;
            while (position < attributes.Length)
            {
                var attribute = Attribute.Match(attributes, position);
                if (!attribute.Success)
                {
                    if (attributes[position..].Trim().Length > 0)
                    {
                        problems.Add($"attributes not in the expected name=\"value\" form in {tag.Value}");
                    }

                    break;
                }

                CheckAttribute(tag.Value, attribute.Groups[1].Value, attribute.Groups[2].Success ? attribute.Groups[2].Value : null);
                position = attribute.Index + attribute.Length;
            }
        }

        CheckText(html[textStart..]);
        return problems;

        void CheckText(string text)
        {
            if (text.Contains('<') || text.Contains('>'))
            {
                problems.Add($"unescaped '<' or '>' outside a tag: {text}");
            }
        }

        void CheckAttribute(string tag, string name, string? value)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("on", StringComparison.Ordinal))
            {
                problems.Add($"event handler attribute '{name}' in {tag}");
                return;
            }

            if (!AllowedAttributes.Contains(lower))
            {
                problems.Add($"attribute '{name}' is not allowed in {tag}");
                return;
            }

            if (lower == "style" && (value is null || !AllowedStyle.IsMatch(value)))
            {
                problems.Add($"style '{value}' is not a text alignment in {tag}");
            }

            if (lower is "href" or "src" && !IsSafeTarget(value ?? ""))
            {
                problems.Add($"unsafe {lower} '{value}' in {tag}");
            }
        }
    }

    /// <summary>
    /// Reads an attribute value as a browser would (character references decoded once, tabs,
    /// newlines and controls dropped, case ignored) and allows only http, https, mailto,
    /// fragment, rooted and scheme-less targets.
    /// </summary>
    public static bool IsSafeTarget(string attributeValue)
    {
        var decoded = DecodeOnce(attributeValue);
        var compact = new string(decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        if (compact.StartsWith("http:", StringComparison.Ordinal)
            || compact.StartsWith("https:", StringComparison.Ordinal)
            || compact.StartsWith("mailto:", StringComparison.Ordinal)
            || compact.StartsWith('#')
            || compact.StartsWith('/'))
        {
            return true;
        }

        return !Scheme.IsMatch(compact);
    }

    /// <summary>One pass of character-reference decoding; numeric references count even without ';', as in attributes.</summary>
    public static string DecodeOnce(string text) =>
        CharacterReference.Replace(text, m =>
        {
            var reference = m.Groups[1].Value.TrimEnd(';');
            if (!reference.StartsWith('#'))
            {
                // HTML5 names ("&colon;", "&Tab;") as well as HTML4 ones; WebUtility knows only HTML4.
                return Markdig.Helpers.EntityHelper.DecodeEntity(reference) ?? WebUtility.HtmlDecode(m.Value);
            }

            var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
            var digits = reference[(hex ? 2 : 1)..];
            if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
                || code is 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                return "\uFFFD";
            }

            return char.ConvertFromUtf32(code);
        });

    /// <summary>The text a reader sees: tags removed (block tags as a space), references decoded, white space collapsed.</summary>
    public static string VisibleText(string html)
    {
        var text = WebUtility.HtmlDecode(Tag.Replace(html, m => m.Groups[2].Value.ToLowerInvariant() is "a" or "em" or "strong" or "code" or "del" ? "" : " "));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static void AssertSafe(string html, string because)
    {
        var problems = Problems(html);
        Assert.True(problems.Count == 0, $"{because}: unsafe HTML\n  {string.Join("\n  ", problems)}\nin:\n{html}");
    }

    /// <summary>A viewer that trusts its input, as a tool opening an exported file may: CommonMark with raw HTML, and pipe tables.</summary>
    public static readonly Markdig.MarkdownPipeline TrustingViewer = Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build();

    private static readonly Regex ImageSource = new("<img src=\"([^\"]*)\"", RegexOptions.CultureInvariant);

    /// <summary>Markdown meant for a file: rendered by <see cref="TrustingViewer"/>, safe, and with no image from elsewhere.</summary>
    public static void AssertSafeInAnyViewer(string markdown)
    {
        // The checker knows Core's own output, whose headings start at h2; a viewer's h1 is as harmless.
        var html = Markdig.Markdown.ToHtml(markdown, TrustingViewer).Replace("<h1>", "<h2>", StringComparison.Ordinal).Replace("</h1>", "</h2>", StringComparison.Ordinal);
        AssertSafe(html, "the Markdown rendered with raw HTML on");
        foreach (Match image in ImageSource.Matches(html))
        {
            var src = image.Groups[1].Value;
            Assert.True(!src.StartsWith("//", StringComparison.Ordinal) && !src.Contains(':', StringComparison.Ordinal), $"an image from elsewhere: {src}");
        }
    }
}
