using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Core.Rollups;

public enum RollupItemKind
{
    Comment,
    Takeaway,
    Notes,
}

/// <summary>
/// One piece of feedback the rollup counts: a top-level comment, a room takeaway, or a room's
/// notes. Areas and principles are term ids. Comments carry their author's profile, type,
/// decision and the language of the reading view they were written on (the version's own
/// language when written on it); takeaways and notes have none of these (null).
/// </summary>
public sealed record RollupItem(
    RollupItemKind Kind,
    int Id,
    IReadOnlyList<int> Areas,
    IReadOnlyList<int> Principles,
    DateTime At,
    StakeholderGroup? Group = null,
    Region? Region = null,
    string? Organisation = null,
    int? RoomId = null,
    int? MeetingId = null,
    CommentType? Type = null,
    Decision? Decision = null,
    bool FromRoom = false,
    string? Language = null);

/// <summary>
/// Which items a rollup counts. Empty sets mean "any". Filtering on a comment-only attribute
/// (group, region, organisation, type, decision, language, window) leaves only comments, since
/// takeaways and notes have none of these.
/// </summary>
public sealed record RollupFilter
{
    public IReadOnlySet<StakeholderGroup> Groups { get; init; } = new HashSet<StakeholderGroup>();
    public IReadOnlySet<Region> Regions { get; init; } = new HashSet<Region>();
    public string? Organisation { get; init; }
    public IReadOnlySet<CommentType> Types { get; init; } = new HashSet<CommentType>();

