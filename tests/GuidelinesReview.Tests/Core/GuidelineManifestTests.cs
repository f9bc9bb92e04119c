using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Tests.Core;

public sealed class GuidelineManifestTests
{
    private const string Valid = """
        slug: people-centred-smart-cities
        title: Guidelines on People-Centred Smart Cities
        summary: >-
          Sample guidance.
        languages: [en, fr]
        thematicAreas:
          - key: infrastructure
            name: Digital infrastructure, city services and governance
          - key: inclusion
            name: Digital inclusion, equity and digital human rights
        principles:
          - key: inclusion
            name: Digital inclusion and equity
          - key: data
            name: Data infrastructure and data platforms
        """;

    [Fact]
    public void Reads_a_valid_manifest()
    {
        var manifest = GuidelineManifest.Parse(Valid);

        Assert.Equal("people-centred-smart-cities", manifest.Slug);
        Assert.Equal("Guidelines on People-Centred Smart Cities", manifest.Title);
        Assert.Equal("Sample guidance.", manifest.Summary);
        Assert.Equal(["en", "fr"], manifest.Languages);
        Assert.Equal(["infrastructure", "inclusion"], manifest.Taxonomy.ThematicAreas.Select(t => t.Key));
        Assert.Equal(["inclusion", "data"], manifest.Taxonomy.Principles.Select(t => t.Key));
        Assert.Equal("Data infrastructure and data platforms", manifest.Taxonomy.Principles[1].Name);
    }

    [Fact]
    public void The_same_key_may_be_an_area_and_a_principle()
    {
        var taxonomy = GuidelineManifest.Parse(Valid).Taxonomy;

        Assert.True(taxonomy.Contains(TaxonomyKind.ThematicArea, "inclusion"));
        Assert.True(taxonomy.Contains(TaxonomyKind.Principle, "inclusion"));
        Assert.False(taxonomy.Contains(TaxonomyKind.ThematicArea, "data"));
        Assert.True(taxonomy.Contains(TaxonomyKind.Principle, "data"));
    }

    [Fact]
    public void Languages_default_to_english()
    {
        var manifest = GuidelineManifest.Parse("slug: g\ntitle: G\n");

        Assert.Equal(["en"], manifest.Languages);
        Assert.Empty(manifest.Taxonomy.ThematicAreas);
    }

    [Theory]
    [InlineData("Smart Cities")]
    [InlineData("smart_cities")]
    [InlineData("smart--cities")]
    [InlineData("-smart")]
    [InlineData("smart-")]
    [InlineData("Smart")]
    public void A_bad_slug_is_refused(string slug)
    {
        var error = Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse(Valid.Replace("people-centred-smart-cities", slug, StringComparison.Ordinal)));

        Assert.Contains("slug", error.Message, StringComparison.Ordinal);
        Assert.Contains(slug, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_longer_than_80_characters_is_refused()
    {
        var slug = string.Join("-", Enumerable.Repeat("abcdefghi", 9));

        Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse($"slug: {slug}\ntitle: T\n"));
    }

    [Fact]
    public void A_duplicate_key_is_refused_naming_it()
    {
        var yaml = Valid + "\n  - key: data\n    name: Again\n";

        var error = Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse(yaml));

        Assert.Contains("principles key 'data' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: Guidelines on People-Centred Smart Cities\n", "", "'title' is required")]
    [InlineData("title: Guidelines on People-Centred Smart Cities\n", "title: \"  \"\n", "'title' is required")]
    [InlineData("slug: people-centred-smart-cities\n", "", "'slug' is required")]
    [InlineData("    name: Data infrastructure and data platforms", "", "'principles.data.name' is required")]
    [InlineData("key: infrastructure", "key: Infra_Structure", "thematicAreas key 'Infra_Structure'")]
    [InlineData("languages: [en, fr]", "languages: [english]", "language 'english'")]
    public void A_missing_or_bad_field_is_refused_naming_it(string field, string replacement, string expected)
    {
        var yaml = Valid.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var error = Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it()
    {
        var error = Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse(Valid + "\ncolour: green\n"));

        Assert.Contains("'colour'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("slug: [unclosed")]
    public void An_empty_or_broken_file_is_refused(string yaml)
    {
        var error = Assert.Throws<ContentFormatException>(() => GuidelineManifest.Parse(yaml));

        Assert.StartsWith("guideline.yml", error.Message, StringComparison.Ordinal);
    }
}
