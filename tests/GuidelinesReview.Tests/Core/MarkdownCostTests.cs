using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Runs Specs/markdown-cost.txt: each worst-case input of a text kind and size is rendered, or
/// refused with exactly the sentence the author will read. What each cost is measured by the
/// benchmarks (MarkdownCostBenchmarks), never here.
/// </summary>
public sealed class MarkdownCostTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in MarkdownCostCases.All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_worst_case_is_rendered_or_refused_with_its_specific_sentence(string name)
    {
        var c = MarkdownCostCases.Named(name);
        Assert.InRange(c.Markdown.Length, 1, c.Limit);

        var error = Record.Exception(() => SafeMarkdown.ToHtml(c.Markdown, c.Limit));

        if (c.Refusal is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Equal(c.Refusal, Assert.IsType<MarkdownRejectedException>(error).Message);
        }
    }

    [Fact]
    public void A_flat_list_of_8000_lines_and_200000_characters_is_rendered_item_by_item()
    {
        var list = string.Concat(Enumerable.Range(1, 8000).Select(i => $"- point {i:D4} **agreed**.\n"));
        Assert.Equal(200_000, list.Length);

        var html = SafeMarkdown.ToHtml(list, 200_000);

        Assert.Equal(1, Count(html, "<ul>"));
        Assert.Equal(8000, Count(html, "<li>"));
        Assert.Contains("<li>point 8000 <strong>agreed</strong>.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_are_counted_per_paragraph_so_a_long_text_of_ordinary_paragraphs_passes()
    {
        // 40 links in each paragraph: 80 brackets, within the allowance of a 2,000-character paragraph.
        var paragraph = string.Concat(Enumerable.Repeat("see [the draft](/d) ", 40)) + new string('x', 1_200) + "\n\n";
        var notes = string.Concat(Enumerable.Repeat(paragraph, 90));

        var html = SafeMarkdown.ToHtml(notes, 200_000);

        Assert.Equal(40 * 90, Count(html, "<a href=\"/d\""));
    }

    [Fact]
    public void An_escaped_mark_is_text_and_not_counted()
    {
        var markdown = string.Concat(Enumerable.Repeat(@"\[\*", 2_000));

        var html = SafeMarkdown.ToHtml(markdown, 10_000);

        Assert.Equal("<p>" + string.Concat(Enumerable.Repeat("[*", 2_000)) + "</p>\n", html);
    }

    [Fact]
    public void The_allowance_grows_with_the_square_root_of_the_paragraph_so_the_work_per_character_stays_bounded()
    {
        Assert.Equal(InlineMarks.FreeMarks, InlineMarks.Allowed(10));
        Assert.Equal(447, InlineMarks.Allowed(10_000));
        Assert.Equal(2_000, InlineMarks.Allowed(200_000));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
