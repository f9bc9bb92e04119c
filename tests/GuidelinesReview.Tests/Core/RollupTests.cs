using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Rollups;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// A small hand-counted consultation. Areas 1 and 2, principles 11, 12 and 13.
/// <code>
///            P11        P12      P13     none
///   A1    c1 c2 t1     c1       t1
///   A2    c2           n1                c3
///   none                        c4
/// </code>
/// </summary>
public sealed class RollupTests
{
    private static readonly DateTime Day = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private static readonly RollupItem C1 = new(RollupItemKind.Comment, 1, [1], [11, 12], Day.AddHours(9), StakeholderGroup.LocalAndRegionalGovernment, Region.Africa, "City of Lakeside", Type: CommentType.Technical, Decision: Decision.Accepted);
    private static readonly RollupItem C2 = new(RollupItemKind.Comment, 2, [1, 2], [11], Day.AddHours(10), StakeholderGroup.NationalGovernment, Region.Africa, "Ministry", Type: CommentType.General);
    private static readonly RollupItem C3 = new(RollupItemKind.Comment, 3, [2], [], Day.AddDays(1), StakeholderGroup.LocalAndRegionalGovernment, Region.EuropeAndCentralAsia, "Smart Region", Type: CommentType.Editorial, Decision: Decision.NotAccepted);
    private static readonly RollupItem C4 = new(RollupItemKind.Comment, 4, [], [13], Day.AddDays(2), StakeholderGroup.LocalAndRegionalGovernment, Region.Africa, "city of lakeside", Type: CommentType.General);
    private static readonly RollupItem T1 = new(RollupItemKind.Takeaway, 1, [1], [11, 13], Day.AddHours(11), RoomId: 5, MeetingId: 9);
    private static readonly RollupItem N1 = new(RollupItemKind.Notes, 5, [2], [12], Day.AddHours(12), RoomId: 5, MeetingId: 9);
    private static readonly RollupItem[] All = [C1, C2, C3, C4, T1, N1];

    [Fact]
    public void Each_item_counts_once_per_cell_it_falls_in()
    {
        var rollup = Rollup.Build(All, RollupFilter.None);

        Assert.Equal(3, rollup.Count(1, 11));
        Assert.Equal(1, rollup.Count(1, 12));
        Assert.Equal(1, rollup.Count(1, 13));
        Assert.Equal(1, rollup.Count(2, 11));
        Assert.Equal(1, rollup.Count(2, 12));
        Assert.Equal(1, rollup.Count(2, Rollup.None));
        Assert.Equal(1, rollup.Count(Rollup.None, 13));
        Assert.Equal(0, rollup.Count(2, 13));
        Assert.Equal([C1, C2, T1], rollup.ItemsIn(1, 11));
    }

    [Fact]
    public void Totals_count_each_item_once_however_many_cells_it_is_in()
    {
        var rollup = Rollup.Build(All, RollupFilter.None);

        Assert.Equal(6, rollup.Total);
        Assert.Equal(3, rollup.AreaTotal(1));
        Assert.Equal(3, rollup.AreaTotal(2));
        Assert.Equal(1, rollup.AreaTotal(Rollup.None));
        Assert.Equal(3, rollup.PrincipleTotal(11));
        Assert.Equal(2, rollup.PrincipleTotal(12));
        Assert.Equal(2, rollup.PrincipleTotal(13));
        Assert.Equal(1, rollup.PrincipleTotal(Rollup.None));
        Assert.Equal([C1, C2, T1], rollup.ItemsInArea(1));
        Assert.Equal([C4], rollup.ItemsInArea(Rollup.None));
    }

    [Fact]
    public void A_duplicated_tag_does_not_count_twice()
    {
        var twice = C1 with { Areas = [1, 1], Principles = [11, 11] };

        var rollup = Rollup.Build([twice], RollupFilter.None);

        Assert.Equal(1, rollup.Count(1, 11));
        Assert.Equal(1, rollup.AreaTotal(1));
        Assert.Equal(1, rollup.PrincipleTotal(11));
    }

    [Fact]
    public void Groups_regions_and_kinds_are_counted_for_the_charts()
    {
        var rollup = Rollup.Build(All, RollupFilter.None);

        Assert.Equal(3, rollup.ByGroup[StakeholderGroup.LocalAndRegionalGovernment]);
        Assert.Equal(1, rollup.ByGroup[StakeholderGroup.NationalGovernment]);
        Assert.Equal(3, rollup.ByRegion[Region.Africa]);
        Assert.Equal(1, rollup.ByRegion[Region.EuropeAndCentralAsia]);
        Assert.Equal(4, rollup.ByKind[RollupItemKind.Comment]);
        Assert.Equal(1, rollup.ByKind[RollupItemKind.Takeaway]);
        Assert.Equal(1, rollup.ByKind[RollupItemKind.Notes]);
    }

