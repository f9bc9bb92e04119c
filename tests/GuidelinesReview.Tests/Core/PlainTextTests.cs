using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("word", "word")]
    [InlineData("  leading and trailing  ", "leading and trailing")]
    [InlineData("many    spaces", "many spaces")]
    [InlineData("tabs\tand\nnew\r\nlines", "tabs and new lines")]
    [InlineData("non\u00A0breaking\u2003spaces", "non breaking spaces")]
    [InlineData("\n\nfirst\n\n\nsecond\n", "first second")]
    public void Collapse_makes_runs_of_white_space_one_space_and_trims(string text, string expected)
    {
        Assert.Equal(expected, PlainText.Collapse(text));
    }

    [Fact]
    public void Of_reads_the_text_a_reader_sees()
    {
        var document = SafeMarkdown.Parse("Cities *and* **towns** use `code`, [links](https://example.org) and <https://example.org/x> &amp; more.\nNext line.", 10_000);

        Assert.Equal("Cities and towns use code, links and https://example.org/x & more. Next line.", PlainText.Of(document));
    }

    [Fact]
    public void Of_separates_blocks_and_table_cells_with_a_space()
    {
        var document = SafeMarkdown.Parse("# Title\n\n| a | b |\n|---|---|\n| c | d |\n\n- one\n- two\n", 10_000);

        Assert.Equal("Title a b c d one two", PlainText.Of(document));
    }
}
