using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CsCheck;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core.Properties;

/// <summary>
/// Markdown sanitising of any text: the HTML, read by an HTML5 parser as a browser reads it, has no
/// script or other element the renderer never writes, no event-handler attribute, and no link or
/// image to a forbidden scheme. Input comes from a grammar of Markdown, HTML and URL fragments.
/// </summary>
public sealed partial class SafeMarkdownProperties
{
    private static readonly HashSet<string> Rendered = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "p", "a", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "img", "del",
    };

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "background", "poster", "srcset"];

    [GeneratedRegex(@"^[a-z][a-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    /// <summary>Schemes written as browsers still read them: mixed case, entities, control characters inside.</summary>
    private static readonly Gen<string> SchemeText = Gen.OneOf(
        "javascript:", "JaVaScRiPt:", "java\tscript:", "java&#x09;script:", "&#106;avascript:", "&#x6A;avascript&#58;",
        "javascript&colon;", "jav&#x0A;ascript:", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:", " javascript:",
        "\u0001javascript:", "javascript&#0000058", "&#0000106;avascript:", "https:", "http:", "mailto:", "//", "/", "#", "");

    private static readonly Gen<string> Payload = Gen.OneOf("alert(1)", "alert`1`", "//example.org/x.png", "a@b.c", "x", "%0aalert(1)", "");

    private static readonly Gen<string> Url = Gen.Select(SchemeText, Payload, (s, p) => s + p);

    private static readonly Gen<string> Text = Gen.OneOf("x", "click", "*em*", "`code`", "<b>", "&amp;", "\\", "](", "[", "]", "!", "\"", "'", " ", "\n", "\n\n");

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (4, Text),
        (3, Gen.Select(Text, Url, (t, u) => $"[{t}]({u})")),
        (2, Gen.Select(Text, Url, (t, u) => $"[{t}](<{u}> \"t\")")),
        (3, Gen.Select(Text, Url, (t, u) => $"![{t}]({u})")),
        (2, Url.Select(u => $"<{u}>")),
        (2, Gen.Select(Text, Url, (t, u) => $"[{t}][r]\n\n[r]: {u}\n")),
        (2, Gen.OneOf("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:x\" onclick=\"y\">",
            "<svg onload=alert(1)>", "<iframe src=javascript:x>", "<div style=\"x\" onmouseover=\"y\">", "</p><script>", "<!-- -->",
            "<style>*{}</style>", "<object data=x>", "<form action=javascript:x><button formaction=javascript:y>")),
        (2, Gen.OneOf("# ", "## ", "> ", "- ", "1. ", "    ", "```\n", "| a | b |\n|---|---|\n| ", "***", "~~~\n", "www.example.org ", "https://example.org/ ")),
        (1, Gen.Char.Select(c => c.ToString())));

    private static readonly Gen<string> Markdown = Fragment.Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void Sanitised_html_of_any_markdown_has_no_script_event_handler_or_forbidden_scheme()
    {
        var parser = new HtmlParser();
        Markdown.Sample(markdown =>
        {
            string html;
            try
            {
                html = SafeMarkdown.ToHtml(markdown, 10_000);
            }
            catch (MarkdownRejectedException)
            {
                return; // refused with a message: nothing is shown
            }

            var problems = Problems(parser, html);
            Assert.True(problems.Count == 0, $"unsafe HTML ({string.Join("; ", problems)}):\n{html}");
        }, iter: 3000);
    }

    /// <summary>What a browser would run or fetch from <paramref name="html"/>, read with AngleSharp's HTML5 parser.</summary>
    internal static List<string> Problems(HtmlParser parser, string html)
    {
        var problems = new List<string>();
        foreach (var element in parser.ParseDocument(html).All)
        {
            if (!Rendered.Contains(element.LocalName))
            {
                problems.Add($"element <{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"event handler {attribute.Name} on <{element.LocalName}>");
                }

                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var scheme = SchemeOf(attribute.Value);
                    if (scheme is not (null or "http" or "https" or "mailto"))
                    {
                        problems.Add($"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> uses scheme '{scheme}'");
                    }

                    if (element.LocalName == "img" && (scheme is not null || attribute.Value.TrimStart().StartsWith("//", StringComparison.Ordinal)))
                    {
                        problems.Add($"external image {attribute.Value}");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// The scheme of an attribute value (references already decoded by the parser) as the URL
    /// standard reads it: leading and trailing spaces and controls trimmed, tabs and newlines removed.
    /// </summary>
    private static string? SchemeOf(string value)
    {
        var url = value.Trim(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray()).Replace("\t", "").Replace("\n", "").Replace("\r", "").ToLowerInvariant();
        var scheme = Scheme().Match(url);
        return scheme.Success ? scheme.Value.TrimEnd(':') : null;
    }
}
