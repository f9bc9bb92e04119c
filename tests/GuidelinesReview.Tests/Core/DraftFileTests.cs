using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Tests.Core;

public sealed class DraftFileTests
{
    private const string Valid = """
        ---
        number: 2
        label: First draft
        date: 2025-01-15
        status: consultation
        language: fr
        summary: Revised after the first meeting.
        ---
        # 1. Introduction

        Text.

        """;

    [Fact]
    public void Reads_the_front_matter_and_keeps_the_body()
    {
        var file = DraftFile.Parse(Valid, "v2.md");

        Assert.Equal(new VersionFrontMatter(2, "First draft", new DateOnly(2025, 1, 15), DraftStatus.Consultation, "fr", "Revised after the first meeting."), file.FrontMatter);
        Assert.Equal("# 1. Introduction\n\nText.\n", file.Body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var file = DraftFile.Parse("\uFEFF" + Valid.Replace("\n", "\r\n", StringComparison.Ordinal), "v2.md");

        Assert.Equal(2, file.FrontMatter.Number);
        Assert.Equal("# 1. Introduction\n\nText.\n", file.Body);
    }

    [Fact]
    public void Language_defaults_to_english_and_summary_to_empty()
    {
        var file = DraftFile.Parse("---\nnumber: 1\nlabel: Zero draft\ndate: 2024-10-01\nstatus: Draft\n---\nBody\n", "v1.md");

        Assert.Equal("en", file.FrontMatter.Language);
        Assert.Equal("", file.FrontMatter.Summary);
        Assert.Equal(DraftStatus.Draft, file.FrontMatter.Status);
    }

    [Fact]
    public void A_closing_line_at_the_very_end_gives_an_empty_body()
    {
        var file = DraftFile.Parse("---\nnumber: 1\nlabel: Zero draft\ndate: 2024-10-01\nstatus: final\n---", "v1.md");

        Assert.Equal(DraftStatus.Final, file.FrontMatter.Status);
        Assert.Equal("", file.Body);
    }

    [Theory]
    [InlineData("number: 2\nlabel: x\n---\nBody", "start with a front matter block")] // no opening line
    [InlineData("\n---\nnumber: 2\n---\nBody", "start with a front matter block")] // opening line not first
    [InlineData("--- \nnumber: 2\n---\nBody", "start with a front matter block")] // not exactly '---'
    [InlineData("---\nnumber: 2\nlabel: x\ndate: 2025-01-15\nstatus: draft\n# Body\n", "not closed")] // no closing line
    [InlineData("---\n---\nBody", "empty")]
    public void A_broken_front_matter_block_is_refused(string text, string expected)
    {
        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("v2.md", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date: 2025-01-15", "date: 15/01/2025", "'date'", "15/01/2025")]
    [InlineData("date: 2025-01-15", "date: 2025-02-30", "'date'", "2025-02-30")]
    [InlineData("date: 2025-01-15\n", "", "'date'", "YYYY-MM-DD")]
    [InlineData("status: consultation", "status: published", "'status'", "published")]
    [InlineData("status: consultation", "status: 1", "'status'", "'1'")]
    [InlineData("number: 2", "number: 0", "'number'", "1 to 999")]
    [InlineData("number: 2", "number: 1000", "'number'", "1 to 999")]
    [InlineData("number: 2", "number: -1", "'number'", "1 to 999")]
    [InlineData("number: 2\n", "", "'number'", "required")]
    [InlineData("label: First draft\n", "", "'label'", "required")]
    [InlineData("language: fr", "language: French", "'language'", "French")]
    public void A_bad_field_is_refused_with_a_message_naming_it(string field, string replacement, string name, string detail)
    {
        var text = Valid.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_with_a_message_naming_it()
    {
        var text = Valid.Replace("summary:", "summery:", StringComparison.Ordinal);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains("'summery'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("v2.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_is_not_a_number_is_refused_with_its_position()
    {
        var text = Valid.Replace("number: 2", "number: two", StringComparison.Ordinal);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal); // line 1 of the file is the opening ---
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_given_twice_is_refused_rather_than_the_last_one_winning()
    {
        var text = Valid.Replace("number: 2", "number: 2\nnumber: 3", StringComparison.Ordinal);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains("a field appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_in_words_without_type_names()
    {
        var text = Valid.Replace("number: 2", "number: 2\nauthor: Someone", StringComparison.Ordinal);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains("unknown field 'author'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FrontMatterYaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_knows_the_file_line_it_starts_on()
    {
        var file = DraftFile.Parse("---\nnumber: 1\nlabel: L\ndate: 2025-01-01\nstatus: draft\n---\n# 1. First\n", "v1.md");

        Assert.Equal(7, file.BodyFirstLine);
        Assert.StartsWith("# 1. First", file.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_refused()
    {
        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse("---\nnumber: [1\n---\nBody", "v2.md"));

        Assert.StartsWith("v2.md: front matter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("draft, final")]
    [InlineData("1")]
    [InlineData("Published")]
    public void Only_the_three_status_names_are_accepted(string status)
    {
        var text = Valid.Replace("status: consultation", $"status: {status}", StringComparison.Ordinal);

        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse(text, "v2.md"));

        Assert.Contains("'status' must be draft, consultation or final", error.Message, StringComparison.Ordinal);
    }
}
