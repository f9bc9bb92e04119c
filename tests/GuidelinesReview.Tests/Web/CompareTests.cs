using System.Net;
using System.Text.RegularExpressions;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class CompareTests(AppFactory app)
{
    private const string Compare = $"/guidelines/{AppFactory.SampleSlug}/compare";

    [Fact]
    public async Task Comparing_v2_and_v3_shows_the_changes_the_sample_was_written_with()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var inline = await client.GetStringAsync(Compare + "?from=2&to=3");
        var side = await client.GetStringAsync(Compare + "?from=2&to=3&view=side");

        Assert.Matches(@"<strong>\d+</strong> modified, <strong>\d+</strong> added, <strong>\d+</strong> deleted, <strong>\d+</strong> moved", inline);
        Assert.Contains("Public procurement is one of the strongest levers", inline, StringComparison.Ordinal);
        Assert.Matches("class=\"change-badge\"[^>]*>Moved</span>", inline);
        Assert.Matches("class=\"change-badge\"[^>]*>Added</span>", inline);
        Assert.Matches("class=\"change-badge\"[^>]*>Deleted</span>", inline);
        Assert.Contains("<del><span class=\"visually-hidden\">[deleted: </span>", inline, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">[inserted: </span>", inline, StringComparison.Ordinal);
        Assert.Contains("class=\"diff-columns\"", side, StringComparison.Ordinal);
        Assert.Contains("unchanged blocks", inline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_names_places_by_their_section_never_by_anchor()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var inline = await client.GetStringAsync(Compare + "?from=2&to=3");

        // Anchors stay in ids and links; the text a reader sees names sections: "(Foreword … 1.1 Purpose of the guidelines)".
        var summaries = Regex.Matches(inline, "<summary>(\\d+ unchanged blocks? \\([^<]*\\))</summary>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.DoesNotMatch(@"\bs\d+(\.\d+)*(-[a-z]+\d+)?\b", s));
        Assert.Contains(summaries, s => s.Contains("Purpose of the guidelines", StringComparison.Ordinal) || Regex.IsMatch(s, @"\(\d+(\.\d+)* [A-Z]"));
        Assert.DoesNotMatch(@"class=""diff-anchors"">[^<]*\bs\d+(\.\d+)*-", inline);
    }

    [Fact]
    public async Task A_deleted_word_and_the_word_replacing_it_stay_two_words_to_the_eye_and_to_a_screen_reader()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var inline = await client.GetStringAsync(Compare + "?from=2&to=3");
        var side = await client.GetStringAsync(Compare + "?from=2&to=3&view=side");

        // "…held at ~~the~~ two ~~first~~ expert group meetings…", never "~~the~~two".
        const string Glued = @"[^\s>]<span class=""visually-hidden"">\]</span></del><ins><span class=""visually-hidden"">\[inserted: </span>[^\s<]";
        Assert.DoesNotMatch(Glued, inline);
        Assert.Matches(@"</del><span class=""diff-gap""> </span><ins>", inline);
        var intro = Regex.Match(inline, @"<p class=""diff-text"">The present draft takes account of the discussions held at .*?</p>", RegexOptions.Singleline).Value;
        var spoken = WebUtility.HtmlDecode(Regex.Replace(intro, "<[^>]+>", ""));
        Assert.StartsWith("The present draft takes account of the discussions held at [deleted: the] [inserted: two] [deleted: first ]expert group", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("diff-gap", side, StringComparison.Ordinal); // each side shows one text, its own spaces suffice
        Assert.DoesNotMatch(@"[\p{L}\p{N}]<span class=""visually-hidden"">\]</span></del>[\p{L}\p{N}]", side); // a deleted word is never glued to the next word
    }

    [Fact]
    public async Task The_default_compares_the_latest_version_with_the_one_before()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var html = await client.GetStringAsync(Compare);

        Assert.Contains("<h1 class=\"h3\">Compare v2 and v3</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_by_thematic_area_only_counts_changes_in_its_sections()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var all = await client.GetStringAsync(Compare + "?from=2&to=3");
        var filtered = await client.GetStringAsync(Compare + "?from=2&to=3&area=resilience");

        static int Changes(string html) => Regex.Matches(html, "data-change=\"").Count;
        Assert.InRange(Changes(filtered), 1, Changes(all) - 1);
        Assert.Contains("in the sections matching the filter", filtered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=2&to=9", HttpStatusCode.NotFound, "There is no v9 of this guideline. Choose two of: v1, v2, v3.")]
    [InlineData("?from=3&to=3", HttpStatusCode.OK, "Choose two different versions to compare.")]
    public async Task Impossible_comparisons_say_why(string query, HttpStatusCode status, string message)
    {
        var client = await app.SignInAsync("expert@demo.local");

        var response = await client.GetAsync(Compare + query);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
