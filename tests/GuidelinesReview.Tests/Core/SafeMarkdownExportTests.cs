using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Markdown bound for a file: held to the page's rules in the Markdown itself, checked by
/// rendering the result as another tool would (raw HTML on) and by what is left in the text.
/// </summary>
public sealed class SafeMarkdownExportTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script>alert(1)\\</script>")]
    [InlineData("Look <img src=x onerror=alert(1)> here", "Look \\<img src=x onerror=alert(1)> here")]
    [InlineData("<!-- hidden --><b>bold</b>", "\\<!-- hidden -->\\<b>bold\\</b>")]
    [InlineData("- <div onclick=\"steal()\">in a list</div>", "- \\<div onclick=\"steal()\">in a list\\</div>")]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("[click](JaVaScRiPt&#58;alert(1)) now", "click now")]
    [InlineData("[*bold* words](vbscript:msgbox(1))", "bold words")]
    [InlineData("<javascript:alert(1)>", "\\<javascript:alert(1)>")]
    [InlineData("![pixel](data:image/png;base64,AAAA)", "pixel")]
    [InlineData("![tracker](https://tracker.example/p.png?who=you)", "tracker")]
    [InlineData("![tracker](//tracker.example/p.png)", "tracker")]
    [InlineData("[![logo](https://tracker.example/p.png)](javascript:alert(1))", "logo")]
    [InlineData("[docs][1] and [again][1]\n\n[1]: javascript:alert(1)", "docs and again\n\n")]
    [InlineData("[alt text (with brackets)](javascript:x)", "alt text \\(with brackets\\)")]
    public void Hostile_markdown_becomes_inert_text(string markdown, string expected)
    {
        var cleaned = SafeMarkdownExport.Clean(markdown);

        Assert.Equal(expected, cleaned);
        HtmlSafety.AssertSafeInAnyViewer(cleaned);
    }

    [Fact]
    public void Safe_markdown_is_kept_byte_for_byte()
    {
        const string markdown = """
            ## Findings on *participation*

            Cities need **binding** budgets: see [the annex](https://example.org/annex), [write to us](mailto:secretariat@example.org),
            [paragraph 4](#s2.3-p4), [the draft](/guidelines/people-centred-smart-cities/v/3) and <https://example.org/autolink>.
            An escaped \<tag> and &lt;entity&gt; stay text, `<b>code</b>` stays code, and a [reference][ref].

            ![map of the districts](/images/map.png)

            | area | count |
            |---|---|
            | engagement | 3 |

            > A quote with _emphasis_.

            [ref]: https://example.org/reference "Title"
            """;

        Assert.Equal(markdown, SafeMarkdownExport.Clean(markdown));
    }

    [Fact]
    public void Escaping_everything_shows_the_text_exactly_as_typed()
    {
        const string typed = "<b>[x](javascript:1)</b> *a* & `c` \\ # | ~ 1. 城市";

        var html = Markdig.Markdown.ToHtml(SafeMarkdownExport.EscapeAll(typed), HtmlSafety.TrustingViewer);

        HtmlSafety.AssertSafeInAnyViewer(SafeMarkdownExport.EscapeAll(typed));
        Assert.Equal(typed, HtmlSafety.VisibleText(html));
    }

    [Theory]
    [MemberData(nameof(XssCorpusTests.CaseNames), MemberType = typeof(XssCorpusTests))]
    public void Every_case_of_the_xss_corpus_is_safe_in_a_viewer_that_trusts_its_input(string name)
    {
        var markdown = SpecFile.ReadCases("xss-corpus.txt").Cases.Single(c => c.Name == name).Markdown;

        HtmlSafety.AssertSafeInAnyViewer(SafeMarkdownExport.Clean(markdown));
    }
}
