using System.Text.RegularExpressions;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Tests.Core;

/// <summary>What becomes of the comments on one version when the next is published.</summary>
public sealed class CarryForwardTests
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
    public void A_comment_on_an_unchanged_block_stays_on_it_with_the_same_passage()
    {
        var edited = Base.Replace("from the start,", "from the outset,", StringComparison.Ordinal);
        var onPassage = Comment(1, Base, "s1-p2", "never scaled");
        var onBlock = Comment(2, Base, "s1-p1");

        var placements = Carry(Base, edited, onPassage, onBlock);

        var passage = placements[0];
        Assert.Equal((1, PlacementStatus.Unchanged, "s1-p2", true), (passage.CommentId, passage.Status, passage.Anchor, passage.PassageFound));
        Assert.Equal(onPassage.Quote, passage.Quote);
        Assert.Equal(1, passage.Similarity);
        var block = placements[1];
        Assert.Equal((2, PlacementStatus.Unchanged, "s1-p1", true), (block.CommentId, block.Status, block.Anchor, block.PassageFound));
        Assert.Null(block.Quote);
    }

    [Fact]
    public void A_comment_on_a_moved_block_follows_it_to_its_new_anchor()
    {
        const string paragraph = "Many pilots were never scaled because they answered the supply of new products rather than the needs of people.";
        var edited = Base.Replace(paragraph + "\n\n", "", StringComparison.Ordinal) + "\n\n" + paragraph + "\n";
        var onPassage = Comment(1, Base, "s1-p2", "the needs of people");
        var onBlock = Comment(2, Base, "s1-p2");

        var placements = Carry(Base, edited, onPassage, onBlock);

        Assert.All(placements, p => Assert.Equal((PlacementStatus.Unchanged, "s2-p3", true), (p.Status, p.Anchor, p.PassageFound)));
        Assert.Equal(onPassage.Quote, placements[0].Quote);
    }

    [Fact]
    public void A_comment_on_a_moved_and_edited_block_follows_it_as_modified()
    {
        const string paragraph = "Many pilots were never scaled because they answered the supply of new products rather than the needs of people.";
        var edited = Base.Replace(paragraph + "\n\n", "", StringComparison.Ordinal)
            + "\n\n" + paragraph.Replace("Many pilots", "Too many pilots", StringComparison.Ordinal) + "\n";
        var comment = Comment(1, Base, "s1-p2", "the supply of new products");

        var placement = Assert.Single(Carry(Base, edited, comment));

        Assert.Equal((PlacementStatus.Modified, "s2-p3", true), (placement.Status, placement.Anchor, placement.PassageFound));
        Assert.Equal(comment.Quote!.Start + "Too ".Length, placement.Quote!.Start);
        Assert.Equal("the supply of new products", placement.Quote.Exact);
    }

    [Fact]
    public void A_comment_on_a_modified_block_is_modified_with_its_passage_found_at_the_new_offset()
    {
        var edited = Base.Replace("Residents should", "All residents, including those who are often left out, should", StringComparison.Ordinal);
        var comment = Comment(1, Base, "s2-p1", "when problems are still being defined");

        var placement = Assert.Single(Carry(Base, edited, comment));

        Assert.Equal((PlacementStatus.Modified, "s2-p1", true), (placement.Status, placement.Anchor, placement.PassageFound));
        var newText = "All residents, including those who are often left out, should be involved from the start, when problems are still being defined.";
        var start = newText.IndexOf("when problems", StringComparison.Ordinal);
        Assert.Equal(TextQuote.Capture(newText, start, start + "when problems are still being defined".Length), placement.Quote);
        Assert.NotEqual(comment.Quote!.Start, placement.Quote!.Start);
        Assert.InRange(placement.Similarity, BlockAligner.ModifiedThreshold, 1);
    }

    [Fact]
    public void A_comment_on_a_modified_block_whose_passage_is_untouched_and_before_the_edit_keeps_its_offsets()
    {
        var edited = Base.Replace("another supplier.", "another supplier without losing their data.", StringComparison.Ordinal);
        var comment = Comment(1, Base, "s2-p2", "inspect, change and move");

        var placement = Assert.Single(Carry(Base, edited, comment));

        Assert.Equal((PlacementStatus.Modified, "s2-p2", true), (placement.Status, placement.Anchor, placement.PassageFound));
        Assert.Equal((comment.Quote!.Start, comment.Quote.End, comment.Quote.Prefix), (placement.Quote!.Start, placement.Quote.End, placement.Quote.Prefix));
    }

    [Fact]
    public void A_repeated_word_is_re_found_at_the_occurrence_the_comment_was_on()
    {
        const string old = "# 1. Data\n\nResidents use data to hold cities to account, and data must be open to everyone.\n";
        const string @new = "# 1. Data\n\nResidents use data to hold cities to account, and all data must be open to everyone.\n";
        var comment = Comment(1, old, "s1-p1", "data", occurrence: 1);

        var placement = Assert.Single(Carry(old, @new, comment));

        Assert.Equal(PlacementStatus.Modified, placement.Status);
        Assert.Equal("Residents use data to hold cities to account, and all data must be open to everyone.".LastIndexOf("data", StringComparison.Ordinal), placement.Quote!.Start);
    }

    [Fact]
    public void A_comment_whose_passage_was_reworded_stays_on_its_block_as_modified_without_a_passage()
    {
        var edited = Base.Replace("from the start,", "from the outset,", StringComparison.Ordinal);
        var comment = Comment(1, Base, "s2-p1", "from the start");

        var placement = Assert.Single(Carry(Base, edited, comment));

        Assert.Equal((PlacementStatus.Modified, "s2-p1", false), (placement.Status, placement.Anchor, placement.PassageFound));
        Assert.Null(placement.Quote);
    }

    [Fact]
    public void A_comment_on_a_renumbered_section_follows_it_unchanged()
    {
        const string old = "# 4. Governance\n\n## 4.2 Data\n\nData collected with public money is a public asset and should be managed as one.\n";
        var @new = "# 4. Territory\n\nCities depend on the towns around them.\n\n" + old.Replace("# 4.", "# 5.", StringComparison.Ordinal);
        var onHeading = Comment(1, old, "s4.2");
        var onPassage = Comment(2, old, "s4.2-p1", "a public asset");

        var placements = Carry(old, @new, onHeading, onPassage);

        Assert.Equal((PlacementStatus.Unchanged, "s5.2"), (placements[0].Status, placements[0].Anchor));
        Assert.Equal((PlacementStatus.Unchanged, "s5.2-p1", true), (placements[1].Status, placements[1].Anchor, placements[1].PassageFound));
        Assert.Equal(onPassage.Quote, placements[1].Quote);
    }

    private const string TwoParagraphs = """
        # 1. Purpose

        Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels.

        Few of them measure whether residents are better off as a result, or publish what they learn.

        # 2. Principles

        Residents come first.
        """;

    private const string Merged = """
        # 1. Purpose

        Cities adopt digital tools to manage traffic, deliver services, monitor air quality and talk with residents through many channels. Few of them measure whether residents are better off as a result, or publish what they learn.

        # 2. Principles

        Residents come first.
        """;

    [Fact]
    public void A_passage_of_a_paragraph_merged_into_another_is_re_found_there()
    {
        Assert.Equal(BlockChange.Deleted, DiffInput.Compare(TwoParagraphs, Merged).ForOldAnchor("s1-p2")!.Change);
        var comment = Comment(1, TwoParagraphs, "s1-p2", "better off");

        var placement = Assert.Single(Carry(TwoParagraphs, Merged, comment));

        Assert.Equal((PlacementStatus.Modified, "s1-p1", true), (placement.Status, placement.Anchor, placement.PassageFound));
        Assert.Equal("better off", placement.Quote!.Exact);
        Assert.Equal(DiffInput.Blocks(Merged)[1].Text.IndexOf("better off", StringComparison.Ordinal), placement.Quote.Start);
    }

    [Fact]
    public void A_comment_on_a_whole_paragraph_merged_into_another_follows_it_by_containment()
    {
        var comment = Comment(1, TwoParagraphs, "s1-p2");

        var placement = Assert.Single(Carry(TwoParagraphs, Merged, comment));

        Assert.Equal((PlacementStatus.Modified, "s1-p1", true), (placement.Status, placement.Anchor, placement.PassageFound));
        Assert.Null(placement.Quote);
        Assert.InRange(placement.Similarity, CarryForward.ContainmentThreshold, 1);
    }

    [Theory]
    [InlineData("Few of them measure whether residents are better off as a result, or publish what they learn.")] // the whole paragraph selected
    [InlineData("Few of them")]                                                                                    // from the paragraph's first word
    public void A_passage_without_much_context_in_a_paragraph_merged_into_another_still_follows_it(string passage)
    {
        // The comment's passage stands word for word in the merged paragraph; without the passage
        // the same comment is carried by containment, so having one must not make it an orphan.
        var comment = Comment(1, TwoParagraphs, "s1-p2", passage);

        var placement = Assert.Single(Carry(TwoParagraphs, Merged, comment));

        Assert.Equal((PlacementStatus.Modified, "s1-p1"), (placement.Status, placement.Anchor));
        Assert.True(placement.PassageFound);
        Assert.Equal(passage, placement.Quote?.Exact);
    }

    // A paragraph and a look-alike written on the same sentence template with other nouns and figures.
    private const string Target = "By 2030, every city should connect 80 per cent of its schools to fibre broadband and train 500 teachers in digital skills.";
    private const string LookAlike = "By 2035, each region should link 60 per cent of its clinics to mobile networks and equip 200 nurses with telemedicine kits.";

    private const string Targets = $"""
        # 3. Targets

        {Target}

        Air quality sensors should be installed near every primary school.

        # 4. Monitoring

        Progress should be reported every year.
        """;

    public static TheoryData<string> LookAlikePlaces() => new()
    {
        // In place of the deleted paragraph (compared within the same gap) ...
        Targets.Replace(Target, LookAlike, StringComparison.Ordinal),

        // ... or in another section (compared across gaps).
        Targets.Replace(Target + "\n\n", "", StringComparison.Ordinal) + "\n\n" + LookAlike + "\n",
    };

    [Theory]
    [MemberData(nameof(LookAlikePlaces))]
    public void A_comment_on_a_deleted_paragraph_is_orphaned_rather_than_attached_to_a_look_alike(string newMarkdown)
    {
        var vocabulary = new Dictionary<string, int>();
        Assert.True(Similarity.Dice(Similarity.WordSet(Target, vocabulary), Similarity.WordSet(LookAlike, vocabulary)) < BlockAligner.ModifiedThreshold);
        var diff = DiffInput.Compare(Targets, newMarkdown);
        Assert.Equal(BlockChange.Deleted, diff.ForOldAnchor("s3-p1")!.Change);
        Assert.Single(diff.Pairs, p => p.Change == BlockChange.Added && p.New!.Text == LookAlike);

        // One comment on the whole paragraph, and one on every word of it, with its context.
        var comments = new List<CommentAnchor> { Comment(0, Targets, "s3-p1") };
        foreach (Match word in Regex.Matches(Target, @"[\p{L}\p{N}]+"))
        {
            comments.Add(new CommentAnchor(comments.Count, "s3-p1", TextQuote.Capture(Target, word.Index, word.Index + word.Length)));
        }

        comments.Add(new CommentAnchor(comments.Count, "s3-p1", Quote(Target, "per cent of its")));
        comments.Add(new CommentAnchor(comments.Count, "s3-p1", Quote(Target, "should connect 80 per cent")));

        var placements = Carry(Targets, newMarkdown, [.. comments]);

        Assert.All(placements, p => Assert.True(
            p.Status == PlacementStatus.Orphaned && p.Anchor is null,
            $"comment on \"{comments[p.CommentId].Quote?.Exact ?? "(block)"}\" was placed {p.Status} at {p.Anchor}"));
    }

    [Fact]
    public void A_short_passage_that_occurs_in_many_new_blocks_without_its_context_is_orphaned()
    {
        const string old = """
            # 1. Data

            Open data portals should list every data set that the city holds, with its licence.

            Data governance needs clear rules.
            """;
        const string @new = """
            # 1. Data

            Data governance needs clear rules about who may use data and for what.

            Residents can request data from the city at any time.

            Public data should be free to reuse, including for commercial purposes.

            # 2. Platforms

            A data platform is only as good as the data that flows into it.
            """;
        Assert.Equal(BlockChange.Deleted, DiffInput.Compare(old, @new).ForOldAnchor("s1-p1")!.Change);
        var first = Comment(1, old, "s1-p1", "data");
        var second = Comment(2, old, "s1-p1", "data", occurrence: 1);

        var placements = Carry(old, @new, first, second);

        Assert.All(placements, p => Assert.Equal((PlacementStatus.Orphaned, null, null, false), (p.Status, p.Anchor, p.Quote, p.PassageFound)));
    }

    [Fact]
    public void A_passage_found_in_two_new_blocks_with_equally_good_context_is_orphaned_rather_than_guessed()
    {
        const string old = """
            # 1. Sensors

            Each city should publish a register of sensors in public space. The register should say who runs each sensor, what it measures and how long its records are kept.

            # 2. Agencies

            Agencies have their own duties.
            """;
        const string @new = """
            # 1. Sensors

            # 2. Agencies

            Agencies have their own duties.

            Transport agencies should publish a register of sensors in public space, updated monthly.

            Water utilities should publish a register of sensors in public space as well.
            """;
        Assert.Equal(BlockChange.Deleted, DiffInput.Compare(old, @new).ForOldAnchor("s1-p1")!.Change);
        var comment = Comment(1, old, "s1-p1", "register of sensors");

        var placement = Assert.Single(Carry(old, @new, comment));

        Assert.Equal(PlacementStatus.Orphaned, placement.Status);
    }

    [Fact]
    public void A_deleted_paragraph_whose_words_stand_in_two_new_blocks_equally_is_orphaned()
    {
        const string old = """
            # 1. Trust

            Open data builds trust.

            # 2. Elsewhere

            Something unrelated about street lighting.
            """;
        const string @new = """
            # 1. Trust

            # 2. Elsewhere

            Something unrelated about street lighting.

            Open data builds trust when it is actually used.

            Trust builds slowly, and open data helps.
            """;
        Assert.Equal(BlockChange.Deleted, DiffInput.Compare(old, @new).ForOldAnchor("s1-p1")!.Change);

        var placement = Assert.Single(Carry(old, @new, Comment(1, old, "s1-p1")));

        Assert.Equal(PlacementStatus.Orphaned, placement.Status);
    }

    [Fact]
    public void A_comment_on_an_anchor_the_older_version_did_not_have_is_orphaned()
    {
        var stray = new CommentAnchor(7, "s9-p4", null);
        var strayWithPassage = new CommentAnchor(8, "s9-p5", TextQuote.Capture(Base.Replace("\n", " ", StringComparison.Ordinal), 20, 30));

        var placements = Carry(Base, Base, stray, strayWithPassage);

        Assert.Equal([(7, PlacementStatus.Orphaned), (8, PlacementStatus.Orphaned)], placements.Select(p => (p.CommentId, p.Status)));
        Assert.All(placements, p => Assert.Equal((null, null, false), (p.Anchor, p.Quote, p.PassageFound)));
    }

    [Fact]
    public void A_comment_on_a_deleted_paragraph_with_nothing_like_it_left_is_orphaned()
    {
        var edited = Base.Replace("Many pilots were never scaled because they answered the supply of new products rather than the needs of people.\n\n", "", StringComparison.Ordinal);

        var placements = Carry(Base, edited, Comment(1, Base, "s1-p2"), Comment(2, Base, "s1-p2", "never scaled"));

        Assert.All(placements, p => Assert.Equal(PlacementStatus.Orphaned, p.Status));
    }

    [Fact]
    public void Every_comment_gets_one_placement_in_the_order_given()
    {
        var edited = Base.Replace("from the start,", "from the outset,", StringComparison.Ordinal);
        var comments = new[] { Comment(5, Base, "s2-p1"), Comment(3, Base, "s1"), new CommentAnchor(9, "nowhere", null), Comment(4, Base, "s2-p2", "Public money") };

        var placements = Carry(Base, edited, comments);

        Assert.Equal([5, 3, 9, 4], placements.Select(p => p.CommentId));
        Assert.Equal([PlacementStatus.Modified, PlacementStatus.Unchanged, PlacementStatus.Orphaned, PlacementStatus.Unchanged], placements.Select(p => p.Status));
    }

    // ---- The sample guideline under content/. ----

    [Fact]
    public void Sample_v1_comments_follow_their_blocks_into_v2()
    {
        var (old, @new) = (SampleDrafts.Blocks(1), SampleDrafts.Blocks(2));
        var diff = SampleDrafts.Diff(1, 2);
        var comments = old.Select(b => new CommentAnchor(b.Index, b.Anchor, null)).ToList();

        var placements = CarryForward.Place(diff, @new, comments);

        Assert.Equal(old.Count, placements.Count);
        PlacementStatus StatusOf(string start) => placements[Assert.Single(old, b => b.Text.StartsWith(start, StringComparison.Ordinal)).Index].Status;
        string? AnchorOf(string start) => placements[Assert.Single(old, b => b.Text.StartsWith(start, StringComparison.Ordinal)).Index].Anchor;

        // Unchanged blocks, wherever they went, keep their comments unchanged.
        Assert.All(diff.Pairs.Where(p => p.Change is BlockChange.Unchanged || (p.Change is BlockChange.Moved && !p.TextChanged)), p =>
            Assert.Equal((PlacementStatus.Unchanged, p.New!.Anchor), (placements[p.Old!.Index].Status, placements[p.Old.Index].Anchor)));
        Assert.Equal((PlacementStatus.Modified, "s2.1-p1"), (StatusOf("For the purposes of these guidelines, a people-centred smart city"), AnchorOf("For the purposes of these guidelines, a people-centred smart city")));
        Assert.Equal((PlacementStatus.Unchanged, "s7.3-p2"), (StatusOf("Governments should require that systems procured with public funds"), AnchorOf("Governments should require that systems procured with public funds")));

        // Two paragraphs of 6.3 were merged in 8.4: the comments on both end up on the merged one.
        Assert.Equal((PlacementStatus.Modified, "s8.4-p2"), (StatusOf("Capacity building for public officials"), AnchorOf("Capacity building for public officials")));
        Assert.Equal((PlacementStatus.Modified, "s8.4-p2"), (StatusOf("Partnerships with universities"), AnchorOf("Partnerships with universities")));

        Assert.Equal(PlacementStatus.Orphaned, StatusOf("Further drafts will be shared for regional consultations"));
        Assert.Equal(PlacementStatus.Orphaned, StatusOf("Cities can also support the creation of local digital content"));
        Assert.Equal(PlacementStatus.Orphaned, StatusOf("Cities can learn a great deal from one another"));
        Assert.True(placements.Count(p => p.Status == PlacementStatus.Unchanged) > old.Count / 2);
    }

    [Fact]
    public void Sample_v2_comments_on_the_readiness_annex_are_orphaned_in_v3_and_nothing_lands_on_the_new_annex()
    {
        var (old, @new) = (SampleDrafts.Blocks(2), SampleDrafts.Blocks(3));
        var annex = old.Where(b => b.SectionAnchor == "sA").ToList();
        var comments = annex.Select(b => new CommentAnchor(b.Index, b.Anchor, null))
            .Concat(annex.Where(b => b.Text.Length > 80).Select(b => new CommentAnchor(1000 + b.Index, b.Anchor, Stored(b.Text, 40, 60))))
            .ToList();

        var placements = CarryForward.Place(SampleDrafts.Diff(2, 3), @new, comments);

        Assert.True(annex.Count >= 3);
        Assert.All(placements, p => Assert.True(p.Status == PlacementStatus.Orphaned, $"comment {p.CommentId} on {comments.Single(c => c.CommentId == p.CommentId).Anchor} placed {p.Status} at {p.Anchor}"));
    }

    [Fact]
    public void Sample_comments_on_passages_of_unchanged_blocks_keep_their_offsets_from_v2_to_v3()
    {
        var (old, @new) = (SampleDrafts.Blocks(2), SampleDrafts.Blocks(3));
        var diff = SampleDrafts.Diff(2, 3);
        var unchanged = diff.Pairs.Where(p => p.Change == BlockChange.Unchanged && !p.TextChanged && p.Old!.Text.Length > 60).Select(p => p.Old!).ToList();
        var comments = unchanged.Select(b => new CommentAnchor(b.Index, b.Anchor, Stored(b.Text, 20, 50))).ToList();

        var placements = CarryForward.Place(diff, @new, comments);

        Assert.NotEmpty(comments);
        Assert.All(placements.Zip(comments), x =>
        {
            Assert.Equal((PlacementStatus.Unchanged, true), (x.First.Status, x.First.PassageFound));
            Assert.Equal(x.Second.Quote, x.First.Quote);
        });
    }

    private static IReadOnlyList<Placement> Carry(string oldMarkdown, string newMarkdown, params CommentAnchor[] comments)
    {
        var (old, @new) = (DiffInput.Blocks(oldMarkdown), DiffInput.Blocks(newMarkdown));
        return CarryForward.Place(BlockAligner.Align(old, @new), @new, comments);
    }

    /// <summary>The passage <c>text[start..end]</c> as the app stores it: located again, so without white space at its edges.</summary>
    private static QuoteSelector Stored(string text, int start, int end)
    {
        var selected = TextQuote.Capture(text, start, end);
        return TextQuote.Locate(text, selected.Exact, selected.Prefix, selected.Suffix, selected.Start)!;
    }

    /// <summary>A comment on a block of <paramref name="markdown"/>, on the given occurrence of a passage or on the whole block.</summary>
    private static CommentAnchor Comment(int id, string markdown, string anchor, string? passage = null, int occurrence = 0)
    {
        var block = Assert.Single(DiffInput.Blocks(markdown), b => b.Anchor == anchor);
        return new CommentAnchor(id, anchor, passage is null ? null : Quote(block.Text, passage, occurrence));
    }

    private static QuoteSelector Quote(string text, string passage, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(passage, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"\"{passage}\" occurs fewer than {occurrence + 1} times in \"{text}\"");
        }

        return TextQuote.Capture(text, at, at + passage.Length);
    }
}
