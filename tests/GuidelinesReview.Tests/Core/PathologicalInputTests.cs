using System.Globalization;
using System.Text;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Inputs built to make a Markdown parser work hard or overflow its stack must be refused as bad
/// input (<see cref="MarkdownRejectedException"/>, which the web layer turns into a 4xx and a
/// message), never escape as another exception. Legitimate documents, including large ones,
/// must pass. No timings are asserted; the inputs are sized so the whole class stays fast.
/// </summary>
public sealed class PathologicalInputTests
{
    private static readonly int Max = SafeMarkdown.MaxDraftLength;

    /// <summary>Nesting attacks, each at (or just under) the largest accepted size.</summary>
    private static readonly Dictionary<string, Func<string>> Nested = new(StringComparer.Ordinal)
    {
        ["brackets: '[' repeated to the size limit"] = () => Repeat("[", Max),
        ["brackets: balanced '[' ... ']' to the size limit"] = () => Repeat("[", Max / 2) + Repeat("]", Max / 2),
        ["brackets: nested links '[[[a](x)](x)](x)' to the size limit"] = () => Fit(Repeat("[", Max / 5) + "a" + Repeat("](x)", Max / 5)),
        ["brackets: image openers '![' repeated to the size limit"] = () => Repeat("![", Max / 2),
        ["quotes: '> ' repeated on one line"] = () => Fit(Repeat("> ", Max / 2) + "x"),
        ["quotes: '>' repeated without spaces"] = () => Fit(Repeat(">", Max - 1) + "x"),
        ["quotes: one more level on every line"] = () => Lines(i => Repeat(">", i) + " x"),
        ["lists: '- - - -' on one line"] = () => Repeat("- ", (Max / 2) - 1) + "x",
        ["lists: '* * * *' on one line"] = () => Repeat("* ", (Max / 2) - 1) + "x",
        ["lists: '1. 1. 1.' on one line"] = () => Fit(Repeat("1. ", Max / 3) + "x"),
        ["lists: indented two more spaces on every line"] = () => Lines(i => new string(' ', 2 * i) + "- x"),
        ["emphasis: '*' run either side of a word"] = () => Fit(Repeat("*", (Max / 2) - 1) + "a" + Repeat("*", Max / 2)),
        ["emphasis: '_' run either side of a word"] = () => Fit(Repeat("_", (Max / 2) - 1) + "a" + Repeat("_", Max / 2)),
        ["emphasis: '**' run either side of a word"] = () => Fit(Repeat("**", (Max / 4) - 1) + "a" + Repeat("**", Max / 4)),
        ["emphasis: alternating '*_' openers and closers"] = () => Fit(Repeat("*_", (Max / 4) - 1) + "a" + Repeat("_*", Max / 4)),
        ["emphasis: a few hundred '*' either side of a word, comment-sized"] = () => Repeat("*", 300) + "a" + Repeat("*", 300),
        ["mixed: '> - ' repeated on one line"] = () => Fit(Repeat("> - ", Max / 4) + "x"),
        ["mixed: '- > ' repeated on one line"] = () => Fit(Repeat("- > ", Max / 4) + "x"),
        ["mixed: quote and list one level deeper on every line"] = () => Lines(i => Repeat("> - ", i) + "x"),
    };

