using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.RateLimiting;

namespace GuidelinesReview.Tests.Core;

public sealed class CommentRulesTests
{
    [Theory]
    [InlineData(Roles.Expert, true)]
    [InlineData(Roles.Moderator, true)]
    [InlineData(Roles.NoteTaker, true)]
    [InlineData(Roles.Secretariat, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Translator, false)]
    [InlineData(Roles.Observer, false)]
    public void Only_participant_roles_write_comments(string role, bool canWrite)
    {
        Assert.Equal(canWrite, CommentRules.CanWrite([role]));
        Assert.Equal(role is Roles.Secretariat or Roles.Admin, CommentRules.CanModerate([role]));
    }

    [Theory]
    [InlineData(null, "Write something: the comment is empty.")]
    [InlineData(" \n ", "Write something: the comment is empty.")]
    [InlineData("ok", null)]
    public void A_body_must_have_text(string? body, string? problem) => Assert.Equal(problem, CommentRules.CheckBody(body));

    [Fact]
    public void A_body_of_exactly_the_limit_passes_and_one_more_character_is_refused_with_both_numbers()
    {
        Assert.Null(CommentRules.CheckBody(new string('x', CommentRules.MaxBody)));
        Assert.Equal("The comment is 10,001 characters long; at most 10,000 are allowed.", CommentRules.CheckBody(new string('x', CommentRules.MaxBody + 1)));
        Assert.Null(CommentRules.CheckProposedText(null));
        Assert.NotNull(CommentRules.CheckProposedText(new string('x', CommentRules.MaxProposedText + 1)));
    }

    [Fact]
    public void Only_a_final_version_is_read_only()
    {
        Assert.Null(CommentRules.CheckVersionOpen(DraftStatus.Draft, 1));
        Assert.Null(CommentRules.CheckVersionOpen(DraftStatus.Consultation, 3));
        Assert.Equal("v4 is final and read-only: comments can no longer be added or changed.", CommentRules.CheckVersionOpen(DraftStatus.Final, 4));
    }

    [Theory]
    [InlineData(true, CommentStatus.Active, false, false, null)]
    [InlineData(false, CommentStatus.Active, false, false, "Only the author can change this comment.")]
    [InlineData(true, CommentStatus.Withdrawn, false, false, "This comment was withdrawn and can no longer be changed.")]
    [InlineData(true, CommentStatus.Active, true, false, "This comment has replies, so it can no longer be edited; add a reply instead.")]
    [InlineData(true, CommentStatus.Active, false, true, "The secretariat has recorded a decision on this comment, so it can no longer be edited.")]
    public void An_author_edits_until_a_reply_or_a_decision(bool isAuthor, CommentStatus status, bool replies, bool decided, string? problem) =>
        Assert.Equal(problem, CommentRules.CheckEditable(isAuthor, status, replies, decided));
}

public sealed class SlidingWindowLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_limit_is_per_key_and_the_refusal_says_when_the_oldest_permit_frees_up()
    {
        var limiter = new SlidingWindowLimiter(3, TimeSpan.FromMinutes(1));

        Assert.True(limiter.TryAcquire("esi", T0).Allowed);
        Assert.True(limiter.TryAcquire("esi", T0.AddSeconds(10)).Allowed);
        Assert.True(limiter.TryAcquire("esi", T0.AddSeconds(20)).Allowed);
        var refused = limiter.TryAcquire("esi", T0.AddSeconds(30));

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.True(limiter.TryAcquire("elias", T0.AddSeconds(30)).Allowed);
    }

    [Fact]
    public void The_window_slides_a_permit_frees_exactly_one_window_after_it_was_taken()
    {
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromMinutes(1));
        limiter.TryAcquire("esi", T0);
        limiter.TryAcquire("esi", T0.AddSeconds(40));

        Assert.False(limiter.TryAcquire("esi", T0.AddSeconds(59)).Allowed);
        Assert.True(limiter.TryAcquire("esi", T0.AddSeconds(60)).Allowed);
        Assert.False(limiter.TryAcquire("esi", T0.AddSeconds(61)).Allowed);
    }

    [Fact]
    public void A_refusal_does_not_use_up_a_permit_and_retry_is_at_least_one_second()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromSeconds(10));
        limiter.TryAcquire("esi", T0);

        var almost = limiter.TryAcquire("esi", T0.AddSeconds(9.8));

        Assert.Equal(TimeSpan.FromSeconds(1), almost.RetryAfter);
        Assert.True(limiter.TryAcquire("esi", T0.AddSeconds(10)).Allowed);
    }

    [Fact]
    public void Checking_takes_nothing_only_recorded_failures_count_and_they_age_out()
    {
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.Check("203.0.113.7", T0.AddSeconds(i * 0.1)).Allowed); // a hundred sign-ins that succeed
        }

        Assert.Equal(1, limiter.Record("203.0.113.7", T0.AddSeconds(10)));
        Assert.Equal(2, limiter.Record("203.0.113.7", T0.AddSeconds(20)));
        var stopped = limiter.Check("203.0.113.7", T0.AddSeconds(30));

        Assert.False(stopped.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), stopped.RetryAfter);
        Assert.True(limiter.Check("198.51.100.1", T0.AddSeconds(30)).Allowed);
        Assert.True(limiter.Check("203.0.113.7", T0.AddSeconds(70)).Allowed);
        Assert.Equal(1, limiter.Record("203.0.113.7", T0.AddSeconds(80)));
    }
}

