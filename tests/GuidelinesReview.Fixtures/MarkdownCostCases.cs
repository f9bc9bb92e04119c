using System.Globalization;
using System.Text;

namespace GuidelinesReview.Fixtures;

/// <summary>One input of Specs/markdown-cost.txt: the text, the limit of the text kind it is written as, and what must happen to it.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Markdown">The text, built from the case's parts.</param>
/// <param name="Limit">The text kind's length limit (10,000 for a comment, 200,000 for notes ...).</param>
/// <param name="Refusal">The exact refusal expected, or null when the text must be rendered.</param>
public sealed record MarkdownCostCase(string Name, string Markdown, int Limit, string? Refusal)
{
    public override string ToString() => Name;
}

/// <summary>
/// Reads Specs/markdown-cost.txt (the format is described at its top), shared by the unit tests,
/// which check each outcome, and the benchmarks, which time each input.
/// </summary>
public static class MarkdownCostCases
{
    public static string SpecPath => Path.Combine(RepoPaths.Root, "tests", "GuidelinesReview.Tests", "Specs", "markdown-cost.txt");

    public static IReadOnlyList<MarkdownCostCase> All { get; } = Read(File.ReadAllLines(SpecPath));

    public static MarkdownCostCase Named(string name) => All.Single(c => c.Name == name);

    private static List<MarkdownCostCase> Read(string[] lines)
    {
        var cases = new List<MarkdownCostCase>();
        string? name = null;
        var limit = 0;
        string? refusal = null;
        var parts = new List<(string Count, string Unit)>();
        foreach (var line in lines)
        {
            if (line.StartsWith("@@@ case ", StringComparison.Ordinal))
            {
                Flush();
                name = line[9..].Trim();
                (limit, refusal, parts) = (0, null, []);
            }
            else if (name is null || line.Trim().Length == 0)
            {
                continue; // documentation before the first case, and blank lines
            }
            else if (line.StartsWith("@@@ limit ", StringComparison.Ordinal))
            {
                limit = int.Parse(line[10..], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("@@@ refused ", StringComparison.Ordinal))
            {
                refusal = line[12..].Trim();
            }
            else if (line.StartsWith("@@@ rendered", StringComparison.Ordinal) || line.StartsWith("@@@ cost", StringComparison.Ordinal))
            {
                continue; // the default outcome, and measured figures kept for the reader
            }
            else
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                parts.Add((line[..space], SpecText.Unescape(line[(space + 1)..])));
            }
        }

        Flush();
        return cases;

        void Flush()
        {
            if (name is not null)
            {
                cases.Add(new MarkdownCostCase(name, Build(parts, limit), limit, refusal));
            }
        }
    }

    /// <summary>Each part is "count unit": the unit that many times, or "fill": until the limit (cut there).</summary>
    private static string Build(List<(string Count, string Unit)> parts, int limit)
    {
        var text = new StringBuilder();
        foreach (var (count, unit) in parts)
        {
            if (count == "fill")
            {
                while (text.Length < limit)
                {
                    text.Append(unit);
                }

                text.Length = limit;
            }
            else
            {
                text.Insert(text.Length, unit, int.Parse(count, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

}
