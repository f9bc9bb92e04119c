using System.Globalization;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Core.Translations;
using Microsoft.Extensions.Primitives;

namespace GuidelinesReview.Web.Rollups;

/// <summary>
/// The rollup's filters as they travel in the address (so a filtered view can be bookmarked and
/// shared): group, region, org, type, decision (a decision or "none"), lang (the language of the
/// reading view a comment was written on), kind, meeting, room, window, from, to. Values that are not understood are reported, never silently dropped.
/// </summary>
public sealed class RollupQueryString
{
    public static readonly string[] Keys = ["group", "region", "org", "type", "decision", "lang", "kind", "meeting", "room", "window", "from", "to"];

    private RollupQueryString(IQueryCollection query) => Query = query;

    public IQueryCollection Query { get; }

    public RollupFilter Filter { get; private set; } = RollupFilter.None;

    public int? WindowId { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool IsEmpty => Keys.All(k => StringValues.IsNullOrEmpty(Query[k]));

    /// <param name="languages">The guideline's languages: another code in <c>lang</c> is reported (null: not checked).</param>
    public static RollupQueryString Parse(IQueryCollection query, IReadOnlyList<WindowLabel> windows, IReadOnlyList<string>? languages = null)
    {
        var problems = new List<string>();
        var parsed = new RollupQueryString(query);

        HashSet<T> Enums<T>(string key, string what)
            where T : struct, Enum
        {
            var set = new HashSet<T>();
            foreach (var value in query[key].Where(v => !string.IsNullOrWhiteSpace(v) && !(key == "decision" && v == "none")))
            {
                if (Enum.TryParse<T>(value, ignoreCase: false, out var e) && Enum.IsDefined(e) && !int.TryParse(value, out _))
                {
                    set.Add(e);
                }
                else
                {
                    problems.Add($"'{value}' is not a {what}; that filter was left out.");
                }
            }

            return set;
        }

        int? Number(string key, string what)
        {
            var value = query[key].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            problems.Add($"'{value}' is not a {what}; that filter was left out.");
            return null;
        }

        DateTime? Date(string key)
        {
            var value = query[key].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }

            problems.Add($"'{value}' is not a date (YYYY-MM-DD); that filter was left out.");
            return null;
        }

        var wantedLanguages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in query["lang"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()))
        {
            var known = languages is null ? value : languages.FirstOrDefault(l => string.Equals(l, value, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add($"'{(value.Length > 20 ? value[..20] + "…" : value)}' is not one of this guideline's languages; that filter was left out.");
            }
            else
            {
                wantedLanguages.Add(known);
            }
        }

        var to = Date("to");
        var windowId = Number("window", "consultation window");
        (DateTime, DateTime)? window = null;
        if (windowId is { } w)
        {
            var found = windows.FirstOrDefault(x => x.Id == w);
            if (found is null)
            {
                problems.Add("That consultation window is not one of this version's; that filter was left out.");
                windowId = null;
            }
            else
            {
                window = (found.OpensAt, found.ClosesAt);
            }
        }

        parsed.Filter = new RollupFilter
        {
            Groups = Enums<StakeholderGroup>("group", "stakeholder group"),
            Regions = Enums<Region>("region", "region"),
            Organisation = query["org"].FirstOrDefault()?.Trim() is { Length: > 0 } org ? org : null,
            Types = Enums<CommentType>("type", "comment type"),
            Languages = wantedLanguages,
            Decisions = Enums<Decision>("decision", "decision"),
            Undecided = query["decision"].Contains("none"),
            Kinds = Enums<RollupItemKind>("kind", "kind of feedback"),
            MeetingId = Number("meeting", "meeting"),
            RoomId = Number("room", "room"),
            Window = window,
            From = Date("from"),
            To = to?.AddDays(1), // "to" is the last day included
        };
        parsed.WindowId = windowId;
        parsed.Problems = problems;
        return parsed;
    }

    /// <summary>This address's filters, plus or minus the given extra parameters (null removes one).</summary>
    public string With(params (string Key, string? Value)[] extra)
    {
        var pairs = Keys.SelectMany(k => Query[k].Where(v => !string.IsNullOrEmpty(v)).Select(v => (k, v!)))
            .Where(p => extra.All(e => e.Key != p.k)).ToList();
        pairs.AddRange(extra.Where(e => e.Value is not null).Select(e => (e.Key, e.Value!)));
        return pairs.Count == 0 ? "?" : "?" + string.Join("&", pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    public bool Has(string key, string value) => Query[key].Contains(value);

    /// <summary>The filters in words, for the report's scope line.</summary>
    public string Describe(RollupSource source)
    {
        var parts = new List<string>();
        void Add(string label, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add($"{label}: {string.Join(" or ", list)}");
            }
        }

        Add("stakeholder group", Filter.Groups.Order().Select(ProfileNames.Of));
        Add("region", Filter.Regions.Order().Select(ProfileNames.Of));
        Add("organisation", Filter.Organisation is { } o ? [o] : []);
        Add("type", Filter.Types.Order().Select(CommentNames.Of));
        Add("language", Filter.Languages.Order(StringComparer.Ordinal).Select(l => Languages.Of(l).EnglishName));
        Add("decision", Filter.Decisions.Order().Select(CommentNames.Of).Concat(Filter.Undecided ? ["not yet decided"] : []));
        Add("kind", Filter.Kinds.Order().Select(k => k.ToString().ToLowerInvariant()));
        Add("meeting", source.Meetings.Where(m => m.Id == Filter.MeetingId).Select(m => m.Title));
        Add("room", source.Meetings.SelectMany(m => m.Rooms).Where(r => r.Id == Filter.RoomId).Select(r => r.Title));
        Add("consultation window", source.Windows.Where(w => w.Id == WindowId).Select(w => w.Title));
        Add("from", Filter.From is { } f ? [f.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)] : []);
        Add("to", Filter.To is { } t ? [t.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)] : []);
        return string.Join("; ", parts);
    }
}
