namespace GuidelinesReview.Core.Translations;

/// <summary>A section of a version as the progress matrix lists it (in reading order).</summary>
public sealed record ProgressSection(string Anchor, string? ParentAnchor, string Title);

/// <summary>One translation segment of a version and the section its block is in.</summary>
public sealed record ProgressSegment(string Id, string SectionAnchor);

/// <summary>How many segments stand in each state, in one language, for one section (or the whole version).</summary>
public sealed class StateCounts
{
    private readonly int[] counts = new int[Enum.GetValues<TranslationState>().Length];

    /// <summary>The order the matrix shows the states in: what is done first, what is left last.</summary>
    public static IReadOnlyList<TranslationState> Order { get; } =
    [
        TranslationState.Approved, TranslationState.Translated, TranslationState.Draft,
        TranslationState.Rejected, TranslationState.Outdated, TranslationState.Untranslated,
    ];

    public int this[TranslationState state] => counts[(int)state];

    public int Total => counts.Sum();
    public int Approved => this[TranslationState.Approved];

    /// <summary>Segments not approved yet: what is left before the version can go out in the language.</summary>
    public int Left => Total - Approved;

    internal void Add(TranslationState state) => counts[(int)state]++;

    internal void Add(StateCounts other)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }
    }
}

/// <summary>A section's row: its segments and its sub-sections' together, per language.</summary>
public sealed record ProgressRow(string Anchor, string Title, int Depth, IReadOnlyDictionary<string, StateCounts> ByLanguage, IReadOnlyList<ProgressRow> Children);

/// <summary>
/// Where the translation of a version stands: for each top-level section (with its sub-sections
/// below it) and each target language, how many segments are approved, waiting for review, in
/// draft, rejected, outdated or not translated at all.
/// </summary>
public sealed record ProgressMatrix(IReadOnlyList<string> Languages, IReadOnlyList<ProgressRow> Rows, IReadOnlyDictionary<string, StateCounts> Totals, int SegmentCount)
{
    /// <summary>
    /// Counts every segment once per language, in exactly one state: the state of its translation,
    /// or <see cref="TranslationState.Untranslated"/> when it has none. A section's row counts its
    /// own segments and those of every section under it; a translation whose segment is not in
    /// <paramref name="segments"/> (left from another text) is not counted. A segment whose section
    /// is not listed gets a top-level row of its own (titled by its anchor), and a section whose
    /// parent is not listed is top-level.
    /// </summary>
    /// <param name="sections">The version's sections in reading order.</param>
    /// <param name="segments">Every segment of the version.</param>
    /// <param name="languages">The target languages, in the order the columns go.</param>
    /// <param name="states">(language, segment id) → the state of its translation.</param>
    public static ProgressMatrix Build(
        IReadOnlyList<ProgressSection> sections,
        IReadOnlyList<ProgressSegment> segments,
        IReadOnlyList<string> languages,
        IReadOnlyDictionary<(string Language, string SegmentId), TranslationState> states)
    {
        var listed = sections.ToList();
        var known = listed.Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal);
        foreach (var anchor in segments.Select(s => s.SectionAnchor).Distinct(StringComparer.Ordinal).Where(a => !known.Contains(a)).ToList())
        {
            listed.Add(new ProgressSection(anchor, null, anchor));
            known.Add(anchor);
        }

        // Each section's own counts first; then each adds its children's, deepest first.
        var own = listed.ToDictionary(s => s.Anchor, _ => languages.ToDictionary(l => l, _ => new StateCounts(), StringComparer.Ordinal), StringComparer.Ordinal);
        var totals = languages.ToDictionary(l => l, _ => new StateCounts(), StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            foreach (var language in languages)
            {
                var state = states.GetValueOrDefault((language, segment.Id), TranslationState.Untranslated);
                own[segment.SectionAnchor][language].Add(state);
                totals[language].Add(state);
            }
        }

        bool Nested(ProgressSection s) => s.ParentAnchor is { } p && p != s.Anchor && known.Contains(p);
        var children = listed.Where(Nested).ToLookup(s => s.ParentAnchor!, StringComparer.Ordinal);
        var rows = listed.Where(s => !Nested(s))
            .Select(s => RowOf(s, 0, children, own))
            .ToList();
        return new ProgressMatrix(languages, rows, totals, segments.Count);
    }

    private static ProgressRow RowOf(ProgressSection section, int depth, ILookup<string, ProgressSection> children, Dictionary<string, Dictionary<string, StateCounts>> own)
    {
        var below = children[section.Anchor].Select(c => RowOf(c, depth + 1, children, own)).ToList();
        var counts = own[section.Anchor];
        foreach (var child in below)
        {
            foreach (var (language, c) in child.ByLanguage)
            {
                counts[language].Add(c);
            }
        }

        return new ProgressRow(section.Anchor, section.Title, depth, counts, below);
    }
}
