using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Tests.Core;

public sealed class DispositionRulesTests
{
    [Theory]
    [InlineData(3, 1, "v1 is older than the comment's version v3; choose a later version.")]
    [InlineData(3, 3, "v3 is the comment's own version; a change made for it can only be in a later version.")]
    [InlineData(2, 3, null)]
    public void A_comment_can_only_be_addressed_in_a_later_version(int comment, int addressed, string? problem) =>
        Assert.Equal(problem, DispositionRules.CheckAddressedIn(comment, addressed));

    [Fact]
    public void Only_later_versions_are_offered_for_addressed_in() =>
        Assert.Equal([3, 4], DispositionRules.AddressableVersions(2, [4, 1, 2, 3]));

    [Fact]
    public void A_form_built_on_the_latest_decision_is_fresh()
    {
        var latest = new DecisionStamp(42, "Ana Ruiz", "Accepted", new DateTime(2026, 12, 1, 14, 2, 0, DateTimeKind.Utc));

        Assert.Null(DispositionRules.CheckFresh(42, latest));
        Assert.Null(DispositionRules.CheckFresh(0, null));
        Assert.Null(DispositionRules.CheckFresh(null, latest));
    }

    [Fact]
    public void A_stale_form_is_refused_with_who_decided_what_and_when()
    {
        var decided = new DecisionStamp(42, "Ana Ruiz", "Accepted in part", new DateTime(2026, 12, 1, 14, 2, 0, DateTimeKind.Utc));
        var reset = decided with { Seq = 43, Decision = null };

        Assert.Equal("Since this form was loaded, Ana Ruiz recorded “Accepted in part” on 1 December 2026 at 14:02 UTC. Nothing was saved: the row now shows that decision; save again to replace it.",
            DispositionRules.CheckFresh(0, decided));
        Assert.StartsWith("Since this form was loaded, Ana Ruiz reset it to “not yet decided” on 1 December 2026 at 14:02 UTC.", DispositionRules.CheckFresh(42, reset), StringComparison.Ordinal);
        Assert.StartsWith("This form is out of date", DispositionRules.CheckFresh(7, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_summary_says_what_was_done_and_what_was_refused_and_why()
    {
        var summary = DispositionRules.Summary("Recorded “Noted”", [new BulkItem(4, null), new BulkItem(7, "Ana decided first."), new BulkItem(9, null)]);
        var none = DispositionRules.Summary("Recorded “Noted”", [new BulkItem(7, "Ana decided first.")]);

        Assert.Equal("Recorded “Noted” on 2 comments (#4, #9). 1 refused: #7: Ana decided first.", summary);
        Assert.Equal("Nothing was changed. 1 refused: #7: Ana decided first.", none);
    }
}
