using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Tests.Core;

public sealed class BlockPlaceTests
{
    [Fact]
    public void A_paragraph_is_named_by_its_section_and_its_first_eight_words()
    {
        var place = BlockPlace.Of("s1.1-p2", BlockKind.Paragraph, "1.1 Purpose of the guidelines",
            "The purpose of these guidelines is to help governments change that pattern.");

        Assert.Equal("1.1 Purpose of the guidelines: “The purpose of these guidelines is to help…”", place.Label);
    }

    [Fact]
    public void A_heading_is_named_by_its_section_alone()
    {
        var place = BlockPlace.Of("s1.1", BlockKind.Heading, "1.1 Purpose of the guidelines", "1.1 Purpose of the guidelines");

        Assert.Equal("1.1 Purpose of the guidelines", place.Label);
    }

    [Theory]
    [InlineData("Short text.", "Short text.")]
    [InlineData("  one\n two\tthree  ", "one two three")]
    [InlineData("a b c d e f g h", "a b c d e f g h")]
    [InlineData("a b c d e f g h i", "a b c d e f g h…")]
    [InlineData("", "")]
    public void First_words_collapse_white_space_and_mark_a_cut(string text, string expected)
    {
        Assert.Equal(expected, BlockPlace.FirstWords(text));
    }
}