    /// <summary>Language codes of the reading view comments were written on (compared ignoring case).</summary>
    public IReadOnlySet<string> Languages { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Decisions to keep; <see cref="Undecided"/> keeps comments without one.</summary>
    public IReadOnlySet<Decision> Decisions { get; init; } = new HashSet<Decision>();
    public bool Undecided { get; init; }
    public IReadOnlySet<RollupItemKind> Kinds { get; init; } = new HashSet<RollupItemKind>();
    public int? MeetingId { get; init; }
    public int? RoomId { get; init; }

    /// <summary>A consultation window: comments written online (not from a room) between these UTC instants.</summary>
    public (DateTime Opens, DateTime Closes)? Window { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }

    public static RollupFilter None { get; } = new();

    private bool CommentOnly => Groups.Count > 0 || Regions.Count > 0 || !string.IsNullOrWhiteSpace(Organisation) || Types.Count > 0
        || Languages.Count > 0 || Decisions.Count > 0 || Undecided || Window is not null;

    public bool Keeps(RollupItem item)
    {
        if (Kinds.Count > 0 && !Kinds.Contains(item.Kind))
        {
            return false;
        }

        if (item.Kind != RollupItemKind.Comment && CommentOnly)
        {
            return false;
        }

        return (Groups.Count == 0 || item.Group is { } g && Groups.Contains(g))
            && (Regions.Count == 0 || item.Region is { } r && Regions.Contains(r))
            && (string.IsNullOrWhiteSpace(Organisation) || string.Equals(item.Organisation, Organisation.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Types.Count == 0 || item.Type is { } t && Types.Contains(t))
            && (Languages.Count == 0 || item.Language is { } l && Languages.Contains(l))
            && (Decisions.Count == 0 && !Undecided || (item.Decision is { } d ? Decisions.Contains(d) : Undecided))
            && (MeetingId is null || item.MeetingId == MeetingId)
            && (RoomId is null || item.RoomId == RoomId)
            && (Window is not { } w || !item.FromRoom && item.At >= w.Opens && item.At < w.Closes)
            && (From is null || item.At >= From)
            && (To is null || item.At < To);
    }
}

/// <summary>
/// Feedback counted per thematic area × principle in one pass. An item tagged with several
/// areas or principles counts once in each cell it falls in, and once in every total (row,
/// column, grand). Items without an area fall in row <see cref="None"/>, without a principle in
/// column <see cref="None"/>.
/// </summary>
public sealed class Rollup
{
    /// <summary>The row or column for items with no thematic area or no principle.</summary>
    public const int None = 0;

    private readonly Dictionary<(int Area, int Principle), List<RollupItem>> cells = [];
    private readonly Dictionary<int, int> areaTotals = [];
    private readonly Dictionary<int, int> principleTotals = [];
    private readonly Dictionary<int, (int Decided, int Comments)> progress = [];

    private Rollup(IReadOnlyList<RollupItem> items) => Items = items;

    /// <summary>The items the filter kept, in input order.</summary>
    public IReadOnlyList<RollupItem> Items { get; }

    public int Total => Items.Count;

    public int MaxCell => cells.Count == 0 ? 0 : cells.Values.Max(c => c.Count);

    public IReadOnlyDictionary<StakeholderGroup, int> ByGroup { get; private set; } = new Dictionary<StakeholderGroup, int>();

    public IReadOnlyDictionary<Region, int> ByRegion { get; private set; } = new Dictionary<Region, int>();

    public IReadOnlyDictionary<RollupItemKind, int> ByKind { get; private set; } = new Dictionary<RollupItemKind, int>();

    /// <summary>Comments per language of the reading view they were written on (lower-case codes).</summary>
    public IReadOnlyDictionary<string, int> ByLanguage { get; private set; } = new Dictionary<string, int>();

    public static Rollup Build(IEnumerable<RollupItem> items, RollupFilter filter)
    {
        var rollup = new Rollup(items.Where(filter.Keeps).ToList());
        var byGroup = new Dictionary<StakeholderGroup, int>();
        var byRegion = new Dictionary<Region, int>();
        var byKind = new Dictionary<RollupItemKind, int>();
        var byLanguage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in rollup.Items)
        {
            var areas = item.Areas.Count == 0 ? [None] : item.Areas.Distinct().ToList();
            var principles = item.Principles.Count == 0 ? [None] : item.Principles.Distinct().ToList();
            foreach (var area in areas)
            {
                Increment(rollup.areaTotals, area);
                foreach (var principle in principles)
                {
                    if (!rollup.cells.TryGetValue((area, principle), out var list))
                    {
                        rollup.cells[(area, principle)] = list = [];
                    }

                    list.Add(item);
                }

                if (item.Kind == RollupItemKind.Comment)
                {
                    var (decided, comments) = rollup.progress.GetValueOrDefault(area);
                    rollup.progress[area] = (decided + (item.Decision is null ? 0 : 1), comments + 1);
                }
            }

            foreach (var principle in principles)
            {
                Increment(rollup.principleTotals, principle);
            }

            Increment(byKind, item.Kind);
            if (item.Group is { } g)
            {
                Increment(byGroup, g);
            }

            if (item.Region is { } r)
            {
                Increment(byRegion, r);
            }

            if (item.Language is { } language)
            {
                Increment(byLanguage, language.ToLowerInvariant());
            }
        }

        (rollup.ByGroup, rollup.ByRegion, rollup.ByKind, rollup.ByLanguage) = (byGroup, byRegion, byKind, byLanguage);
        return rollup;
    }

    public int Count(int area, int principle) => cells.TryGetValue((area, principle), out var list) ? list.Count : 0;

    public IReadOnlyList<RollupItem> ItemsIn(int area, int principle) => cells.TryGetValue((area, principle), out var list) ? list : [];

    /// <summary>Items in an area, each once, whatever its principles.</summary>
    public IReadOnlyList<RollupItem> ItemsInArea(int area) =>
        Items.Where(i => area == None ? i.Areas.Count == 0 : i.Areas.Contains(area)).ToList();

    public int AreaTotal(int area) => areaTotals.GetValueOrDefault(area);

    public int PrincipleTotal(int principle) => principleTotals.GetValueOrDefault(principle);

    /// <summary>Comments in the area with a decision recorded, out of all its comments.</summary>
    public (int Decided, int Comments) Progress(int area) => progress.GetValueOrDefault(area);

    /// <summary>0 for an empty cell up to 4 for the fullest; the page shades by it and always prints the number.</summary>
    public int Heat(int area, int principle)
    {
        var count = Count(area, principle);
        return count == 0 || MaxCell == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(4.0 * count / MaxCell));
    }

    private static void Increment<T>(Dictionary<T, int> counts, T key)
        where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}
