using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Tests.Core;

public sealed class PassageMatchTests
{
    private const string Text = "Cities should adopt digital tools such as “open data” portals — and keep them running for residents.";

    [Theory]
    [InlineData("digital tools such as", "digital tools such as")]
    [InlineData("DIGITAL   tools\nsuch as", "digital tools such as")]
    [InlineData("such as \"open data\" portals - and keep", "such as “open data” portals — and keep")]
    [InlineData("  cities SHOULD adopt ", "Cities should adopt")]
    public void A_typed_passage_matches_ignoring_white_space_case_quotes_and_dashes_and_gives_the_blocks_exact_words(string typed, string exact)
    {
        var match = PassageMatch.Find(Text, typed);

        Assert.Equal(exact, match.Exact);
        Assert.Null(match.Nearest);
    }

    [Fact]
    public void A_passage_with_a_typo_does_not_match_but_the_nearest_passage_is_offered()
    {
        var match = PassageMatch.Find(Text, "digitle tools such us");

        Assert.Null(match.Exact);
        Assert.Equal("digital tools such as", match.Nearest);
    }

    [Fact]
    public void Words_that_are_nowhere_near_the_block_get_no_suggestion()
    {
        var match = PassageMatch.Find(Text, "the moon is made of green cheese");

        Assert.Equal(new PassageMatchResult(null, null), match);
    }

    [Fact]
    public void An_empty_passage_matches_nothing()
    {
        Assert.Equal(new PassageMatchResult(null, null), PassageMatch.Find(Text, " \n "));
    }
}
