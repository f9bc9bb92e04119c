using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Rollups;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GuidelinesReview.Tests.Web;

public sealed class RollupQueryStringTests
{
    private static readonly WindowLabel Window = new(7, "Online consultation", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 17, 0, 0, DateTimeKind.Utc));

    private static RollupQueryString Parse(string query) => RollupQueryString.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), [Window]);

    [Fact]
    public void Every_filter_is_read_from_the_address()
    {
        var parsed = Parse("?group=LocalAndRegionalGovernment&group=Academia&region=Africa&org=+City+&type=Technical&decision=Accepted&decision=none&kind=Comment&meeting=3&room=4&window=7&from=2026-03-02&to=2026-03-05");
        var f = parsed.Filter;

        Assert.Empty(parsed.Problems);
        Assert.Equal(new HashSet<StakeholderGroup> { StakeholderGroup.LocalAndRegionalGovernment, StakeholderGroup.Academia }, f.Groups);
        Assert.Equal(new HashSet<Region> { Region.Africa }, f.Regions);
        Assert.Equal("City", f.Organisation);
        Assert.Equal(new HashSet<CommentType> { CommentType.Technical }, f.Types);
        Assert.Equal(new HashSet<Decision> { Decision.Accepted }, f.Decisions);
        Assert.True(f.Undecided);
        Assert.Equal(new HashSet<RollupItemKind> { RollupItemKind.Comment }, f.Kinds);
        Assert.Equal((3, 4), (f.MeetingId, f.RoomId));
        Assert.Equal((Window.OpensAt, Window.ClosesAt), f.Window);
        Assert.Equal(new DateTime(2026, 3, 2), f.From);
        Assert.Equal(new DateTime(2026, 3, 6), f.To); // "to" includes its whole day
        Assert.False(parsed.IsEmpty);
    }

    [Theory]
    [InlineData("?group=Martians", "'Martians' is not a stakeholder group; that filter was left out.")]
    [InlineData("?group=3", "'3' is not a stakeholder group; that filter was left out.")]
    [InlineData("?decision=Maybe", "'Maybe' is not a decision; that filter was left out.")]
    [InlineData("?room=four", "'four' is not a room; that filter was left out.")]
    [InlineData("?window=8", "That consultation window is not one of this version's; that filter was left out.")]
    [InlineData("?from=03/02/2026", "'03/02/2026' is not a date (YYYY-MM-DD); that filter was left out.")]
    public void A_value_that_is_not_understood_is_named_and_left_out(string query, string problem)
    {
        var parsed = Parse(query);

        Assert.Equal([problem], parsed.Problems);
        Assert.Equal(RollupFilter.None.Groups.Count, parsed.Filter.Groups.Count);
        Assert.Null(parsed.Filter.Window);
    }

    [Fact]
    public void Links_keep_the_filters_and_replace_or_drop_what_they_name()
    {
        var parsed = Parse("?group=Academia&region=Africa&area=2");

        Assert.Equal("?group=Academia&region=Africa&area=5&principle=9", parsed.With(("area", "5"), ("principle", "9")));
        Assert.Equal("?group=Academia&region=Africa", parsed.With(("area", null)));
        Assert.Equal("?", Parse("").With());
        Assert.Equal("stakeholder group: Academia; region: Africa", parsed.Describe(new RollupSource([], [], [], [], [Window], [])));
    }
}