    public static TheoryData<string> NestedNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Nested.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NestedNames))]
    public void Deep_nesting_is_refused_as_bad_input_by_the_draft_parser(string name)
    {
        var markdown = Nested[name]();
        Assert.InRange(markdown.Length, 1, Max);

        var error = Record.Exception(() => DraftParser.Parse(markdown, Taxonomy.Empty));

        AssertRejectedForNesting(error);
    }

    [Theory]
    [MemberData(nameof(NestedNames))]
    public void Deep_nesting_is_refused_as_bad_input_by_the_comment_renderer(string name)
    {
        var markdown = Nested[name]();

        var error = Record.Exception(() => SafeMarkdown.ToHtml(markdown, Max));

        AssertRejectedForNesting(error);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("[")]
    public void One_character_over_the_limit_is_refused_naming_the_limit(string unit)
    {
        var markdown = Repeat(unit, (Max / unit.Length) + 1)[..(Max + 1)];

        var error = Assert.Throws<MarkdownRejectedException>(() => DraftParser.Parse(markdown, Taxonomy.Empty));

        Assert.Contains(Max.ToString("N0", CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains((Max + 1).ToString("N0", CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("* ")]
    public void A_line_of_list_markers_and_nothing_else_is_a_thematic_break_not_nesting(string marker)
    {
        var markdown = Repeat(marker, Max / 2);

        Assert.Equal("<hr />\n", SafeMarkdown.ToHtml(markdown, Max));
    }

    [Fact]
    public void Lines_indented_four_more_spaces_each_are_code_not_nesting()
    {
        var markdown = Lines(i => new string(' ', 4 * i) + "- x");

        var html = SafeMarkdown.ToHtml(markdown, Max);

        Assert.StartsWith("<pre><code>- x\n    - x\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_document_exactly_at_the_limit_is_accepted()
    {
        var markdown = Fit(Repeat("word ", Max / 5) + "end");
        Assert.Equal(Max, markdown.Length);

        var document = DraftParser.Parse(markdown, Taxonomy.Empty);

        var block = Assert.Single(document.Blocks);
        Assert.Equal(BlockKind.Paragraph, block.Kind);
    }

    [Fact]
    public void Lists_nested_five_deep_are_accepted_and_belong_to_their_top_item()
    {
        const string markdown = """
            # 1 Actions

            - Level one
              - Level two
                - Level three
                  - Level four
                    - Level five
            - Second top item

            1. Numbered one
               1. Numbered two
                  1. Numbered three
                     1. Numbered four
                        1. Numbered five

            > Quoted one
            > > Quoted two
            > > > Quoted three
            > > > > Quoted four
            > > > > > Quoted five
            """;

        var document = DraftParser.Parse(markdown, Taxonomy.Empty);

        var items = document.Blocks.Where(b => b.Kind == BlockKind.ListItem).ToList();
        Assert.Equal(["Level one Level two Level three Level four Level five", "Second top item", "Numbered one Numbered two Numbered three Numbered four Numbered five"], items.Select(b => b.Text));
        Assert.Equal(5, CountOccurrences(items[0].Html, "<li"));
        var quote = Assert.Single(document.Blocks, b => b.Kind == BlockKind.Quote);
        Assert.Equal(5, CountOccurrences(quote.Html, "<blockquote"));
    }

    [Fact]
    public void A_large_flat_document_of_about_300_KB_is_accepted()
    {
        var builder = new StringBuilder();
        var chapter = 0;
        while (builder.Length < 300_000)
        {
            chapter++;
            builder.Append(CultureInfo.InvariantCulture, $"# {chapter} Chapter {chapter}\n\n");
            for (var section = 1; section <= 4; section++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"## {chapter}.{section} Section {section} of chapter {chapter}\n\n");
                builder.Append(CultureInfo.InvariantCulture, $"Local governments in chapter {chapter} publish *open* data about services and ask residents what they need, using [the portal](https://example.org/{chapter}/{section}) and meetings.\n\n");
                builder.Append("- A first recommendation for the city.\n- A second recommendation for the region.\n\n");
                builder.Append("| Action | Lead |\n|---|---|\n| Map the networks | City |\n\n");
            }
        }

        var markdown = builder.ToString();
        Assert.InRange(markdown.Length, 300_000, Max);

        var document = DraftParser.Parse(markdown, Taxonomy.Empty);

        Assert.Equal(chapter * 5, document.Sections.Count);
        Assert.Equal(chapter * 5 * 1, document.Blocks.Count(b => b.Kind == BlockKind.Heading));
        Assert.Equal(chapter * 4 * 2, document.Blocks.Count(b => b.Kind == BlockKind.ListItem));
        Assert.Equal(document.Blocks.Count, document.Blocks.Select(b => b.Anchor).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(document.Blocks, b => b.Anchor == $"s{chapter}.4-t1");
    }

    /// <summary>Refused for its nesting, or before it for its marks (brackets, emphasis) per paragraph.</summary>
    private static void AssertRejectedForNesting(Exception? error)
    {
        Assert.NotNull(error);
        var rejected = Assert.IsType<MarkdownRejectedException>(error);
        Assert.Matches("nested|are accepted there", rejected.Message);
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Cuts an input down to the size limit.</summary>
    private static string Fit(string markdown) => markdown.Length <= Max ? markdown : markdown[..Max];

    /// <summary>Lines 1, 2, 3... built by <paramref name="line"/>, as many as fit in the size limit.</summary>
    private static string Lines(Func<int, string> line)
    {
        var builder = new StringBuilder();
        for (var i = 1; ; i++)
        {
            var next = line(i) + "\n";
            if (builder.Length + next.Length > Max)
            {
                return builder.ToString();
            }

            builder.Append(next);
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