    [Fact]
    public void Disposition_progress_per_area_counts_decided_comments_only()
    {
        var rollup = Rollup.Build(All, RollupFilter.None);

        Assert.Equal((1, 2), rollup.Progress(1));
        Assert.Equal((1, 2), rollup.Progress(2));
        Assert.Equal((0, 1), rollup.Progress(Rollup.None));
    }

    [Fact]
    public void Heat_runs_from_0_for_an_empty_cell_to_4_for_the_fullest()
    {
        var rollup = Rollup.Build(All, RollupFilter.None);

        Assert.Equal(3, rollup.MaxCell);
        Assert.Equal(4, rollup.Heat(1, 11));
        Assert.Equal(2, rollup.Heat(1, 12));
        Assert.Equal(0, rollup.Heat(2, 13));
        Assert.Equal(0, Rollup.Build([], RollupFilter.None).Heat(1, 11));
    }

    [Fact]
    public void Local_governments_from_Africa_leave_only_their_comments()
    {
        var filter = new RollupFilter { Groups = new HashSet<StakeholderGroup> { StakeholderGroup.LocalAndRegionalGovernment }, Regions = new HashSet<Region> { Region.Africa } };

        var rollup = Rollup.Build(All, filter);

        Assert.Equal([C1, C4], rollup.Items);
        Assert.Equal(1, rollup.Count(1, 11));
        Assert.Equal(1, rollup.AreaTotal(1));
    }

    public static TheoryData<string, RollupFilter, int[]> Filters() => new()
    {
        { "organisation, any case", new RollupFilter { Organisation = " City of Lakeside " }, [1, 4] },
        { "type", new RollupFilter { Types = new HashSet<CommentType> { CommentType.General } }, [2, 4] },
        { "undecided", new RollupFilter { Undecided = true }, [2, 4] },
        { "accepted or undecided", new RollupFilter { Undecided = true, Decisions = new HashSet<Decision> { Decision.Accepted } }, [1, 2, 4] },
        { "not accepted", new RollupFilter { Decisions = new HashSet<Decision> { Decision.NotAccepted } }, [3] },
        { "date range, end exclusive", new RollupFilter { From = Day.AddHours(10), To = Day.AddDays(2) }, [2, 3, 101, 205] },
        { "kind", new RollupFilter { Kinds = new HashSet<RollupItemKind> { RollupItemKind.Takeaway, RollupItemKind.Notes } }, [101, 205] },
        { "meeting", new RollupFilter { MeetingId = 9 }, [101, 205] },
        { "room", new RollupFilter { RoomId = 6 }, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filters_keep_the_hand_picked_items(string name, RollupFilter filter, int[] expected)
    {
        // comments by id, takeaways as 100 + id, notes as 200 + room id
        var kept = Rollup.Build(All, filter).Items.Select(i => i.Kind switch { RollupItemKind.Comment => i.Id, RollupItemKind.Takeaway => 100 + i.Id, _ => 200 + i.Id });

        Assert.True(expected.SequenceEqual(kept), $"{name}: got {string.Join(", ", kept)}");
    }

    [Fact]
    public void A_consultation_window_keeps_online_comments_written_inside_it()
    {
        var inRoom = C2 with { Id = 7, FromRoom = true, RoomId = 5, MeetingId = 9 };
        var atOpening = C1 with { Id = 8, At = Day.AddHours(9) };
        var atClosing = C1 with { Id = 9, At = Day.AddDays(1) };
        var filter = new RollupFilter { Window = (Day.AddHours(9), Day.AddDays(1)) };

        var rollup = Rollup.Build([.. All, inRoom, atOpening, atClosing], filter);

        Assert.Equal([1, 2, 8], rollup.Items.Select(i => i.Id));
    }

    [Fact]
    public void Key_findings_cover_their_linked_items_and_the_rest_are_listed_as_uncovered()
    {
        FindingLinks[] findings =
        [
            new(1, 1, 11, new HashSet<int> { 1 }, new HashSet<int> { 1 }),
            new(2, 2, null, new HashSet<int> { 3 }, new HashSet<int>()),
        ];
        var rollup = Rollup.Build(All, RollupFilter.None);
        var localOnly = Rollup.Build(All, new RollupFilter { Groups = new HashSet<StakeholderGroup> { StakeholderGroup.LocalAndRegionalGovernment } });

        Assert.Equal(2, KeyFindingCoverage.Covered(rollup, findings)[1]);
        Assert.Equal(1, KeyFindingCoverage.Covered(rollup, findings)[2]);
        Assert.Equal(1, KeyFindingCoverage.Covered(localOnly, findings)[1]);
        Assert.Equal([C2], KeyFindingCoverage.Uncovered(rollup, findings, 1));
        Assert.Equal([C2], KeyFindingCoverage.Uncovered(rollup, findings, 2));
        Assert.Empty(KeyFindingCoverage.Uncovered(rollup, findings, 1, 12));
        Assert.Equal([C4], KeyFindingCoverage.Uncovered(rollup, findings, Rollup.None));
    }
}
