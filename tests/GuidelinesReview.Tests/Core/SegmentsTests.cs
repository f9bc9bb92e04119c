using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

public sealed class SegmentsTests
{
    private static readonly Taxonomy Tags = new([new TaxonomyTerm(TaxonomyKind.ThematicArea, "data", "Data")], []);

    private const string Draft = """
        # 2.3 Open *data* {areas: data}

        Cities should publish [their data](https://example.org/a?b=1&c=2) with `csv` files.

        3. Map the systems
           that exist.
        4. Consult residents.

        > Quoted advice
        > on two lines.

        | Level | Role |
        |---|---|
        | National | Sets `law` \| rules |

        ```
        code stays
        ```
        """;

    private static DraftDocument Parse() => DraftParser.Parse(Draft, Tags);

    private static IReadOnlyList<SourceSegment> SegmentsOf(DraftBlock b) => Segments.Of(b.Kind, b.Anchor, b.Source);

    [Fact]
    public void Each_block_is_cut_into_its_translatable_text_without_markers_tags_or_code()
    {
        var segments = Parse().Blocks.SelectMany(SegmentsOf).ToDictionary(s => s.Id, s => s.Source);

        Assert.Equal("2.3 Open *data*", segments["s2.3"]);
        Assert.Equal("Cities should publish [their data](https://example.org/a?b=1&c=2) with `csv` files.", segments["s2.3-p1"]);
        Assert.Equal("Map the systems\nthat exist.", segments["s2.3-li1"]);
        Assert.Equal("Consult residents.", segments["s2.3-li2"]);
        Assert.Equal("Quoted advice\non two lines.", segments["s2.3-q1"]);
        Assert.Equal("Level", segments["s2.3-t1-r0c0"]);
        Assert.Equal(@"Sets `law` \| rules", segments["s2.3-t1-r1c1"]);
        Assert.DoesNotContain(segments.Keys, k => k.StartsWith("s2.3-c", StringComparison.Ordinal));
    }

    [Fact]
    public void A_localized_block_renders_with_the_same_anchor_number_and_level_and_keeps_untranslated_parts()
    {
        var blocks = Parse().Blocks.ToDictionary(b => b.Anchor);
        var fr = new Dictionary<string, string>
        {
            ["s2.3"] = "2.3 Données *ouvertes*",
            ["s2.3-li1"] = "Cartographier les systèmes\nexistants.",
            ["s2.3-q1"] = "Conseil cité\nsur deux lignes.",
            ["s2.3-t1-r1c1"] = "Fixe la | loi",
        };
        string Render(string anchor, int level = 2) =>
            DraftParser.RenderBlock(Segments.Localize(blocks[anchor].Kind, anchor, blocks[anchor].Source, fr), anchor, level);

        Assert.Equal("<h2 id=\"s2.3\" data-anchor=\"s2.3\">2.3 Données <em>ouvertes</em></h2>\n", Render("s2.3"));
        var item = Render("s2.3-li1");
        Assert.Contains("<ol class=\"blk-list\" start=\"3\">", item, StringComparison.Ordinal);
        Assert.Contains("id=\"s2.3-li1\"", item, StringComparison.Ordinal);
        Assert.Contains("Cartographier les systèmes\nexistants.", item, StringComparison.Ordinal);
        Assert.Contains("<blockquote id=\"s2.3-q1\"", Render("s2.3-q1"), StringComparison.Ordinal);
        var table = Render("s2.3-t1");
        Assert.Contains("<td>Fixe la | loi</td>", table, StringComparison.Ordinal);
        Assert.Contains("<th>Level</th>", table, StringComparison.Ordinal);
        Assert.Equal(blocks["s2.3-p1"].Html, Render("s2.3-p1"));
    }

    [Fact]
    public void A_segment_hash_changes_with_its_source_only()
    {
        var a = Segments.Of(BlockKind.Paragraph, "s1-p1", "Same text.").Single();
        var b = Segments.Of(BlockKind.Paragraph, "s9-p4", "Same text.").Single();
        var c = Segments.Of(BlockKind.Paragraph, "s1-p1", "Other text.").Single();
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }
}
