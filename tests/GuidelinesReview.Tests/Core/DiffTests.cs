using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

/// <summary>Block alignment between two versions of a draft: what a reader sees in "compare vN → vM".</summary>
public sealed class DiffTests
{
    private const string Base = """
        # 1. Purpose

        Cities adopt digital tools to manage traffic, deliver services and talk with residents.

        Many pilots were never scaled because they answered the supply of new products rather than the needs of people.

        # 2. Principles

        Residents should be involved from the start, when problems are still being defined.

        Public money should buy systems that the city can inspect, change and move to another supplier.
        """;

    [Fact]
    public void Two_identical_versions_show_every_block_unchanged()
    {
        var diff = DiffInput.Compare(Base, Base);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Unchanged s1-p2", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2"],
            DiffInput.Summary(diff));
        Assert.All(diff.Pairs, p =>
        {
            Assert.Equal(1, p.Similarity);
            Assert.False(p.Renumbered);
            Assert.False(p.TextChanged);
            Assert.Null(p.Words);
        });
    }

    [Fact]
    public void A_sentence_added_to_a_paragraph_shows_it_modified_with_only_the_sentence_inserted()
    {
        var edited = Base.Replace("the needs of people.", "the needs of people. Budgets for scaling were rarely planned.", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Modified s1-p2", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2"],
            DiffInput.Summary(diff));
        var pair = diff.ForOldAnchor("s1-p2")!;
        Assert.True(pair.TextChanged);
        Assert.InRange(pair.Similarity, BlockAligner.ModifiedThreshold, 1);
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Many pilots were never scaled because they answered the supply of new products rather than the needs of people."),
                new WordChange(WordOp.Inserted, " Budgets for scaling were rarely planned."),
            ],
            pair.Words);
    }

    [Fact]
    public void A_word_changed_in_a_paragraph_shows_the_old_word_deleted_and_the_new_one_inserted()
    {
        var edited = Base.Replace("from the start,", "from the outset,", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        var pair = Assert.Single(diff.Pairs, p => p.Change != BlockChange.Unchanged);
        Assert.Equal(BlockChange.Modified, pair.Change);
        Assert.Equal(("s2-p1", "s2-p1"), (pair.Old!.Anchor, pair.New!.Anchor));
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Residents should be involved from the "),
                new WordChange(WordOp.Deleted, "start"),
                new WordChange(WordOp.Inserted, "outset"),
                new WordChange(WordOp.Equal, ", when problems are still being defined."),
            ],
            pair.Words);
    }

    [Fact]
    public void A_new_paragraph_is_added_and_its_neighbours_stay_unchanged()
    {
        var edited = Base + "\n\nData collected in public space should be described in plain language on a public register.\n";

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Unchanged s1-p2", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2", "Added s2-p3"],
            DiffInput.Summary(diff));
        var added = diff.Pairs[^1];
        Assert.Null(added.Old);
        Assert.Null(added.Words);
        Assert.Equal("Data collected in public space should be described in plain language on a public register.", added.New!.Text);
    }

    [Fact]
    public void A_removed_paragraph_is_deleted_where_it_stood()
    {
        var edited = Base.Replace("Many pilots were never scaled because they answered the supply of new products rather than the needs of people.\n\n", "", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Deleted s1-p2", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2"],
            DiffInput.Summary(diff));
        Assert.Null(diff.ForOldAnchor("s1-p2")!.New);
    }

    [Fact]
    public void A_paragraph_moved_word_for_word_to_another_section_is_moved_not_deleted_and_added()
    {
        const string paragraph = "Many pilots were never scaled because they answered the supply of new products rather than the needs of people.";
        var edited = Base.Replace(paragraph + "\n\n", "", StringComparison.Ordinal) + "\n\n" + paragraph + "\n";

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2", "Moved s1-p2 → s2-p3"],
            DiffInput.Summary(diff));
        var moved = diff.ForOldAnchor("s1-p2")!;
        Assert.Equal(("s1", "s2"), (moved.Old!.SectionAnchor, moved.New!.SectionAnchor));
        Assert.Equal(1, moved.Similarity);
        Assert.False(moved.TextChanged);
        Assert.Null(moved.Words);
    }

    [Fact]
    public void A_paragraph_moved_to_another_section_and_edited_is_moved_with_its_word_changes()
    {
        const string paragraph = "Many pilots were never scaled because they answered the supply of new products rather than the needs of people.";
        var edited = Base.Replace(paragraph + "\n\n", "", StringComparison.Ordinal)
            + "\n\n" + paragraph.Replace("never scaled", "rarely scaled", StringComparison.Ordinal) + "\n";

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Unchanged s2", "Unchanged s2-p1", "Unchanged s2-p2", "Moved s1-p2 → s2-p3"],
            DiffInput.Summary(diff));
        var moved = diff.ForOldAnchor("s1-p2")!;
        Assert.True(moved.TextChanged);
        Assert.InRange(moved.Similarity, BlockAligner.MovedAndModifiedThreshold, 1);
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Many pilots were "),
                new WordChange(WordOp.Deleted, "never"),
                new WordChange(WordOp.Inserted, "rarely"),
                new WordChange(WordOp.Equal, " scaled because they answered the supply of new products rather than the needs of people."),
            ],
            moved.Words);
    }

    [Fact]
    public void Two_paragraphs_that_swap_places_are_one_unchanged_and_one_moved()
    {
        var edited = """
            # 1. Purpose

            Many pilots were never scaled because they answered the supply of new products rather than the needs of people.

            Cities adopt digital tools to manage traffic, deliver services and talk with residents.

            # 2. Principles

            Residents should be involved from the start, when problems are still being defined.

            Public money should buy systems that the city can inspect, change and move to another supplier.
            """;

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(5, diff.Count(BlockChange.Unchanged));
        var moved = Assert.Single(diff.Pairs, p => p.Change == BlockChange.Moved);
        Assert.Equal(moved.Old!.Text, moved.New!.Text);
        Assert.Equal(0, diff.Count(BlockChange.Added) + diff.Count(BlockChange.Deleted));
    }

    private const string Numbered = """
        # 4. Governance

        Sound governance is the foundation of a people-centred smart city.

        ## 4.1 Coordination

        A single unit should coordinate digital initiatives across departments.

        ## 4.2 Data

        Data collected with public money is a public asset and should be managed as one.
        """;

    [Fact]
    public void Headings_renumbered_by_a_new_section_before_them_are_recognised_and_their_paragraphs_unchanged()
    {
        var edited = """
            # 4. Territorial development

            Cities depend on the towns and rural areas around them.

            """ + "\n" + Numbered.Replace("# 4.", "# 5.", StringComparison.Ordinal).Replace("## 4.", "## 5.", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Numbered, edited);

        Assert.Equal(
            [
                "Added s4", "Added s4-p1",
                "Unchanged s4 → s5", "Unchanged s4-p1 → s5-p1",
                "Unchanged s4.1 → s5.1", "Unchanged s4.1-p1 → s5.1-p1",
                "Unchanged s4.2 → s5.2", "Unchanged s4.2-p1 → s5.2-p1",
            ],
            DiffInput.Summary(diff));
        var heading = diff.ForOldAnchor("s4.2")!;
        Assert.True(heading.Renumbered);
        Assert.True(heading.TextChanged);
        Assert.Equal(("4.2 Data", "5.2 Data"), (heading.Old!.Text, heading.New!.Text));
        Assert.DoesNotContain(heading.Words ?? [], w => w.Op != WordOp.Equal && w.Text.Contains("Data", StringComparison.Ordinal));
        var paragraph = diff.ForOldAnchor("s4.2-p1")!;
        Assert.False(paragraph.Renumbered);
        Assert.False(paragraph.TextChanged);
        Assert.Equal("s5.2", paragraph.New!.SectionAnchor);
    }

    [Fact]
    public void A_heading_renumbered_on_its_own_is_unchanged_and_renumbered()
    {
        var edited = Numbered.Replace("## 4.2 Data", "## 4.3 Data", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Numbered, edited);

        Assert.Equal(
            ["Unchanged s4", "Unchanged s4-p1", "Unchanged s4.1", "Unchanged s4.1-p1", "Unchanged s4.2 → s4.3", "Unchanged s4.2-p1 → s4.3-p1"],
            DiffInput.Summary(diff));
        Assert.Equal([false, false, false, false, true, false], diff.Pairs.Select(p => p.Renumbered));
    }

    [Fact]
    public void A_renamed_heading_is_modified_not_renumbered_and_keeps_its_section()
    {
        var edited = Numbered.Replace("## 4.2 Data", "## 4.2 Data governance", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Numbered, edited);

        Assert.Equal(
            ["Unchanged s4", "Unchanged s4-p1", "Unchanged s4.1", "Unchanged s4.1-p1", "Modified s4.2", "Unchanged s4.2-p1"],
            DiffInput.Summary(diff));
        var heading = diff.ForOldAnchor("s4.2")!;
        Assert.False(heading.Renumbered);
        Assert.Equal([new WordChange(WordOp.Equal, "4.2 Data"), new WordChange(WordOp.Inserted, " governance")], heading.Words);
    }

    [Fact]
    public void A_heading_renamed_beyond_recognition_is_deleted_and_added()
    {
        var edited = Numbered.Replace("## 4.2 Data", "## 4.2 Procurement of connected infrastructure", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Numbered, edited);

        Assert.Equal(
            ["Unchanged s4", "Unchanged s4-p1", "Unchanged s4.1", "Unchanged s4.1-p1", "Deleted s4.2", "Added s4.2", "Unchanged s4.2-p1"],
            DiffInput.Summary(diff));
    }

    [Fact]
    public void Reflowed_lines_and_double_spaces_are_not_changes()
    {
        var edited = """
            # 1.  Purpose

            Cities adopt digital tools to manage traffic,
            deliver services   and talk with residents.

            Many pilots were never scaled because they answered the supply of
               new products rather than the needs of people.

            # 2. Principles

            Residents should be involved  from the start,  when problems are still being defined.

            """ + "\n\nPublic money should buy systems that the city can inspect,  \nchange and move to another\\\nsupplier.\n";

        var diff = DiffInput.Compare(Base, edited);

        Assert.All(diff.Pairs, p =>
        {
            Assert.Equal(BlockChange.Unchanged, p.Change);
            Assert.Equal(p.Old!.Anchor, p.New!.Anchor);
            Assert.Equal(p.Old.Text, p.New.Text);
            Assert.Null(p.Words);
        });
        Assert.Equal(6, diff.Pairs.Count);
    }

    [Fact]
    public void A_comma_added_is_a_modification_showing_only_the_inserted_comma()
    {
        var edited = Base.Replace("inspect, change and move", "inspect, change, and move", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        var pair = Assert.Single(diff.Pairs, p => p.Change != BlockChange.Unchanged);
        Assert.Equal((BlockChange.Modified, "s2-p2", "s2-p2"), (pair.Change, pair.Old!.Anchor, pair.New!.Anchor));
        Assert.Equal(1, pair.Similarity); // same words: only the punctuation differs
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Public money should buy systems that the city can inspect, change"),
                new WordChange(WordOp.Inserted, ","),
                new WordChange(WordOp.Equal, " and move to another supplier."),
            ],
            pair.Words);
    }

    [Fact]
    public void A_full_stop_replaced_by_a_semicolon_shows_one_mark_deleted_and_one_inserted()
    {
        var edited = Base.Replace("the start, when", "the start; when", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        var pair = Assert.Single(diff.Pairs, p => p.Change != BlockChange.Unchanged);
        Assert.Equal(BlockChange.Modified, pair.Change);
        Assert.Equal("Residents should be involved from the start[-,-]{+;+} when problems are still being defined.", WordDiffTests.Render(pair.Words));
    }

    [Fact]
    public void A_change_of_capitals_only_is_a_modification_of_that_word()
    {
        var edited = Base.Replace("Public money should", "Public Money should", StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        var pair = Assert.Single(diff.Pairs, p => p.Change != BlockChange.Unchanged);
        Assert.Equal(BlockChange.Modified, pair.Change);
        Assert.Equal("Public [-money-]{+Money+} should buy systems that the city can inspect, change and move to another supplier.", WordDiffTests.Render(pair.Words));
    }

    [Fact]
    public void A_paragraph_split_in_two_is_one_modified_and_one_added_and_nothing_is_lost()
    {
        var old = """
            # 1. Purpose

            Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels. Few of them measure the results.
            """;
        var split = """
            # 1. Purpose

            Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels.

            Few of them measure the results.
            """;

        var diff = DiffInput.Compare(old, split);

        Assert.Equal(["Unchanged s1", "Modified s1-p1", "Added s1-p2"], DiffInput.Summary(diff));
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels."),
                new WordChange(WordOp.Deleted, " Few of them measure the results."),
            ],
            diff.ForOldAnchor("s1-p1")!.Words);
        Assert.Equal("Few of them measure the results.", diff.Pairs[^1].New!.Text);
        DiffInput.AssertNothingLost(DiffInput.Blocks(old), DiffInput.Blocks(split), diff);
    }

    [Fact]
    public void Two_paragraphs_merged_into_one_are_one_modified_and_one_deleted_shown_where_it_stood()
    {
        var old = """
            # 1. Purpose

            Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels.

            Few of them measure the results.

            # 2. Principles

            Residents come first.
            """;
        var merged = """
            # 1. Purpose

            Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels. Few of them measure the results.

            # 2. Principles

            Residents come first.
            """;

        var diff = DiffInput.Compare(old, merged);

        Assert.Equal(["Unchanged s1", "Modified s1-p1", "Deleted s1-p2", "Unchanged s2", "Unchanged s2-p1"], DiffInput.Summary(diff));
        Assert.Equal(
            [
                new WordChange(WordOp.Equal, "Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels."),
                new WordChange(WordOp.Inserted, " Few of them measure the results."),
            ],
            diff.ForOldAnchor("s1-p1")!.Words);
        DiffInput.AssertNothingLost(DiffInput.Blocks(old), DiffInput.Blocks(merged), diff);
    }

    [Fact]
    public void Deleted_blocks_are_listed_between_their_old_neighbours_in_the_newer_reading_order()
    {
        var old = """
            Before anything else, a preamble that will go.

            # 1. Purpose

            Alpha paragraph about street lighting stays.

            Bravo paragraph about parking meters goes.

            Charlie paragraph about bus timetables goes too.

            # 2. Principles

            Delta paragraph about open standards stays.

            Echo paragraph about sensor maintenance goes at the end.
            """;
        var @new = """
            # 1. Purpose

            Alpha paragraph about street lighting stays.

            November paragraph on flood warnings is new.

            # 2. Principles

            Delta paragraph about open standards stays.
            """;

        var diff = DiffInput.Compare(old, @new);

        Assert.Equal(
            [
                "Deleted s0-p1",
                "Unchanged s1", "Unchanged s1-p1",
                "Deleted s1-p2", "Deleted s1-p3",
                "Added s1-p2",
                "Unchanged s2", "Unchanged s2-p1",
                "Deleted s2-p2",
            ],
            DiffInput.Summary(diff));
    }

    [Fact]
    public void A_deleted_paragraph_stays_in_its_own_section_when_the_paragraph_before_it_moved_away()
    {
        // Bravo stood between Alpha and Charlie in section 1. Alpha moved to section 2; Bravo's
        // deletion must still be shown in section 1, before Charlie, not after Alpha in section 2.
        const string old = """
            # 1. Lighting

            Alpha paragraph about street lighting.

            Bravo paragraph about parking meters.

            Charlie paragraph about bus timetables.

            # 2. Standards

            Delta paragraph about open standards.
            """;
        const string @new = """
            # 1. Lighting

            Charlie paragraph about bus timetables.

            # 2. Standards

            Delta paragraph about open standards.

            Alpha paragraph about street lighting.
            """;

        var diff = DiffInput.Compare(old, @new);

        Assert.Equal(
            ["Unchanged s1", "Deleted s1-p2", "Unchanged s1-p3 → s1-p1", "Unchanged s2", "Unchanged s2-p1", "Moved s1-p1 → s2-p2"],
            DiffInput.Summary(diff));
    }

    [Fact]
    public void The_result_follows_the_newer_version_when_a_paragraph_moves_up()
    {
        const string paragraph = "Public money should buy systems that the city can inspect, change and move to another supplier.";
        var edited = Base.Replace("\n\n" + paragraph, "", StringComparison.Ordinal)
            .Replace("# 1. Purpose\n\n", "# 1. Purpose\n\n" + paragraph + "\n\n", StringComparison.Ordinal);
        Assert.NotEqual(Base, edited);

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Moved s2-p2 → s1-p1", "Unchanged s1-p1 → s1-p2", "Unchanged s1-p2 → s1-p3", "Unchanged s2", "Unchanged s2-p1"],
            DiffInput.Summary(diff));
        Assert.Equal(Enumerable.Range(0, 6), diff.Pairs.Select(p => p.New!.Index));
    }

    [Fact]
    public void Two_unrelated_texts_pair_nothing_every_block_is_deleted_or_added()
    {
        var other = """
            # Recipes

            Whisk three eggs with sugar until pale, then fold in sifted flour.

            Bake the sponge for twenty minutes in a moderate oven.

            # Storage

            Wrap cooled cakes in paper and keep them in a tin for up to five days.
            """;

        var diff = DiffInput.Compare(Base, other);

        Assert.All(diff.Pairs, p => Assert.True(p.Change is BlockChange.Added or BlockChange.Deleted, $"{p.Change} {p.Old?.Anchor} {p.New?.Anchor} ({p.Similarity:0.00})"));
        Assert.Equal(6, diff.Count(BlockChange.Deleted));
        Assert.Equal(5, diff.Count(BlockChange.Added));
        DiffInput.AssertNothingLost(DiffInput.Blocks(Base), DiffInput.Blocks(other), diff);
    }

    [Fact]
    public void A_paragraph_rewritten_so_that_fewer_than_half_its_words_remain_is_deleted_and_added_not_modified()
    {
        var edited = Base.Replace(
            "Residents should be involved from the start, when problems are still being defined.",
            "Neighbourhood assemblies must be consulted early, before any technology gets chosen.",
            StringComparison.Ordinal);

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal(
            ["Unchanged s1", "Unchanged s1-p1", "Unchanged s1-p2", "Unchanged s2", "Deleted s2-p1", "Added s2-p1", "Unchanged s2-p2"],
            DiffInput.Summary(diff));
    }

    [Fact]
    public void A_paragraph_does_not_pair_with_a_list_item_of_the_same_words()
    {
        var old = "# 1. Purpose\n\nResidents should be involved from the start.\n";
        var @new = "# 1. Purpose\n\n- Residents should be involved from the start.\n";

        var diff = DiffInput.Compare(old, @new);

        Assert.Equal(["Unchanged s1", "Deleted s1-p1", "Added s1-li1"], DiffInput.Summary(diff));
    }

    [Fact]
    public void A_huge_edited_paragraph_is_still_paired_but_without_word_differences()
    {
        var sentence = "Residents should be involved from the start when problems are still being defined. ";
        var huge = string.Concat(Enumerable.Repeat(sentence, 300)).Trim();
        var old = "# 1. Purpose\n\n" + huge + "\n";
        var @new = "# 1. Purpose\n\n" + huge + " One more sentence.\n";
        Assert.True(WordDiff.Tokens(huge).Length * 2 > WordDiff.MaxTokens);

        var diff = DiffInput.Compare(old, @new);

        Assert.Equal(["Unchanged s1", "Modified s1-p1"], DiffInput.Summary(diff));
        Assert.Null(diff.Pairs[1].Words);
    }

    [Fact]
    public void Counts_and_lookup_by_old_anchor_agree_with_the_pairs()
    {
        var edited = Base.Replace("from the start,", "from the outset,", StringComparison.Ordinal)
            .Replace("Cities adopt digital tools to manage traffic, deliver services and talk with residents.\n\n", "", StringComparison.Ordinal)
            + "\n\nA new closing paragraph about open procurement.\n";

        var diff = DiffInput.Compare(Base, edited);

        Assert.Equal((4, 1, 0, 1, 1), (diff.Count(BlockChange.Unchanged), diff.Count(BlockChange.Modified), diff.Count(BlockChange.Moved), diff.Count(BlockChange.Added), diff.Count(BlockChange.Deleted)));
        Assert.Equal(BlockChange.Deleted, diff.ForOldAnchor("s1-p1")!.Change);
        Assert.Equal(BlockChange.Modified, diff.ForOldAnchor("s2-p1")!.Change);
        Assert.Null(diff.ForOldAnchor("s2-p3"));
    }

    [Fact]
    public void Comparing_nothing_with_something_is_all_added_and_the_reverse_all_deleted()
    {
        Assert.Equal(["Added s1", "Added s1-p1", "Added s1-p2", "Added s2", "Added s2-p1", "Added s2-p2"], DiffInput.Summary(DiffInput.Compare("", Base)));
        Assert.Equal(["Deleted s1", "Deleted s1-p1", "Deleted s1-p2", "Deleted s2", "Deleted s2-p1", "Deleted s2-p2"], DiffInput.Summary(DiffInput.Compare(Base, "")));
        Assert.Empty(DiffInput.Compare("", "").Pairs);
    }

    // ---- The sample guideline under content/, checked against its change log. ----

    [Fact]
    public void Sample_v1_to_v2_rewords_the_definition_in_2_1()
    {
        var diff = SampleDrafts.Diff(1, 2);

        var definition = SampleDrafts.ByOldText(diff, "For the purposes of these guidelines, a people-centred smart city");
        Assert.Equal(BlockChange.Modified, definition.Change);
        Assert.Equal(("s2.1-p1", "s2.1-p1"), (definition.Old!.Anchor, definition.New!.Anchor));
        Assert.NotNull(definition.Words);
        Assert.Contains(definition.Words, w => w.Op != WordOp.Equal);
    }

    [Theory]
    [InlineData("Governments should require that systems procured with public funds")]
    [InlineData("Data centres and networks consume large and growing")]
    public void Sample_v1_to_v2_moves_paragraphs_into_other_sections(string start)
    {
        var diff = SampleDrafts.Diff(1, 2);

        var pair = SampleDrafts.ByOldText(diff, start);
        Assert.Equal(BlockChange.Moved, pair.Change);
        Assert.NotEqual(pair.Old!.SectionAnchor, pair.New!.SectionAnchor);
        Assert.Single(diff.Pairs, p => p.New?.Text.StartsWith(start, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Further drafts will be shared for regional consultations")]
    [InlineData("Cities can also support the creation of local digital content")]
    [InlineData("Cities can learn a great deal from one another")]
    public void Sample_v1_to_v2_deletes_three_paragraphs(string start)
    {
        var diff = SampleDrafts.Diff(1, 2);

        Assert.Equal(BlockChange.Deleted, SampleDrafts.ByOldText(diff, start).Change);
    }

    [Fact]
    public void Sample_v2_to_v3_moves_the_procurement_paragraph_into_the_new_procurement_section()
    {
        var diff = SampleDrafts.Diff(2, 3);

        var pair = SampleDrafts.ByOldText(diff, "Public procurement is one of the strongest levers");
        Assert.Equal(BlockChange.Moved, pair.Change);
        Assert.Equal("s12.3", pair.New!.SectionAnchor);
    }

    [Fact]
    public void Sample_v2_to_v3_shows_the_rewritten_introduction_paragraph_as_one_modified_block()
    {
        var diff = SampleDrafts.Diff(2, 3);

        // Dice 0.42: under the in-gap threshold, but it is the same paragraph rewritten between unchanged neighbours.
        var pair = SampleDrafts.ByOldText(diff, "The present draft takes account of the discussions held at the first expert group meeting.");
        Assert.Equal(BlockChange.Modified, pair.Change);
        Assert.StartsWith("The present draft takes account of the discussions held at two expert group meetings", pair.New!.Text, StringComparison.Ordinal);
        Assert.Contains(pair.Words!, w => w is { Op: WordOp.Equal, Text: "The present draft takes account of the discussions held at " });
        Assert.DoesNotContain(diff.Pairs, p => p.Change == BlockChange.Added && p.New!.Text.StartsWith("The present draft", StringComparison.Ordinal));
    }

    [Fact]
    public void A_one_for_one_replacement_is_one_rewritten_block_only_when_the_two_share_a_passage_word_for_word()
    {
        const string Before = "# 1. A\n\nKeep this paragraph.\n\nThe committee meets twice a year to review progress on every action.\n\nAnd this one.\n";
        const string After = "# 1. A\n\nKeep this paragraph.\n\nRainfall data from river basins feeds the flood warning model daily.\n\nAnd this one.\n";
        const string Rewritten = "# 1. A\n\nKeep this paragraph.\n\nThe committee meets twice a year; from now on it publishes an account of what has been done, city by city, and why.\n\nAnd this one.\n";

        Assert.Equal(["Unchanged s1", "Unchanged s1-p1", "Deleted s1-p2", "Added s1-p2", "Unchanged s1-p3"], DiffInput.Summary(DiffInput.Compare(Before, After)));
        Assert.Equal(["Unchanged s1", "Unchanged s1-p1", "Modified s1-p2", "Unchanged s1-p3"], DiffInput.Summary(DiffInput.Compare(Before, Rewritten)));
    }

    [Fact]
    public void Sample_v2_to_v3_replaces_the_readiness_levels_annex_with_implementation_actions()
    {
        var diff = SampleDrafts.Diff(2, 3);

        var readiness = diff.Pairs.Where(p => p.Old?.SectionAnchor == "sA").ToList();
        Assert.NotEmpty(readiness);
        Assert.All(readiness, p => Assert.Equal(BlockChange.Deleted, p.Change));
        Assert.Contains(readiness, p => p.Old!.Text == "Annex A. Smart city readiness levels");

        var actions = diff.Pairs.Where(p => p.New?.SectionAnchor == "sA").ToList();
        Assert.Contains(actions, p => p.New!.Text == "Annex A. Implementation actions");
        Assert.True(actions.Count >= 5);
        Assert.All(actions, p => Assert.Equal(BlockChange.Added, p.Change));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public void Sample_versions_leave_most_blocks_unchanged_and_lose_none(int from, int to)
    {
        var diff = SampleDrafts.Diff(from, to);
        var (old, @new) = (SampleDrafts.Blocks(from), SampleDrafts.Blocks(to));

        Assert.True(diff.Count(BlockChange.Unchanged) > old.Count / 2, $"only {diff.Count(BlockChange.Unchanged)} of {old.Count} blocks unchanged");
        DiffInput.AssertNothingLost(old, @new, diff);
        Assert.Equal(@new.Select(b => b.Index), diff.Pairs.Where(p => p.New is not null).Select(p => p.New!.Index));
    }

    [Fact]
    public void Sample_v1_to_v2_renumbers_sections_after_the_new_regulatory_and_territorial_sections()
    {
        var diff = SampleDrafts.Diff(1, 2);

        var heading = SampleDrafts.ByOldText(diff, "5. Digital infrastructure and data");
        Assert.Equal((BlockChange.Unchanged, true, "s7"), (heading.Change, heading.Renumbered, heading.New!.Anchor));
        Assert.Equal("7. Digital infrastructure and data", heading.New.Text);
    }
}

/// <summary>Inputs for diff and carry-forward tests: Markdown drafts turned into the blocks the diff compares.</summary>
internal static class DiffInput
{
    public static List<BlockRef> Blocks(string markdown) => Refs(DraftParser.Parse(markdown, Taxonomy.Empty));

    public static List<BlockRef> Refs(DraftDocument document) =>
        document.Blocks.Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();

    public static DraftDiff Compare(string oldMarkdown, string newMarkdown) => BlockAligner.Align(Blocks(oldMarkdown), Blocks(newMarkdown));

    /// <summary>"Unchanged s1", "Modified s2-p1", "Moved s1-p2 → s2-p3", "Deleted s1-p2", "Added s2-p3": one line per pair, in the diff's order.</summary>
    public static List<string> Summary(DraftDiff diff) => diff.Pairs.Select(p => p switch
    {
        { Old: null } => $"{p.Change} {p.New!.Anchor}",
        { New: null } => $"{p.Change} {p.Old.Anchor}",
        _ when p.Old.Anchor == p.New.Anchor => $"{p.Change} {p.Old.Anchor}",
        _ => $"{p.Change} {p.Old.Anchor} → {p.New.Anchor}",
    }).ToList();

    /// <summary>Every block of either version is in exactly one pair, and the change agrees with which sides are present.</summary>
    public static void AssertNothingLost(IReadOnlyList<BlockRef> oldBlocks, IReadOnlyList<BlockRef> newBlocks, DraftDiff diff)
    {
        Assert.Equal(oldBlocks.Select(b => b.Anchor).Order(StringComparer.Ordinal), diff.Pairs.Where(p => p.Old is not null).Select(p => p.Old!.Anchor).Order(StringComparer.Ordinal));
        Assert.Equal(newBlocks.Select(b => b.Anchor).Order(StringComparer.Ordinal), diff.Pairs.Where(p => p.New is not null).Select(p => p.New!.Anchor).Order(StringComparer.Ordinal));
        Assert.All(diff.Pairs, p =>
        {
            Assert.Equal(p.Change == BlockChange.Added, p.Old is null);
            Assert.Equal(p.Change == BlockChange.Deleted, p.New is null);
            if (p.Old is not null && p.New is not null)
            {
                Assert.Equal(p.Old.Kind, p.New.Kind);
            }
        });
    }
}

/// <summary>The sample guideline's versions, parsed once.</summary>
internal static class SampleDrafts
{
    private static readonly string Folder = Path.Combine(RepoPaths.Content, "guidelines", "people-centred-smart-cities");

    private static readonly Lazy<Taxonomy> Taxonomy = new(() => GuidelineManifest.Parse(File.ReadAllText(Path.Combine(Folder, "guideline.yml"))).Taxonomy);

    private static readonly Lazy<List<BlockRef>>[] Versions =
        [.. Enumerable.Range(1, 3).Select(n => new Lazy<List<BlockRef>>(() => Load(n)))];

    public static List<BlockRef> Blocks(int version) => Versions[version - 1].Value;

    public static DraftDiff Diff(int from, int to) => BlockAligner.Align(Blocks(from), Blocks(to));

    /// <summary>The one pair whose older block starts with <paramref name="start"/>.</summary>
    public static BlockPair ByOldText(DraftDiff diff, string start) =>
        Assert.Single(diff.Pairs, p => p.Old?.Text.StartsWith(start, StringComparison.Ordinal) == true);

    private static List<BlockRef> Load(int version)
    {
        var file = DraftFile.Parse(File.ReadAllText(Path.Combine(Folder, $"v{version}.md")), $"v{version}.md");
        return DiffInput.Refs(DraftParser.Parse(file.Body, Taxonomy.Value, file.BodyFirstLine));
    }
}
