using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Tests.Core;

public sealed class SectionFilterTests
{
    // s1 (infrastructure)
    //   s1.1 (infrastructure + data)
    //     s1.1.1 (infrastructure + data, + community)
    //   s1.2 (infrastructure)
    // s2 (no tags)
    //   s2.1 (inclusion; community)
    //     s2.1.1 (inclusion; community)
    // s3 (engagement; data)
    private static readonly IReadOnlyList<SectionTags> Outline =
    [
        Section("s1", null, ["infrastructure"], []),
        Section("s1.1", "s1", ["infrastructure"], ["data"]),
        Section("s1.1.1", "s1.1", ["infrastructure"], ["data", "community"]),
        Section("s1.2", "s1", ["infrastructure"], []),
        Section("s2", null, [], []),
        Section("s2.1", "s2", ["inclusion"], ["community"]),
        Section("s2.1.1", "s2.1", ["inclusion"], ["community"]),
        Section("s3", null, ["engagement"], ["data"]),
    ];

    [Fact]
    public void An_area_matches_its_sections_and_their_subsections()
    {
        var result = SectionFilter.Apply(Outline, "infrastructure", null);

        Assert.Equal(["s1", "s1.1", "s1.1.1", "s1.2"], result.Matching.Order(StringComparer.Ordinal));
        Assert.Empty(result.Context);
        Assert.False(result.Shows("s2"));
    }

    [Fact]
    public void Enclosing_sections_of_a_match_are_shown_as_context()
    {
        var result = SectionFilter.Apply(Outline, "inclusion", null);

        Assert.Equal(["s2.1", "s2.1.1"], result.Matching.Order(StringComparer.Ordinal));
        Assert.Equal(["s2"], result.Context.Order(StringComparer.Ordinal));
        Assert.True(result.Shows("s2"));
        Assert.False(result.Shows("s1"));
    }

    [Fact]
    public void A_deep_match_brings_every_ancestor_as_context()
    {
        var result = SectionFilter.Apply(Outline, null, "community");

        Assert.Equal(["s1.1.1", "s2.1", "s2.1.1"], result.Matching.Order(StringComparer.Ordinal));
        Assert.Equal(["s1", "s1.1", "s2"], result.Context.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Area_and_principle_together_need_both()
    {
        var result = SectionFilter.Apply(Outline, "infrastructure", "data");

        Assert.Equal(["s1.1", "s1.1.1"], result.Matching.Order(StringComparer.Ordinal));
        Assert.Equal(["s1"], result.Context.Order(StringComparer.Ordinal));
        Assert.False(result.Shows("s3")); // has "data" but not "infrastructure"
        Assert.False(result.Shows("s1.2")); // has "infrastructure" but not "data"
    }

    [Fact]
    public void A_combination_no_section_has_shows_nothing()
    {
        var result = SectionFilter.Apply(Outline, "engagement", "community");

        Assert.Empty(result.Matching);
        Assert.Empty(result.Context);
        Assert.All(Outline, s => Assert.False(result.Shows(s.Anchor)));
    }

    [Fact]
    public void An_unknown_key_shows_nothing()
    {
        var result = SectionFilter.Apply(Outline, "no-such-area", null);

        Assert.Empty(result.Matching);
        Assert.Empty(result.Context);
    }

    [Fact]
    public void No_filter_shows_every_section_as_matching()
    {
        var result = SectionFilter.Apply(Outline, null, null);

        Assert.Equal(Outline.Select(s => s.Anchor).Order(StringComparer.Ordinal), result.Matching.Order(StringComparer.Ordinal));
        Assert.Empty(result.Context);
    }

    [Fact]
    public void An_empty_outline_gives_an_empty_result()
    {
        var result = SectionFilter.Apply([], "infrastructure", "data");

        Assert.Empty(result.Matching);
        Assert.Empty(result.Context);
    }

    private static SectionTags Section(string anchor, string? parent, string[] areas, string[] principles) =>
        new(anchor, parent, areas.ToHashSet(StringComparer.Ordinal), principles.ToHashSet(StringComparer.Ordinal));
}
