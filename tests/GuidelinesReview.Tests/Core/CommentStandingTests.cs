using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Tests.Core;

/// <summary>What "My comments" says a comment is: every status in a sentence that is true.</summary>
public sealed class CommentStandingTests
{
    private static readonly DateTime V2Published = new(2024, 11, 8, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime V3Published = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<int, DateTime> Published = new() { [1] = new(2024, 6, 14, 9, 0, 0, DateTimeKind.Utc), [2] = V2Published, [3] = V3Published };

    private static StandingFacts On(int version, params StandingStep[] steps) =>
        new(version, 3, false, null, null, null, null, V2Published.AddDays(10), steps, Published);

    [Fact]
    public void A_comment_on_the_current_draft_without_a_decision_is_open()
    {
        var s = CommentStanding.Of(On(3) with { CreatedAt = V3Published.AddDays(1) });

        Assert.Equal((StandingKind.Open, "Open: on the current draft, v3; no decision yet.", (int?)null, (string?)null), (s.Kind, s.Headline, s.Version, s.Anchor));
    }

    [Fact]
    public void A_decision_says_what_was_decided_and_where_it_was_addressed_and_keeps_the_path()
    {
        var s = CommentStanding.Of(On(2, new StandingStep(3, PlacementStatus.Modified, true, "s2.1-p1")) with { Decision = "Accepted in part", AddressedIn = 3, AddressedAnchor = "s2.1-p1" });

        Assert.Equal((StandingKind.Decided, "Decided: Accepted in part, addressed in v3."), (s.Kind, s.Headline));
        Assert.Equal("Carried to v3, modified: the paragraph changed since you commented.", s.Path);
        Assert.Equal((3, "s2.1-p1"), (s.Version, s.Anchor));
    }

    [Theory]
    [InlineData(PlacementStatus.Unchanged, true, "Carried to v3 unchanged.")]
    [InlineData(PlacementStatus.Modified, true, "Carried to v3, modified: the paragraph changed since you commented.")]
    [InlineData(PlacementStatus.Modified, false, "Carried to v3, modified: the paragraph changed and the words you quoted are no longer in it.")]
    [InlineData(PlacementStatus.Orphaned, false, "Carried to v3, but could not be placed: the text you commented on is no longer there.")]
    public void A_comment_carried_to_the_current_draft_says_how(PlacementStatus status, bool passageFound, string headline)
    {
        var s = CommentStanding.Of(On(2, new StandingStep(3, status, passageFound, status == PlacementStatus.Orphaned ? null : "s4-p2")));

        Assert.Equal((StandingKind.Carried, headline), (s.Kind, s.Headline));
        Assert.Equal(status == PlacementStatus.Orphaned ? null : "s4-p2", s.Anchor);
    }

    [Fact]
    public void A_paragraph_changed_on_the_way_is_modified_even_if_the_last_step_left_it_alone()
    {
        var s = CommentStanding.Of(On(1, new StandingStep(2, PlacementStatus.Modified, true, "s2.1-p1"), new StandingStep(3, PlacementStatus.Unchanged, true, "s2.1-p1")));

        Assert.Equal("Carried to v3, modified: the paragraph changed since you commented.", s.Headline);
    }

    [Fact]
    public void A_chain_that_stopped_at_an_orphan_says_where()
    {
        var s = CommentStanding.Of(On(1, new StandingStep(2, PlacementStatus.Orphaned, false, null)) with { CreatedAt = Published[1].AddDays(3) });

        Assert.Equal("Could not be placed in v2: the text you commented on was removed there, so it was not carried to v3.", s.Headline);
        Assert.Null(s.Anchor);
    }

    [Fact]
    public void A_comment_made_on_v2_after_v3_was_published_and_not_carried_is_on_a_superseded_version_not_withdrawn_or_hidden()
    {
        var s = CommentStanding.Of(On(2) with { CreatedAt = V3Published.AddDays(5) });

        Assert.Equal(StandingKind.Superseded, s.Kind);
        Assert.Equal("On a superseded version: made on v2 after v3 was published, and not carried forward to v3.", s.Headline);
        Assert.DoesNotContain("withdrawn", s.Headline, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hidden", s.Headline, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Withdrawn_and_hidden_say_so_whatever_else_is_true()
    {
        var withdrawn = CommentStanding.Of(On(2, new StandingStep(3, PlacementStatus.Unchanged, true, "s1-p1")) with { Withdrawn = true, Decision = "Noted" });
        var hidden = CommentStanding.Of(On(3) with { HiddenAt = new DateTime(2025, 4, 2, 10, 0, 0, DateTimeKind.Utc) });

        Assert.Equal((StandingKind.Withdrawn, "Withdrawn: you withdrew this comment, so it is no longer considered or carried to newer versions."), (withdrawn.Kind, withdrawn.Headline));
        Assert.Equal((StandingKind.Hidden, "Hidden by a moderator on 2 April 2025: only you and the secretariat see it, and it is not carried to newer versions."), (hidden.Kind, hidden.Headline));
    }
}
