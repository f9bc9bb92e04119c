using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://example.org/a?b=1")]
    [InlineData("HTTP://EXAMPLE.ORG")]
    [InlineData("http://example.org")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("MailTo:someone@example.org")]
    [InlineData("#s2.3-p4")]
    [InlineData("/guidelines/people-centred-smart-cities/v3")]
    [InlineData("annex/actions.md")]
    [InlineData("./relative")]
    [InlineData("../up")]
    [InlineData("//host.example/path")]
    [InlineData("a/b:c")]
    [InlineData("search?q=a:b")]
    [InlineData("page#x:y")]
    [InlineData("javascript%3Aalert(1)")]
    public void Allows_http_https_mailto_relative_and_fragment_targets(string? url)
    {
        Assert.True(SafeMarkdown.IsSafeUrl(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\rscript:alert(1)")]
    [InlineData("java script:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("&#X6a;avascript:alert(1)")]
    [InlineData("javascript&#58;alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("&amp;#106;avascript:alert(1)")]
    [InlineData("java&#9;script:alert(1)")]
    [InlineData("javascript://%0Aalert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("DATA:text/html,x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org")]
    [InlineData("tel:+41000000")]
    [InlineData("rel:x/y")]
    [InlineData("%6Aavascript:alert(1)")] // no browser runs this, but refusing what merely looks like a scheme costs nothing
    public void Refuses_every_other_scheme_however_it_is_disguised(string url)
    {
        Assert.False(SafeMarkdown.IsSafeUrl(url));
    }

    [Fact]
    public void An_unsafe_link_keeps_its_text_and_loses_its_target()
    {
        var html = SafeMarkdown.ToHtml("Read [the annex](javascript:alert(1)) first.", 10_000);

        Assert.Equal("<p>Read the annex first.</p>\n", html);
    }

    [Fact]
    public void An_unsafe_image_becomes_its_alt_text_once()
    {
        // Bug: the replaced image's own children are copied after the new text, so the alt text shows twice.
        var html = SafeMarkdown.ToHtml("See ![a chart of budgets](javascript:alert(1)) here.", 10_000);

        Assert.Equal("<p>See a chart of budgets here.</p>\n", html);
    }

    [Fact]
    public void A_safe_link_gets_nofollow_and_an_image_from_the_site_stays()
    {
        var html = SafeMarkdown.ToHtml("[site](https://example.org) ![map](/images/map.png)", 10_000);

        Assert.Equal("<p><a href=\"https://example.org\" rel=\"nofollow noopener\">site</a> <img src=\"/images/map.png\" alt=\"map\" /></p>\n", html);
    }

    [Theory]
    [InlineData("![map](https://example.org/map.png)")]
    [InlineData("![map](//example.org/map.png)")]
    [InlineData("![map](HTTP&#58;//example.org/map.png)")]
    public void An_image_from_another_site_becomes_its_alt_text(string markdown)
    {
        Assert.Equal("<p>map</p>\n", SafeMarkdown.ToHtml(markdown, 10_000));
    }

    [Fact]
    public void Comment_headings_are_demoted_below_the_page_headings()
    {
        var html = SafeMarkdown.ToHtml("# One\n\n## Two\n\n#### Four\n\n> # Quoted", 10_000);

        Assert.Equal("<h4>One</h4>\n<h5>Two</h5>\n<h6>Four</h6>\n<blockquote>\n<h4>Quoted</h4>\n</blockquote>\n", html);
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        Assert.Equal("<p>&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;</p>\n", SafeMarkdown.ToHtml("<b onclick=\"x()\">hi</b>", 10_000));
    }

    [Fact]
    public void A_comment_over_its_limit_is_refused_naming_the_limit()
    {
        var text = new string('a', 10_001);

        var error = Assert.Throws<MarkdownRejectedException>(() => SafeMarkdown.ToHtml(text, 10_000));

        Assert.Contains((10_000).ToString("N0", System.Globalization.CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_exactly_at_its_limit_is_accepted()
    {
        Assert.StartsWith("<p>aaa", SafeMarkdown.ToHtml(new string('a', 10_000), 10_000), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_an_argument_error_not_bad_input()
    {
        Assert.Throws<ArgumentNullException>(() => SafeMarkdown.Parse(null!, 10));
    }
}
