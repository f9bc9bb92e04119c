using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// A hand-counted version:
/// <code>
///   s1            s1-h1 s1-p1        fr: approved, draft       es: -, -
///     s1.1        s1.1-h1 s1.1-p1    fr: translated, -         es: rejected, -
///       s1.1.1    s1.1.1-p1          fr: outdated              es: approved
///   s2            s2-h1 s2-t1-r0c0   fr: -, approved           es: -, -
/// </code>
/// </summary>
public sealed class ProgressMatrixTests
{
    private static readonly ProgressSection[] Sections =
    [
        new("s1", null, "1. One"),
        new("s1.1", "s1", "1.1 One one"),
        new("s1.1.1", "s1.1", "1.1.1 Deep"),
        new("s2", null, "2. Two"),
    ];

    private static readonly ProgressSegment[] Segments =
    [
        new("s1-h1", "s1"), new("s1-p1", "s1"),
        new("s1.1-h1", "s1.1"), new("s1.1-p1", "s1.1"),
        new("s1.1.1-p1", "s1.1.1"),
        new("s2-h1", "s2"), new("s2-t1-r0c0", "s2"),
    ];

    private static readonly Dictionary<(string, string), TranslationState> States = new()
    {
        [("fr", "s1-h1")] = TranslationState.Approved,
        [("fr", "s1-p1")] = TranslationState.Draft,
        [("fr", "s1.1-h1")] = TranslationState.Translated,
        [("fr", "s1.1.1-p1")] = TranslationState.Outdated,
        [("fr", "s2-t1-r0c0")] = TranslationState.Approved,
        [("es", "s1.1-h1")] = TranslationState.Rejected,
        [("es", "s1.1.1-p1")] = TranslationState.Approved,
    };

    private static ProgressMatrix Build(IReadOnlyDictionary<(string, string), TranslationState>? states = null, IReadOnlyList<ProgressSegment>? segments = null, IReadOnlyList<ProgressSection>? sections = null) =>
        ProgressMatrix.Build(sections ?? Sections, segments ?? Segments, ["fr", "es"], states ?? States);

    private static int[] Counts(StateCounts c) => StateCounts.Order.Select(s => c[s]).ToArray();

    [Fact]
    public void Top_level_sections_are_the_rows_with_their_sub_sections_nested_in_reading_order()
    {
        var m = Build();

        Assert.Equal(["s1", "s2"], m.Rows.Select(r => r.Anchor));
        var s11 = Assert.Single(m.Rows[0].Children);
        Assert.Equal(("s1.1", 1), (s11.Anchor, s11.Depth));
        Assert.Equal(("s1.1.1", 2, "1.1.1 Deep"), (s11.Children[0].Anchor, s11.Children[0].Depth, s11.Children[0].Title));
        Assert.Empty(m.Rows[1].Children);
        Assert.Equal(7, m.SegmentCount);
    }

    [Fact]
    public void A_section_counts_its_own_segments_and_every_sub_section_below_it()
    {
        var m = Build();

        // order: approved, waiting for review, draft, rejected, outdated, untranslated
        Assert.Equal([1, 1, 1, 0, 1, 1], Counts(m.Rows[0].ByLanguage["fr"]));
        Assert.Equal([0, 1, 0, 0, 1, 1], Counts(m.Rows[0].Children[0].ByLanguage["fr"]));
        Assert.Equal([0, 0, 0, 0, 1, 0], Counts(m.Rows[0].Children[0].Children[0].ByLanguage["fr"]));
        Assert.Equal([1, 0, 0, 1, 0, 3], Counts(m.Rows[0].ByLanguage["es"]));
        Assert.Equal([1, 0, 0, 0, 0, 1], Counts(m.Rows[1].ByLanguage["fr"]));
        Assert.Equal([0, 0, 0, 0, 0, 2], Counts(m.Rows[1].ByLanguage["es"]));
    }

    [Fact]
    public void The_totals_count_every_segment_once_per_language_and_what_is_left_is_all_but_approved()
    {
        var m = Build();

        Assert.Equal([2, 1, 1, 0, 1, 2], Counts(m.Totals["fr"]));
        Assert.Equal((7, 2, 5), (m.Totals["fr"].Total, m.Totals["fr"].Approved, m.Totals["fr"].Left));
        Assert.Equal((7, 1, 6), (m.Totals["es"].Total, m.Totals["es"].Approved, m.Totals["es"].Left));
        Assert.All(m.Rows.SelectMany(Flatten), r => Assert.Equal(r.ByLanguage["fr"].Total, r.ByLanguage["es"].Total));
    }

    [Fact]
    public void A_segment_without_a_translation_is_untranslated_and_a_translation_without_a_segment_is_not_counted()
    {
        var states = new Dictionary<(string, string), TranslationState>
        {
            [("fr", "s9-p1")] = TranslationState.Approved, // its block is gone from this version
            [("de", "s1-h1")] = TranslationState.Approved, // not a target language
            [("fr", "s1-p1")] = TranslationState.Untranslated,
        };

        var m = Build(states);

        Assert.Equal([0, 0, 0, 0, 0, 7], Counts(m.Totals["fr"]));
        Assert.False(m.Totals.ContainsKey("de"));
    }

    [Fact]
    public void A_segment_in_an_unlisted_section_gets_a_row_of_its_own_and_an_orphan_section_is_top_level()
    {
        var sections = Sections.Append(new ProgressSection("sX.1", "sX", "X.1 Orphan")).ToList();
        var segments = Segments.Append(new ProgressSegment("s0-p1", "s0")).Append(new ProgressSegment("sX.1-p1", "sX.1")).ToList();

        var m = Build(segments: segments, sections: sections);

        Assert.Equal(["s1", "s2", "sX.1", "s0"], m.Rows.Select(r => r.Anchor));
        Assert.Equal("s0", m.Rows[3].Title);
        Assert.Equal(1, m.Rows[3].ByLanguage["fr"][TranslationState.Untranslated]);
        Assert.Equal(9, m.Totals["fr"].Total);
        Assert.Equal(m.Totals["fr"].Total, m.Rows.Sum(r => r.ByLanguage["fr"].Total));
    }

    [Fact]
    public void A_section_listed_as_its_own_parent_is_top_level_rather_than_lost()
    {
        var m = Build(sections: [.. Sections, new ProgressSection("s3", "s3", "3. Self")], segments: [.. Segments, new ProgressSegment("s3-p1", "s3")]);

        Assert.Equal(["s1", "s2", "s3"], m.Rows.Select(r => r.Anchor));
        Assert.Equal(m.Totals["es"].Total, m.Rows.Sum(r => r.ByLanguage["es"].Total));
    }

    [Fact]
    public void No_languages_or_no_segments_give_an_empty_but_whole_matrix()
    {
        var none = ProgressMatrix.Build(Sections, Segments, [], States);
        Assert.Equal(2, none.Rows.Count);
        Assert.Empty(none.Totals);

        var empty = ProgressMatrix.Build(Sections, [], ["fr"], States);
        Assert.Equal((0, 0), (empty.Totals["fr"].Total, empty.Totals["fr"].Left));
    }

    private static IEnumerable<ProgressRow> Flatten(ProgressRow row) => row.Children.SelectMany(Flatten).Prepend(row);
}
