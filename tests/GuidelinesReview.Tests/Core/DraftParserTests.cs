using System.Text.RegularExpressions;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Tests.Core;

/// <summary>DraftParser behaviour that is easier to state in code than in Specs/draft-blocks.md.</summary>
public sealed class DraftParserTests
{
    [Fact]
    public void Headings_inside_quotes_and_list_items_never_outrank_the_page_title()
    {
        // The page's title is the h1 and draft sections start at h2; a heading written inside a
        // quote or a list item must not come out as a second h1 in the middle of the draft.
        const string markdown = """
            # 1 Section

            > # Quoted heading
            >
            > Quoted text.

            - # Heading in a list item
            """;

        var document = DraftParser.Parse(markdown, Taxonomy.Empty);

        Assert.Equal(3, document.Blocks.Count);
        Assert.All(document.Blocks, b => Assert.DoesNotContain("<h1", b.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void The_content_hash_is_32_lower_case_hex_digits_and_depends_on_kind_and_text()
    {
        var hash = DraftParser.HashOf(BlockKind.Paragraph, "Residents shape the services they use.");

        Assert.Matches(new Regex("^[0-9a-f]{32}$"), hash);
        Assert.Equal(hash, DraftParser.HashOf(BlockKind.Paragraph, "Residents shape the services they use."));
        Assert.NotEqual(hash, DraftParser.HashOf(BlockKind.ListItem, "Residents shape the services they use."));
        Assert.NotEqual(hash, DraftParser.HashOf(BlockKind.Paragraph, "Residents shape the services they use"));
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_the_same_document()
    {
        const string markdown = "Intro.\n\n# 1 One {areas: a}\n\n- x\n- y\n\n| a |\n|---|\n| b |\n";
        var taxonomy = new Taxonomy([new TaxonomyTerm(TaxonomyKind.ThematicArea, "a", "A")], []);

        var first = DraftParser.Parse(markdown, taxonomy);
        var second = DraftParser.Parse(markdown, taxonomy);

        Assert.Equal(first.Blocks.Select(b => (b.Anchor, b.Html, b.ContentHash)), second.Blocks.Select(b => (b.Anchor, b.Html, b.ContentHash)));
    }

    [Fact]
    public void An_empty_draft_has_no_sections_and_no_blocks()
    {
        var document = DraftParser.Parse("", Taxonomy.Empty);

        Assert.Empty(document.Sections);
        Assert.Empty(document.Blocks);
    }

    [Fact]
    public void Tags_are_refused_when_the_guideline_has_no_taxonomy()
    {
        var error = Assert.Throws<ContentFormatException>(() => DraftParser.Parse("# 1 One {areas: infrastructure}\n", Taxonomy.Empty));

        Assert.Contains("'infrastructure'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_for_an_unknown_key_lists_the_known_keys()
    {
        var taxonomy = new Taxonomy(
            [new TaxonomyTerm(TaxonomyKind.ThematicArea, "infrastructure", "I"), new TaxonomyTerm(TaxonomyKind.ThematicArea, "inclusion", "J")],
            [new TaxonomyTerm(TaxonomyKind.Principle, "data", "D")]);

        var error = Assert.Throws<ContentFormatException>(() => DraftParser.Parse("# 1 One {areas: infra}\n", taxonomy));

        Assert.Contains("infrastructure, inclusion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_draft_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DraftParser.Parse(null!, Taxonomy.Empty));
    }

    [Fact]
    public void Braces_in_a_heading_that_are_not_tags_stay_part_of_the_heading()
    {
        var document = DraftParser.Parse("# 1. Use of {placeholders} in templates\n\nText.\n", GuidelinesReview.Core.Content.Taxonomy.Empty);

        Assert.Equal("1. Use of {placeholders} in templates", document.Sections[0].Title);
        Assert.Empty(document.Sections[0].Areas);
    }
}
