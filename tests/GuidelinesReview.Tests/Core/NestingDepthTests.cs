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
    [InlineData("  - item", 1)]
    [InlineData("\t- item", 0)]
    [InlineData("    - indented code, not a list", 0)]
    [InlineData("- a\n - b, a sibling: not under the text of a", 1)]
    [InlineData("- a\n   - b, under the text of a", 2)]
    [InlineData("- a\n\n  text of a\n  - b", 2)]
    [InlineData("- a\n\ntext after the list\n  - b", 1)]
    [InlineData("* * *", 0)]
    [InlineData("- - - -", 0)]
    [InlineData("- a\n  - b\n    - c", 3)]
    [InlineData("- a\n\nparagraph\n\n> q", 1)]
    [InlineData("- a\r\n  - b\r\n", 2)]
    public void Counts_list_items_inside_list_items_and_quotes(string markdown, int expected)
    {
        Assert.Equal(expected, NestingDepth.Measure(markdown).Depth);
    }

    [Fact]
    public void Takes_the_deepest_line_and_names_it()
    {
        var markdown = "text\n>>>>> five\n- one\n>> two\n";

        Assert.Equal(new NestingDepth.Deepest(5, 2), NestingDepth.Measure(markdown));
    }

    [Fact]
    public void A_flat_list_of_8000_lines_is_one_level_whatever_its_alignment()
    {
        var lines = Enumerable.Range(0, 8000).Select(i => (i % 4) switch
        {
            0 => "- a point raised in the room",
            1 => " - aligned one space in: a sibling",
            2 => "  continued text of that point",
            _ => "1. a numbered point",
        });

        Assert.Equal(1, NestingDepth.Measure(string.Join("\n", lines)).Depth);
    }

    [Fact]
    public void A_list_item_nests_only_under_the_text_of_an_open_item()
    {
        var markdown = string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- x\n"));

        Assert.Equal(new NestingDepth.Deepest(60, 60), NestingDepth.Measure(markdown));
    }

    [Fact]
    public void Never_under_counts_real_nesting()
    {
        // Five levels of a list indented by two spaces each, as people write them.
        var markdown = "- a\n  - b\n    - c\n      - d\n        - e\n";

        Assert.True(NestingDepth.Measure(markdown).Depth >= 5);
    }

    [Fact]
    public void Handles_a_marker_at_the_very_end_of_the_text()
    {
        // A marker alone on a line is an empty list item, as Markdig reads it.
        Assert.Equal(1, NestingDepth.Measure("-").Depth);
        Assert.Equal(1, NestingDepth.Measure(">").Depth);
        Assert.Equal(0, NestingDepth.Measure("12").Depth);
        Assert.Equal(1, NestingDepth.Measure("12.").Depth);
    }

    [Fact]
    public void Indentation_inside_a_fenced_code_block_is_not_nesting()
    {
        var code = "```\n" + new string(' ', 200) + "deeply indented code\n```\n\nAfter.\n";

        Assert.Equal(0, NestingDepth.Measure(code).Depth);
        Assert.Equal(2, NestingDepth.Measure(code + "\n> > quoted\n").Depth);
    }
}
