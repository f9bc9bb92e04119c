using System.Globalization;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Core.Meetings;

public enum AgendaKind
{
    Plenary,
    Breakout,
}

public sealed record RoomDefinition(
    string Title,
    string Prompt,
    string? Moderator,
    string? NoteTaker,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Principles,
    IReadOnlyList<string> Sections);

public sealed record AgendaItemDefinition(TimeOnly Time, string Title, AgendaKind Kind, IReadOnlyList<RoomDefinition> Rooms);

public sealed record DayDefinition(DateOnly Date, IReadOnlyList<AgendaItemDefinition> Agenda);

/// <summary>
/// An expert group meeting as written in <c>content/meetings/&lt;slug&gt;.yml</c>: days, agenda
/// items and breakout rooms. People are named by email; the importer checks they exist.
/// </summary>
public sealed record MeetingDefinition(
    string Slug,
    string Title,
    string Guideline,
    int Version,
    string TimeZone,
    IReadOnlyList<DayDefinition> Days)
{
    private static readonly Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public IEnumerable<RoomDefinition> Rooms => Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms);

    public static MeetingDefinition Parse(string yaml, string fileName)
    {
        var raw = YamlReaders.Read<MeetingYaml>(yaml, $"{fileName}: ") ?? throw new ContentFormatException($"{fileName} is empty.");

        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new ContentFormatException($"{fileName}: '{field}' is required.") : value.Trim();

        var slug = Required(raw.Slug, "slug");
        if (!SlugPattern.IsMatch(slug))
        {
            throw new ContentFormatException($"{fileName}: slug '{slug}' must be lower-case letters, digits and single hyphens.");
        }

        var timeZone = Required(raw.TimeZone, "timeZone");
        if (MeetingRules.CheckTimeZone(timeZone) is { } badZone)
        {
            throw new ContentFormatException($"{fileName}: {badZone}");
        }

        if (raw.Version is not { } version || version < 1)
        {
            throw new ContentFormatException($"{fileName}: 'version' is required: the number of the draft the meeting discusses.");
        }

        if (raw.Days is not { Count: > 0 })
        {
            throw new ContentFormatException($"{fileName}: a meeting needs at least one day under 'days'.");
        }

        var days = raw.Days.Select((entry, i) =>
        {
            var where = $"{fileName}: day {i + 1}";
            var d = YamlReaders.Item(entry, where);
            if (!DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ContentFormatException($"{where}: 'date' must be written as YYYY-MM-DD, got '{d.Date}'.");
            }

            var agenda = (d.Agenda ?? []).Select((entry, j) =>
            {
                var at = $"{where}, agenda item {j + 1}";
                var a = YamlReaders.Item(entry, at);
                if (!TimeOnly.TryParseExact(a.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    throw new ContentFormatException($"{at}: 'time' must be written as HH:mm, got '{a.Time}'.");
                }

                if (!Enum.TryParse<AgendaKind>(a.Kind, ignoreCase: true, out var kind) || int.TryParse(a.Kind, out _))
                {
                    throw new ContentFormatException($"{at}: 'kind' must be plenary or breakout, got '{a.Kind}'.");
                }

                var rooms = (a.Rooms ?? []).Select((entry, k) => YamlReaders.Item(entry, $"{at}, room {k + 1}")).Select((r, k) => new RoomDefinition(
                    Required(r.Title, $"days[{i}].agenda[{j}].rooms[{k}].title"),
                    r.Prompt?.Trim() ?? "",
                    Blank(r.Moderator),
                    Blank(r.NoteTaker),
                    Clean(r.Members),
                    Clean(r.Areas),
                    Clean(r.Principles),
                    Clean(r.Sections))).ToList();
                if (kind == AgendaKind.Plenary && rooms.Count > 0)
                {
                    throw new ContentFormatException($"{at}: a plenary item has no rooms; make it 'kind: breakout'.");
                }

                return new AgendaItemDefinition(time, Required(a.Title, $"days[{i}].agenda[{j}].title"), kind, rooms);
            }).OrderBy(a => a.Time).ToList();
            return new DayDefinition(date, agenda);
        }).OrderBy(d => d.Date).ToList();
        if (MeetingRules.CheckDays(days.Select(d => d.Date).ToList()) is [var badDays, ..])
        {
            throw new ContentFormatException($"{fileName}: {badDays}");
        }

        return new MeetingDefinition(slug, Required(raw.Title, "title"), Required(raw.Guideline, "guideline"), version, timeZone, days);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Clean(List<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private sealed class MeetingYaml
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Guideline { get; set; }
        public int? Version { get; set; }
        public string? TimeZone { get; set; }
        public List<DayYaml>? Days { get; set; }
    }

    private sealed class DayYaml
    {
        public string? Date { get; set; }
        public List<AgendaYaml>? Agenda { get; set; }
    }

    private sealed class AgendaYaml
    {
        public string? Time { get; set; }
        public string? Title { get; set; }
        public string? Kind { get; set; }
        public List<RoomYaml>? Rooms { get; set; }
    }

    private sealed class RoomYaml
    {
        public string? Title { get; set; }
        public string? Prompt { get; set; }
        public string? Moderator { get; set; }
        public string? NoteTaker { get; set; }
        public List<string>? Members { get; set; }
        public List<string>? Areas { get; set; }
        public List<string>? Principles { get; set; }
        public List<string>? Sections { get; set; }
    }
}