public sealed class DispositionTableTests
{
    private static DispositionRow Row(int id, string section, CommentType type = CommentType.General, Decision? decision = null,
        CommentStatus status = CommentStatus.Active, string[]? areas = null, string[]? principles = null, string group = "Academia", string? region = "Africa") =>
        new(id, $"{section}-p1", Ancestry(section), type, status, Hidden: false, decision, (areas ?? []).ToHashSet(), (principles ?? []).ToHashSet(), group, region);

    private static List<string> Ancestry(string section)
    {
        var chain = new List<string> { section };
        for (var dot = section.LastIndexOf('.'); dot > 0; dot = section.LastIndexOf('.'))
        {
            section = section[..dot];
            chain.Add(section);
        }

        return chain;
    }

    private static readonly List<DispositionRow> Rows =
    [
        Row(1, "s2", CommentType.Technical, Decision.Accepted, areas: ["engagement"], principles: ["community"]),
        Row(2, "s2.1", CommentType.Editorial, principles: ["community", "data"], group: "Civil society", region: "Asia-Pacific"),
        Row(3, "s2.1.1", decision: Decision.Noted, status: CommentStatus.Withdrawn),
        Row(4, "s3", CommentType.Technical, Decision.NotAccepted, areas: ["inclusion"], region: null),
        Row(5, "s3.2", principles: ["data"], group: "Civil society"),
    ];

    private static int[] Ids(DispositionFilter filter) => Rows.Where(filter.Matches).Select(r => r.CommentId).ToArray();

    [Fact]
    public void A_section_filter_includes_its_subsections_only()
    {
        Assert.Equal([1, 2, 3], Ids(new(Section: "s2")));
        Assert.Equal([2, 3], Ids(new(Section: "s2.1")));
        Assert.Equal([4, 5], Ids(new(Section: "s3")));
    }

    [Fact]
    public void Filters_combine_and_each_one_narrows()
    {
        Assert.Equal([1, 4], Ids(new(Type: CommentType.Technical)));
        Assert.Equal([2, 5], Ids(new(Undecided: true)));
        Assert.Equal([4], Ids(new(Decision: Decision.NotAccepted)));
        Assert.Equal([2, 5], Ids(new(Principle: "data")));
        Assert.Equal([2], Ids(new(Principle: "data", Region: "Asia-Pacific")));
        Assert.Equal([5], Ids(new(StakeholderGroup: "Civil society", Section: "s3")));
        Assert.Equal([1], Ids(new(Area: "engagement")));
        Assert.Equal([1, 2, 3, 4, 5], Ids(new()));
        Assert.True(new DispositionFilter().IsEmpty);
        Assert.False(new DispositionFilter(Undecided: true).IsEmpty);
    }

    [Fact]
    public void Progress_counts_decided_comments_among_those_not_withdrawn()
    {
        var progress = DispositionProgress.Of(Rows);

        Assert.Equal((2, 4, 50), (progress.Decided, progress.Total, progress.Percent));
        Assert.Equal(100, DispositionProgress.Of([]).Percent);
    }
}
