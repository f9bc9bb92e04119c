namespace GuidelinesReview.Core.Content;

public enum TaxonomyKind
{
    ThematicArea,
    Principle,
}

/// <summary>A thematic area or principle, referred to by its short key in headings and filters.</summary>
public sealed record TaxonomyTerm(TaxonomyKind Kind, string Key, string Name);

/// <summary>The thematic areas and principles of one guideline.</summary>
public sealed class Taxonomy
{
    public static readonly Taxonomy Empty = new([], []);

    public Taxonomy(IReadOnlyList<TaxonomyTerm> thematicAreas, IReadOnlyList<TaxonomyTerm> principles)
    {
        ThematicAreas = thematicAreas;
        Principles = principles;
        areaKeys = thematicAreas.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        principleKeys = principles.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> areaKeys;
    private readonly HashSet<string> principleKeys;

    public IReadOnlyList<TaxonomyTerm> ThematicAreas { get; }
    public IReadOnlyList<TaxonomyTerm> Principles { get; }

    public bool Contains(TaxonomyKind kind, string key) =>
        kind == TaxonomyKind.ThematicArea ? areaKeys.Contains(key) : principleKeys.Contains(key);
}
