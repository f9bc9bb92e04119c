using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

public sealed class NestingDepthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Plain text without structure.", 0)]
    [InlineData("-not a list\n*emphasis*\n1.5 million", 0)]
    [InlineData("- item", 1)]
    [InlineData("* item", 1)]
    [InlineData("+ item", 1)]
    [InlineData("1. item", 1)]
    [InlineData("12) item", 1)]
    [InlineData("> quote", 1)]
    [InlineData(">>> quote", 3)]
    [InlineData("- - - item", 3)]
    [InlineData("1. 2. 3. item", 3)]
    [InlineData(">- >- item", 4)]
    [InlineData("  - item", 2)]
    [InlineData("\t- item", 3)]
    [InlineData("- a\n  - b\n    - c", 3)]
    [InlineData("- a\n\nparagraph\n\n> q", 1)]
    [InlineData("- a\r\n  - b\r\n", 2)]
    public void Counts_list_markers_quotes_and_indentation(string markdown, int expected)
    {
        Assert.Equal(expected, NestingDepth.Estimate(markdown));
    }

    [Fact]
    public void Takes_the_deepest_line()
    {
        var markdown = "text\n>>>>> five\n- one\n>> two\n";

        Assert.Equal(5, NestingDepth.Estimate(markdown));
    }

    [Fact]
    public void Never_under_counts_real_nesting()
    {
        // Five levels of a list indented by two spaces each, as people write them.
        var markdown = "- a\n  - b\n    - c\n      - d\n        - e\n";

        Assert.True(NestingDepth.Estimate(markdown) >= 5);
    }

    [Fact]
    public void Handles_a_marker_at_the_very_end_of_the_text()
    {
        Assert.Equal(0, NestingDepth.Estimate("-"));
        Assert.Equal(1, NestingDepth.Estimate(">"));
        Assert.Equal(0, NestingDepth.Estimate("12"));
        Assert.Equal(0, NestingDepth.Estimate("12."));
    }

    [Fact]
    public void Indentation_inside_a_fenced_code_block_is_not_nesting()
    {
        var code = "```\n" + new string(' ', 200) + "deeply indented code\n```\n\nAfter.\n";

        Assert.Equal(0, NestingDepth.Estimate(code));
        Assert.Equal(2, NestingDepth.Estimate(code + "\n> > quoted\n"));
    }
}
