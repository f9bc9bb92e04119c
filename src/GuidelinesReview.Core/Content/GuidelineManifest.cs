using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GuidelinesReview.Core.Content;

/// <summary>What <c>guideline.yml</c> says about a guideline.</summary>
public sealed record GuidelineManifest(
    string Slug,
    string Title,
    string Summary,
    IReadOnlyList<string> Languages,
    Taxonomy Taxonomy)
{
    private static readonly Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static GuidelineManifest Parse(string yaml)
    {
        var raw = YamlReaders.Read<ManifestYaml>(yaml, "guideline.yml: ") ?? throw new ContentFormatException("guideline.yml is empty.");

        var slug = Required(raw.Slug, "slug");
        if (!SlugPattern.IsMatch(slug) || slug.Length > 80)
        {
            throw new ContentFormatException($"guideline.yml: slug '{slug}' must be lower-case letters, digits and single hyphens (at most 80 characters).");
        }

        var languages = raw.Languages is { Count: > 0 } ? raw.Languages : ["en"];
        foreach (var language in languages)
        {
            if (!LanguageCode.IsValid(language))
            {
                throw new ContentFormatException($"guideline.yml: language '{language}' is not a language code such as 'en' or 'fr'.");
            }
        }

        return new GuidelineManifest(
            slug,
            Required(raw.Title, "title"),
            raw.Summary?.Trim() ?? "",
            languages,
            new Taxonomy(
                Terms(raw.ThematicAreas, TaxonomyKind.ThematicArea, "thematicAreas"),
                Terms(raw.Principles, TaxonomyKind.Principle, "principles")));
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ContentFormatException($"guideline.yml: '{field}' is required.")
            : value.Trim();

    private static List<TaxonomyTerm> Terms(List<TermYaml>? items, TaxonomyKind kind, string field)
    {
        var terms = new List<TaxonomyTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, n) in (items ?? []).Select((item, i) => (item, i + 1)))
        {
            var item = YamlReaders.Item(entry, $"guideline.yml: {field} item {n}");
            var key = item.Key?.Trim() ?? "";
            if (!KeyPattern.IsMatch(key) || key.Length > 40)
            {
                throw new ContentFormatException($"guideline.yml: {field} key '{key}' must be lower-case letters, digits and hyphens (at most 40 characters).");
            }

            if (!seen.Add(key))
            {
                throw new ContentFormatException($"guideline.yml: {field} key '{key}' appears twice.");
            }

            terms.Add(new TaxonomyTerm(kind, key, Required(item.Name, $"{field}.{key}.name")));
        }

        return terms;
    }

    private sealed class ManifestYaml
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public List<string>? Languages { get; set; }
        public List<TermYaml>? ThematicAreas { get; set; }
        public List<TermYaml>? Principles { get; set; }
    }

    private sealed class TermYaml
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
    }
}

internal static partial class YamlReaders
{
    /// <summary>Unknown fields are errors, so a misspelt field name is reported rather than ignored.</summary>
    public static readonly IDeserializer Strict = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    private static readonly System.Text.RegularExpressions.Regex UnknownProperty =
        new(@"Property '([^']+)' not found on type", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    [System.Text.RegularExpressions.GeneratedRegex(@" \(Parameter '[^']*'\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    /// <summary>
    /// Reads a YAML document; whatever YamlDotNet cannot read is a <see cref="ContentFormatException"/>
    /// starting with <paramref name="where"/> ("v2.md: front matter "). Most errors come as
    /// <see cref="YamlException"/> with a position, but some malformed input (a tag that is not a URI,
    /// tokens after the end of a document) escapes its parser as an ArgumentException or
    /// InvalidOperationException, which would otherwise stop the import with a crash.
    /// </summary>
    /// <returns>The document, or null for an empty one.</returns>
    public static T? Read<T>(string yaml, string where, int firstLine = 1)
        where T : class
    {
        try
        {
            return Strict.Deserialize<T?>(yaml);
        }
        catch (YamlException e)
        {
            throw new ContentFormatException(where + Describe(e, firstLine));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException && e.TargetSite?.DeclaringType?.Assembly == typeof(IDeserializer).Assembly)
        {
            throw new ContentFormatException($"{where}the YAML could not be read: {ParameterName().Replace(e.Message, "").TrimEnd('.')}. Check the tags ('!'), quotes and document markers ('---', '...').");
        }
    }

    /// <summary>An item of a YAML list, which is null when the list has an empty entry ("- " alone).</summary>
    public static T Item<T>(T? item, string where)
        where T : class => item ?? throw new ContentFormatException($"{where} is empty.");

    /// <summary>A YAML error in words for the file's editor; <paramref name="firstLine"/> is the file line the YAML starts on.</summary>
    public static string Describe(YamlException e, int firstLine = 1)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var unknown = UnknownProperty.Match(message);
        if (unknown.Success)
        {
            message = $"unknown field '{unknown.Groups[1].Value}'";
        }
        else if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            message = "a field appears twice";
        }

        return $"line {e.Start.Line + firstLine - 1}, column {e.Start.Column}: {message}";
    }
}

public static class LanguageCode
{
    private static readonly Regex Pattern = new("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", RegexOptions.CultureInvariant);

    public static bool IsValid(string? code) => code is not null && Pattern.IsMatch(code);
}
