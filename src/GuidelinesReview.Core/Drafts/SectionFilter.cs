namespace GuidelinesReview.Core.Drafts;

/// <summary>A section's place in the outline and its tags (own and inherited).</summary>
public sealed record SectionTags(string Anchor, string? ParentAnchor, IReadOnlySet<string> Areas, IReadOnlySet<string> Principles);

public sealed record SectionFilterResult(IReadOnlySet<string> Matching, IReadOnlySet<string> Context)
{
    public bool Shows(string sectionAnchor) => Matching.Contains(sectionAnchor) || Context.Contains(sectionAnchor);
}

/// <summary>
/// Which sections to show when a reader filters a draft by thematic area and/or principle:
/// the sections tagged with both (tags are inherited, so a tagged section's subsections match
/// too), and the headings of their enclosing sections as context.
/// </summary>
public static class SectionFilter
{
    public static SectionFilterResult Apply(IReadOnlyList<SectionTags> sections, string? area, string? principle)
    {
        var matching = sections
            .Where(s => (area is null || s.Areas.Contains(area)) && (principle is null || s.Principles.Contains(principle)))
            .Select(s => s.Anchor)
            .ToHashSet(StringComparer.Ordinal);
        var parents = sections.ToDictionary(s => s.Anchor, s => s.ParentAnchor, StringComparer.Ordinal);
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in matching)
        {
            for (var parent = parents[anchor]; parent is not null && !matching.Contains(parent) && context.Add(parent); parent = parents[parent])
            {
            }
        }

        return new SectionFilterResult(matching, context);
    }
}
