using System.Text;

namespace GuidelinesReview.Fixtures;

/// <summary>
/// A large, deterministic guideline draft: a few hundred tagged sections of plausible policy
/// prose with lists, quotes and tables, about 150-200 KB of Markdown. The same seed always gives
/// the same text, so benchmark runs compare like with like.
/// </summary>
public static class LargeDraft
{
    public const string Slug = "large-sample";

    /// <summary>45 top-level sections give about 300 sections and 170 KB.</summary>
    public const int DefaultTopSections = 45;

    public static readonly string[] AreaKeys = ["infrastructure", "engagement", "inclusion", "sustainability", "resilience"];

    public static readonly string[] PrincipleKeys =
        ["institutional", "multilevel", "community", "transparency", "inclusion", "environment", "prosperity", "financing", "data", "resilience"];

    private static readonly string[] Subjects =
    [
        "Local governments", "National ministries", "City agencies", "Regional authorities", "Community organisations",
        "Public utilities", "Municipal councils", "Planning departments", "Data protection authorities", "Universities",
    ];

    private static readonly string[] Verbs =
    [
        "should establish", "are encouraged to review", "need to publish", "can strengthen", "should coordinate",
        "are expected to monitor", "may pilot", "should fund", "must safeguard", "can share",
    ];

    private static readonly string[] Objects =
    [
        "open data platforms", "participatory budgeting processes", "digital skills programmes", "procurement rules",
        "climate adaptation plans", "broadband infrastructure", "service design standards", "privacy impact assessments",
        "interoperability frameworks", "resident feedback channels", "emergency communication systems", "urban observatories",
    ];

    private static readonly string[] Qualifiers =
    [
        "in consultation with residents", "across levels of government", "with clear lines of accountability",
        "before large investments are made", "so that no group is left behind", "within a published timetable",
        "using shared indicators", "with independent oversight", "at the neighbourhood scale", "for the whole metropolitan area",
    ];

    /// <summary>
    /// The guideline.yml for the generated draft, with the sample guideline's taxonomy keys and the six UN
    /// languages, so that the draft has translation workspaces (the translation load test uses French).
    /// </summary>
    public static string Manifest() => $$"""
        slug: {{Slug}}
        title: Large generated guideline (benchmark fixture)
        summary: Generated text used by benchmarks and load tests. Not a real guideline.
        languages: [en, ar, zh, fr, ru, es]
        thematicAreas:
        {{string.Join("\n", AreaKeys.Select(k => $"  - key: {k}\n    name: Area {k}"))}}
        principles:
        {{string.Join("\n", PrincipleKeys.Select(k => $"  - key: {k}\n    name: Principle {k}"))}}
        """;

    /// <summary>A whole draft file: front matter and body.</summary>
    public static string Generate(int seed = 1, int topSections = DefaultTopSections, int number = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append($"---\nnumber: {number}\nlabel: Generated draft {number}\ndate: 2025-01-{Math.Clamp(number, 1, 28):00}\nstatus: consultation\nlanguage: en\nsummary: Generated for benchmarks (seed {seed}).\n---\n\n");
        for (var s = 1; s <= topSections; s++)
        {
            text.Append($"# {s}. {Title(random)} {{areas: {Pick(random, AreaKeys)}; principles: {Pick(random, PrincipleKeys)}, {Pick(random, PrincipleKeys)}}}\n\n");
            Paragraphs(text, random, 1);
            var subsections = 4 + random.Next(4);
            for (var sub = 1; sub <= subsections; sub++)
            {
                text.Append($"## {s}.{sub} {Title(random)}\n\n");
                Paragraphs(text, random, 1 + random.Next(2));
                switch (random.Next(4))
                {
                    case 0:
                        for (var i = 0; i < 3; i++)
                        {
                            text.Append("- ").Append(Sentence(random)).Append('\n');
                        }

                        text.Append('\n');
                        break;
                    case 1:
                        text.Append("> Case example: ").Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append("\n\n");
                        break;
                    case 2:
                        text.Append("| Action | Lead actor | Time frame |\n|---|---|---|\n");
                        for (var i = 0; i < 3; i++)
                        {
                            text.Append($"| {Pick(random, Objects)} | {Pick(random, Subjects)} | {1 + random.Next(5)} years |\n");
                        }

                        text.Append('\n');
                        break;
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Writes guidelines/large-sample/ (manifest and v1.md) under <paramref name="contentPath"/>.</summary>
    public static string WriteContent(string contentPath, int seed = 1, int topSections = DefaultTopSections)
    {
        var folder = Path.Combine(contentPath, "guidelines", Slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), Manifest());
        File.WriteAllText(Path.Combine(folder, "v1.md"), Generate(seed, topSections));
        return folder;
    }

    private static void Paragraphs(StringBuilder text, Random random, int count)
    {
        for (var p = 0; p < count; p++)
        {
            var sentences = 2 + random.Next(3);
            for (var i = 0; i < sentences; i++)
            {
                text.Append(Sentence(random)).Append(i < sentences - 1 ? " " : "\n\n");
            }
        }
    }

    private static string Sentence(Random random) =>
        $"{Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Objects)} {Pick(random, Qualifiers)}.";

    private static string Title(Random random)
    {
        var title = Pick(random, Objects);
        return char.ToUpperInvariant(title[0]) + title[1..] + " " + Pick(random, Qualifiers).Split(' ')[0];
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>
    /// A next version of a generated draft: about <paramref name="percent"/> % of its paragraphs
    /// edited (a word changed and a sentence added), and as many again deleted, added or moved.
    /// </summary>
    public static string Mutate(string draft, double percent = 3, int seed = 7)
    {
        var random = new Random(seed);
        var parts = draft.Split("\n\n").ToList();
        var body = Enumerable.Range(0, parts.Count).Where(i => i > 0 && !parts[i].StartsWith('#') && !parts[i].StartsWith('|') && !parts[i].StartsWith('-') && !parts[i].StartsWith('>')).ToList();
        var count = Math.Max(1, (int)(body.Count * percent / 100));
        foreach (var i in body.OrderBy(_ => random.Next()).Take(count))
        {
            parts[i] = parts[i].Replace(" should ", " must ", StringComparison.Ordinal) + " " + Sentence(random);
        }

        var rest = body.OrderBy(_ => random.Next()).Skip(count).ToList();
        var deleted = rest.Take(count / 3).ToHashSet();
        var moved = rest.Skip(count / 3).Take(count / 3).ToList();
        var movedText = moved.Select(i => parts[i]).ToList();
        var result = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (deleted.Contains(i) || moved.Contains(i))
            {
                continue;
            }

            result.Add(parts[i]);
            if (i > 0 && random.Next(body.Count) < count / 3)
            {
                result.Add(Sentence(random) + " " + Sentence(random));
            }
        }

        foreach (var text in movedText)
        {
            result.Insert(1 + random.Next(result.Count - 1), text);
        }

        return string.Join("\n\n", result).Replace("number: 1", "number: 2", StringComparison.Ordinal);
    }
}
