namespace GuidelinesReview.Tests.Core;

/// <summary>The XSS tests are only as good as their validator: it must refuse what a browser would run.</summary>
public sealed class HtmlSafetyTests
{
    [Theory]
    [InlineData("<p>text</p>")]
    [InlineData("<p id=\"s1-p1\" data-anchor=\"s1-p1\">a &lt;b&gt; &amp; c</p>\n")]
    [InlineData("<ol class=\"blk-list\" start=\"3\">\n<li id=\"s1-li1\" data-anchor=\"s1-li1\">x</li>\n</ol>")]
    [InlineData("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\" title=\"x &quot;y&quot;\">a</a>")]
    [InlineData("<a href=\"//host.example/x\">a</a> <a href=\"#s1\">b</a> <a href=\"annex/a.md\">c</a> <a href=\"mailto:x@example.org\">d</a>")]
    [InlineData("<a href=\"javascript%3Aalert(1)\">harmless relative path</a>")]
    [InlineData("<a href=\"&amp;#106;avascript:alert(1)\">harmless: the browser sees &amp;#106; literally</a>")]
    [InlineData("<img src=\"/img/a.png\" alt=\"a\" /><br /><hr />")]
    [InlineData("<td style=\"text-align: center;\">x</td>")]
    public void Accepts_the_html_Core_writes(string html)
    {
        Assert.Empty(HtmlSafety.Problems(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p><img src=x onerror=alert(1)></p>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<svg onload=\"alert(1)\"></svg>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x6A;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,AAAA\" alt=\"x\" />")]
    [InlineData("<a href='javascript:alert(1)'>x</a>")]
    [InlineData("<a href=javascript:alert(1)>x</a>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<h1>outranks the page title</h1>")]
    [InlineData("<p>a <!-- comment --> b</p>")]
    [InlineData("<p>x</p><")]
    public void Refuses_what_a_browser_would_run_or_that_Core_never_writes(string html)
    {
        Assert.NotEmpty(HtmlSafety.Problems(html));
    }

    [Fact]
    public void Visible_text_drops_tags_and_decodes_entities()
    {
        Assert.Equal("a <b> and bold text", HtmlSafety.VisibleText("<p>a &lt;b&gt; and <strong>bold</strong>\n text</p>\n"));
    }
}
