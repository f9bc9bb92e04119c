using System.Globalization;

namespace GuidelinesReview.Core.Content;

public enum DraftStatus
{
    Draft,
    Consultation,
    Final,
}

/// <summary>The YAML front matter of a draft version file.</summary>
public sealed record VersionFrontMatter(
    int Number,
    string Label,
    DateOnly Date,
    DraftStatus Status,
    string Language,
    string Summary);

/// <summary>A draft version file: front matter and the Markdown body, which starts on line <see cref="BodyFirstLine"/> of the file.</summary>
public sealed record DraftFile(VersionFrontMatter FrontMatter, string Body, int BodyFirstLine)
{
    public static DraftFile Parse(string text, string fileName = "draft")
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentFormatException($"{fileName}: the file must start with a front matter block ('---' on the first line).");
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var bodyStart = end + 5;
        if (end < 0 && text.EndsWith("\n---", StringComparison.Ordinal))
        {
            end = text.Length - 4;
            bodyStart = text.Length;
        }

        if (end < 0)
        {
            throw new ContentFormatException($"{fileName}: the front matter is not closed by a '---' line.");
        }

        var yaml = text[4..(end + 1)];
        var raw = YamlReaders.Read<FrontMatterYaml>(yaml, $"{fileName}: front matter ", firstLine: 2)
            ?? throw new ContentFormatException($"{fileName}: the front matter is empty.");

        var bodyFirstLine = text.AsSpan(0, bodyStart).Count('\n') + 1;
        return new DraftFile(Validate(raw, fileName), text[bodyStart..], bodyFirstLine);
    }

    private static VersionFrontMatter Validate(FrontMatterYaml raw, string fileName)
    {
        if (raw.Number is not { } number || number < 1 || number > 999)
        {
            throw new ContentFormatException($"{fileName}: 'number' is required and must be a whole number from 1 to 999.");
        }

        if (string.IsNullOrWhiteSpace(raw.Label) || raw.Label.Trim().Length > 120)
        {
            throw new ContentFormatException($"{fileName}: 'label' is required (at most 120 characters), e.g. 'Zero draft'.");
        }

        if (!DateOnly.TryParseExact(raw.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ContentFormatException($"{fileName}: 'date' must be a date written as YYYY-MM-DD, got '{raw.Date}'.");
        }

        // Exact names only: Enum.TryParse would also take "1" or "draft, final".
        var status = Enum.GetValues<DraftStatus>().Cast<DraftStatus?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), raw.Status?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (status is null)
        {
            throw new ContentFormatException($"{fileName}: 'status' must be draft, consultation or final, got '{raw.Status}'.");
        }

        var language = string.IsNullOrWhiteSpace(raw.Language) ? "en" : raw.Language.Trim();
        if (!LanguageCode.IsValid(language))
        {
            throw new ContentFormatException($"{fileName}: 'language' must be a language code such as 'en' or 'fr', got '{language}'.");
        }

        return new VersionFrontMatter(number, raw.Label.Trim(), date, status.Value, language, raw.Summary?.Trim() ?? "");
    }

    private sealed class FrontMatterYaml
    {
        public int? Number { get; set; }
        public string? Label { get; set; }
        public string? Date { get; set; }
        public string? Status { get; set; }
        public string? Language { get; set; }
        public string? Summary { get; set; }
    }
}
