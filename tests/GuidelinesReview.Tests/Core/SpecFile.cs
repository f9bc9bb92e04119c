using GuidelinesReview.Core.Content;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

/// <summary>One "@@@ name argument" line of a spec file and the lines that follow it.</summary>
internal sealed record SpecDirective(string Name, string Argument, IReadOnlyList<string> Lines, int LineNumber)
{
    /// <summary>The directive's lines as one text, trailing blank lines dropped, ending in one newline.</summary>
    public string Body()
    {
        var lines = Lines.ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";
    }

    /// <summary>The non-blank lines, for directives that list things one a line.</summary>
    public IEnumerable<string> Entries() => Lines.Where(l => l.Trim().Length > 0);
}

/// <summary>A case of a spec file: a "@@@ case" directive (its lines are the input) and the directives after it.</summary>
internal sealed record SpecCase(string Name, string Markdown, IReadOnlyList<SpecDirective> Expectations, int LineNumber)
{
    public override string ToString() => Name;
}

/// <summary>
/// Reads the data files under Specs/ (copied to the output directory by the test project). The
/// format is described at the top of each file: lines starting with "@@@" are directives, other
/// lines belong to the directive above, and "{U+XXXX}" stands for a character editors would eat.
/// </summary>
internal static class SpecFile
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Specs", fileName);

    public static string Unescape(string text) => SpecText.Unescape(text);

    /// <summary>All directives of a file; whatever comes before the first one is documentation.</summary>
    public static List<SpecDirective> ReadDirectives(string fileName)
    {
        var lines = File.ReadAllText(PathOf(fileName)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var directives = new List<SpecDirective>();
        string? name = null;
        var argument = "";
        var start = 0;
        var body = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("@@@", StringComparison.Ordinal))
            {
                Flush();
                var rest = line[3..].Trim();
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                name = space < 0 ? rest : rest[..space];
                argument = space < 0 ? "" : Unescape(rest[(space + 1)..].Trim());
                start = i + 1;
                body = [];
            }
            else if (name is not null)
            {
                body.Add(Unescape(line));
            }
        }

        Flush();
        return directives;

        void Flush()
        {
            if (name is not null)
            {
                directives.Add(new SpecDirective(name, argument, body, start));
            }
        }
    }

    /// <summary>Groups directives into cases; directives before the first case are returned as the header.</summary>
    public static (List<SpecDirective> Header, List<SpecCase> Cases) ReadCases(string fileName)
    {
        var header = new List<SpecDirective>();
        var cases = new List<SpecCase>();
        SpecDirective? current = null;
        var expectations = new List<SpecDirective>();
        foreach (var directive in ReadDirectives(fileName))
        {
            if (directive.Name == "case")
            {
                Close();
                current = directive;
                expectations = [];
            }
            else if (current is null)
            {
                header.Add(directive);
            }
            else
            {
                expectations.Add(directive);
            }
        }

        Close();
        var duplicate = cases.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{fileName}: the case name '{duplicate.Key}' is used twice.");
        }

        return (header, cases);

        void Close()
        {
            if (current is not null)
            {
                if (current.Argument.Length == 0)
                {
                    throw new InvalidDataException($"{fileName} line {current.LineNumber}: a case needs a name.");
                }

                cases.Add(new SpecCase(current.Argument, current.Body(), expectations, current.LineNumber));
            }
        }
    }

    /// <summary>The cases' names, one theory row each.</summary>
    public static TheoryData<string> NamesOf(IEnumerable<SpecCase> cases) => new(cases.Select(c => c.Name));

    /// <summary>Reads tags written as in headings, "areas: a, b; principles: x", into sorted key lists.</summary>
    public static (List<string> Areas, List<string> Principles) ParseTags(string text)
    {
        var areas = new List<string>();
        var principles = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new InvalidDataException($"Tags '{text}': '{part}' has no ':'.");
            }

            var target = part[..colon].Trim() switch
            {
                "areas" => areas,
                "principles" => principles,
                var other => throw new InvalidDataException($"Tags '{text}': unknown part '{other}'."),
            };
            target.AddRange(part[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        areas.Sort(StringComparer.Ordinal);
        principles.Sort(StringComparer.Ordinal);
        return (areas, principles);
    }

    /// <summary>Writes tags in one canonical form (sorted, empty parts left out) so that order never matters.</summary>
    public static string FormatTags(IEnumerable<string> areas, IEnumerable<string> principles)
    {
        var a = areas.Order(StringComparer.Ordinal).ToList();
        var p = principles.Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (a.Count > 0)
        {
            parts.Add("areas: " + string.Join(", ", a));
        }

        if (p.Count > 0)
        {
            parts.Add("principles: " + string.Join(", ", p));
        }

        return string.Join("; ", parts);
    }

    public static string NormalizeTags(string text)
    {
        var (areas, principles) = ParseTags(text);
        return FormatTags(areas, principles);
    }

    public static Taxonomy TaxonomyFrom(string tags)
    {
        var (areas, principles) = ParseTags(tags);
        return new Taxonomy(
            areas.Select(k => new TaxonomyTerm(TaxonomyKind.ThematicArea, k, k)).ToList(),
            principles.Select(k => new TaxonomyTerm(TaxonomyKind.Principle, k, k)).ToList());
    }
}
