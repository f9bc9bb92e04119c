using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Tests.Core;

public sealed class TextQuoteTests
{
    private const string Text = "Cities should publish data. Residents use data to hold cities to account, and data must be open.";

    [Fact]
    public void Capture_keeps_32_characters_of_context_each_side_and_the_offsets()
    {
        var start = Text.IndexOf("hold", StringComparison.Ordinal);

        var quote = TextQuote.Capture(Text, start, start + 4);

        Assert.Equal("hold", quote.Exact);
        Assert.Equal(Text[(start - 32)..start], quote.Prefix);
        Assert.Equal(Text[(start + 4)..(start + 36)], quote.Suffix);
        Assert.Equal((start, start + 4), (quote.Start, quote.End));
    }

    [Fact]
    public void A_selector_is_read_back_from_its_columns_and_none_when_the_comment_is_on_the_whole_paragraph()
    {
        Assert.Null(QuoteSelector.FromColumns(null, null, null, null, null));
        Assert.Equal(new QuoteSelector("hold", "", "", 0, 0), QuoteSelector.FromColumns("hold", null, null, null, null));
        Assert.Equal(new QuoteSelector("hold", "use data to ", " cities", 52, 56), QuoteSelector.FromColumns("hold", "use data to ", " cities", 52, 56));
    }

    [Fact]
    public void Context_is_cut_short_at_the_edges_of_the_block()
    {
        var quote = TextQuote.Capture(Text, 0, 6);

        Assert.Equal("", quote.Prefix);
        Assert.Equal("Cities", quote.Exact);
    }

    [Fact]
    public void A_passage_that_occurs_once_is_found_without_context()
    {
        var quote = TextQuote.Locate(Text, "hold cities to account");

        Assert.NotNull(quote);
        Assert.Equal(Text.IndexOf("hold", StringComparison.Ordinal), quote.Start);
    }

    [Theory]
    [InlineData("Residents use ", " to hold", 1)]     // the prefix and suffix pick the second "data"
    [InlineData("and ", " must be open", 2)]          // ... or the third
    [InlineData("should publish ", ". Residents", 0)]
    public void Among_repeated_words_the_one_with_matching_context_wins(string prefix, string suffix, int occurrence)
    {
        var expected = Nth(Text, "data", occurrence);

        var quote = TextQuote.Locate(Text, "data", prefix, suffix);

        Assert.Equal(expected, quote!.Start);
    }

    [Fact]
    public void Without_context_the_offset_hint_decides_between_equal_candidates()
    {
        var third = Nth(Text, "data", 2);

        Assert.Equal(third, TextQuote.Locate(Text, "data", startHint: third - 3)!.Start);
        Assert.Equal(Nth(Text, "data", 0), TextQuote.Locate(Text, "data")!.Start);
    }

    [Fact]
    public void White_space_in_the_selection_is_compared_collapsed_as_the_reader_sees_it()
    {
        var quote = TextQuote.Locate(Text, "hold \n  cities\tto account");

        Assert.Equal("hold cities to account", quote!.Exact);
    }

    [Theory]
    [InlineData("citizens")]
    [InlineData("data  must be closed")]
    [InlineData("   ")]
    [InlineData("")]
    public void Text_that_is_not_in_the_block_is_not_found(string exact)
    {
        Assert.Null(TextQuote.Locate(Text, exact));
    }

    [Fact]
    public void Matching_is_case_sensitive_so_a_different_word_is_not_taken_for_the_quote()
    {
        Assert.Null(TextQuote.Locate(Text, "residents use data"));
    }

    private static int Nth(string text, string word, int n)
    {
        var at = -1;
        for (var i = 0; i <= n; i++)
        {
            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return at;
    }
}
