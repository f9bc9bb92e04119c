using System.Globalization;
using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Core.Comments;

public sealed record DemoReply(string Author, DateTime At, string Body);

public sealed record DemoDecision(Decision Decision, DateTime At, string Observation, int? AddressedIn, string? AddressedBlock);

/// <summary>A demo comment: the block is named by its first words in <see cref="Version"/>.</summary>
public sealed record DemoComment(
    int Version,
    DateTime At,
    string Author,
    string Block,
    string? Quote,
    CommentType Type,
    string Body,
    string? Proposed,
    IReadOnlyList<string> Supports,
    IReadOnlyList<DemoReply> Replies,
    DemoDecision? Decision);

/// <summary>
/// The demo comments and decisions on a guideline's earlier drafts (<c>content/demo/comments.yml</c>),
/// seeded in Development so that comparisons show the comments behind each change. Unknown fields,
/// types and decisions are errors that name the comment.
/// </summary>
public sealed record DemoCommentsFile(string Guideline, IReadOnlyList<DemoComment> Comments)
{
    public static DemoCommentsFile Parse(string yaml, string fileName)
    {
        var raw = YamlReaders.Read<FileYaml>(yaml, $"{fileName}: ") ?? throw new ContentFormatException($"{fileName} is empty.");
        var comments = new List<DemoComment>();
        foreach (var (c, i) in (raw.Comments ?? []).Select((c, i) => (c, i + 1)))
        {
            var where = $"{fileName}: comment {i}";
            string Required(string? value, string field) =>
                string.IsNullOrWhiteSpace(value) ? throw new ContentFormatException($"{where}: '{field}' is required.") : value.Trim();
            DateTime At(string? value, string field) =>
                DateTime.TryParse(Required(value, field), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    ? at : throw new ContentFormatException($"{where}: '{field}' must be a UTC time such as 2024-07-03T08:40:00Z.");
            T Enum<T>(string? value, string field) where T : struct, System.Enum =>
                System.Enum.TryParse<T>(Required(value, field), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
                    ? parsed : throw new ContentFormatException($"{where}: '{value}' is not a {field}.");

            comments.Add(new DemoComment(
                c.Version ?? throw new ContentFormatException($"{where}: 'version' is required."),
                At(c.At, "at"),
                Required(c.Author, "author"),
                Required(c.Block, "block"),
                string.IsNullOrWhiteSpace(c.Quote) ? null : c.Quote.Trim(),
                Enum<CommentType>(c.Type, "type"),
                Required(c.Body, "body").TrimEnd(),
                string.IsNullOrWhiteSpace(c.Proposed) ? null : c.Proposed.Trim(),
                c.Supports ?? [],
                (c.Replies ?? []).Select(r => new DemoReply(Required(r.Author, "replies.author"), At(r.At, "replies.at"), Required(r.Body, "replies.body").TrimEnd())).ToList(),
                c.Decision is { } d
                    ? new DemoDecision(Enum<Decision>(d.Decision, "decision"), At(d.At, "decision.at"), d.Observation?.Trim() ?? "", d.AddressedIn, string.IsNullOrWhiteSpace(d.AddressedBlock) ? null : d.AddressedBlock.Trim())
                    : null));
        }

        return new DemoCommentsFile(raw.Guideline?.Trim() ?? throw new ContentFormatException($"{fileName}: 'guideline' is required."), comments);
    }

    private sealed class FileYaml
    {
        public string? Guideline { get; set; }
        public List<CommentYaml>? Comments { get; set; }
    }

    private sealed class CommentYaml
    {
        public int? Version { get; set; }
        public string? At { get; set; }
        public string? Author { get; set; }
        public string? Block { get; set; }
        public string? Quote { get; set; }
        public string? Type { get; set; }
        public string? Body { get; set; }
        public string? Proposed { get; set; }
        public List<string>? Supports { get; set; }
        public List<ReplyYaml>? Replies { get; set; }
        public DecisionYaml? Decision { get; set; }
    }

    private sealed class ReplyYaml
    {
        public string? Author { get; set; }
        public string? At { get; set; }
        public string? Body { get; set; }
    }

    private sealed class DecisionYaml
    {
        public string? Decision { get; set; }
        public string? At { get; set; }
        public string? Observation { get; set; }
        public int? AddressedIn { get; set; }
        public string? AddressedBlock { get; set; }
    }
}
