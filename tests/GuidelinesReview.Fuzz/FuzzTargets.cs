using System.Reflection;
using System.Text;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Fuzz;

/// <summary>
/// The fuzz targets: each reads one text the platform takes from outside. A target handles its
/// input when it returns or refuses it with one of <see cref="Refusals"/>, the project's own
/// exceptions that callers turn into a message for the person; any other exception is a crash.
/// </summary>
public static class FuzzTargets
{
    private static readonly Lazy<Taxonomy> SampleTaxonomy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("guideline.yml")!;
        using var reader = new StreamReader(stream);
        return GuidelineManifest.Parse(reader.ReadToEnd()).Taxonomy;
    });

    /// <summary>Target name (the fuzzer's argument and the crash folder's name) and what it runs.</summary>
    public static readonly IReadOnlyDictionary<string, Action<string>> All = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        ["draft-parser"] = text => DraftParser.Parse(text, SampleTaxonomy.Value),
        ["markdown"] = text => SafeMarkdown.ToHtml(text, SafeMarkdown.MaxDraftLength),
        ["draft-file"] = text => DraftFile.Parse(text, "v1.md"),
        ["manifest"] = text => GuidelineManifest.Parse(text),
        ["meeting-file"] = text => MeetingDefinition.Parse(text, "meeting.yml"),
        ["translation-file"] = text => TranslationFile.Parse(text, "v1.fr.yml"),
        ["glossary-file"] = text => GlossaryFile.Parse(text, "glossary.yml"),
        // Problems come back as a list, so every exception out of it is a crash.
        ["xliff"] = text => XliffReader.Read(text),
    };

    /// <summary>The exceptions with which a reader refuses bad input on purpose.</summary>
    public static readonly IReadOnlyList<Type> Refusals = [typeof(ContentFormatException), typeof(MarkdownRejectedException)];

    /// <summary>Runs <paramref name="target"/> on a file's bytes, read as the importers read files (UTF-8; invalid sequences replaced).</summary>
    public static void Run(string target, Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        Run(target, reader.ReadToEnd());
    }

    /// <summary>Runs <paramref name="target"/> on <paramref name="text"/>, letting only unexpected exceptions out.</summary>
    public static void Run(string target, string text)
    {
        try
        {
            All[target](text);
        }
        catch (Exception e) when (Refusals.Contains(e.GetType()))
        {
            // Refused with a message for the person: handled.
        }
    }
}
