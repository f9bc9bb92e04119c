using System.Net;
using System.Text.RegularExpressions;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class DraftPageTests(AppFactory app)
{
    private const string V3 = $"/guidelines/{AppFactory.SampleSlug}/v/3";

    private static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public async Task The_draft_page_shows_every_block_with_its_anchor_a_permalink_and_the_status()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var html = await client.GetStringAsync(V3);

        Assert.Contains("Guidelines on People-Centred Smart Cities", html, StringComparison.Ordinal);
        Assert.Contains("Open for consultation", html, StringComparison.Ordinal);
        Assert.Contains("id=\"s1\" data-anchor=\"s1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"s2.1-p1\" data-anchor=\"s2.1-p1\"", html, StringComparison.Ordinal);
        Assert.Equal(Count(html, "data-anchor=\""), Count(html, "class=\"permalink\""));
        Assert.Contains($"href=\"{V3}#s2.1-p1\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Table of contents\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Principle: </span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_a_principle_shows_only_the_sections_tagged_with_it()
    {
        var client = await app.SignInAsync("expert@demo.local");
        var all = await client.GetStringAsync(V3);

        var filtered = await client.GetStringAsync(V3 + "?principle=financing");

        Assert.Contains("data-testid=\"filter-notice\"", filtered, StringComparison.Ordinal);
        Assert.Contains("Financing and procurement", filtered, StringComparison.Ordinal);
        Assert.True(Count(filtered, "data-anchor=\"") < Count(all, "data-anchor=\"") / 2);
        Assert.Contains("12. Financing and procurement", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1 What we mean", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_filter_key_is_reported_and_everything_is_shown()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var html = await client.GetStringAsync(V3 + "?area=%3Cscript%3E");

        Assert.Contains("There is no thematic area &#x27;&lt;script&gt;&#x27; in this guideline", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"filter-notice\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"/guidelines/{AppFactory.SampleSlug}/v/99")]
    [InlineData("/guidelines/no-such-guideline/v/1")]
    [InlineData("/guidelines/no-such-guideline")]
    public async Task A_missing_guideline_or_version_is_a_404_page(string path)
    {
        var client = await app.SignInAsync("expert@demo.local");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guideline_page_lists_the_three_sample_versions_newest_first()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var html = await client.GetStringAsync($"/guidelines/{AppFactory.SampleSlug}");

        var v3 = html.IndexOf("v3 · Draft for online consultation", StringComparison.Ordinal);
        var v2 = html.IndexOf("v2 · Draft after the first expert group meeting", StringComparison.Ordinal);
        var v1 = html.IndexOf("v1 · Zero draft", StringComparison.Ordinal);
        Assert.True(v3 >= 0 && v3 < v2 && v2 < v1, "versions listed newest first");
    }
}
