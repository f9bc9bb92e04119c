using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Core.Translations;

/// <summary>One unit of a translation file: a segment's translation with its state and people.</summary>
public sealed record TranslationFileUnit(string Id, TranslationState State, string Translator, string? Reviewer, string? Reason, string Text);

/// <summary>
/// A translation of a version kept with the content (<c>translations/v{n}.{lang}.yml</c>), loaded
/// at start-up like the drafts: <c>version</c>, <c>language</c> and <c>units</c>, each with
/// <c>id</c>, <c>state</c> (draft, translated, approved, rejected), <c>translator</c> and, for
/// approved and rejected units, <c>reviewer</c> (never the translator) and for rejected ones a <c>reason</c>.
/// </summary>
public sealed record TranslationFile(int Version, string Language, IReadOnlyList<TranslationFileUnit> Units)
{
    public static TranslationFile Parse(string yaml, string fileName)
    {
        var raw = YamlReaders.Read<FileYaml>(yaml, $"{fileName}: ") ?? throw new ContentFormatException($"{fileName} is empty.");

        if (raw.Version is not > 0)
        {
            throw new ContentFormatException($"{fileName}: 'version' must be the number of a version, such as 2.");
        }

        if (!LanguageCode.IsValid(raw.Language))
        {
            throw new ContentFormatException($"{fileName}: 'language' must be a language code such as 'fr'.");
        }

        var units = new List<TranslationFileUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in (raw.Units ?? []).Select((u, i) => (u, i + 1)))
        {
            var unit = YamlReaders.Item(entry, $"{fileName}: unit {i}");
            var where = $"{fileName}: unit {i}{(unit.Id is null ? "" : $" ('{unit.Id}')")}";
            if (string.IsNullOrWhiteSpace(unit.Id) || !seen.Add(unit.Id))
            {
                throw new ContentFormatException($"{where}: every unit needs an 'id' of its own.");
            }

            if (!TranslationStates.TryParse(unit.State, out var state) || state is not (TranslationState.Draft or TranslationState.Translated or TranslationState.Approved or TranslationState.Rejected))
            {
                throw new ContentFormatException($"{where}: 'state' must be draft, translated, approved or rejected, not '{unit.State}'.");
            }

            if (string.IsNullOrWhiteSpace(unit.Translator) || string.IsNullOrWhiteSpace(unit.Text))
            {
                throw new ContentFormatException($"{where}: 'translator' and 'text' are required.");
            }

            var reviewed = state is TranslationState.Approved or TranslationState.Rejected;
            if (reviewed != !string.IsNullOrWhiteSpace(unit.Reviewer))
            {
                throw new ContentFormatException($"{where}: a 'reviewer' is required for approved and rejected units, and only for them.");
            }

            if (reviewed && string.Equals(unit.Reviewer, unit.Translator, StringComparison.OrdinalIgnoreCase))
            {
                throw new ContentFormatException($"{where}: nobody reviews their own translation.");
            }

            if ((state == TranslationState.Rejected) != !string.IsNullOrWhiteSpace(unit.Reason))
            {
                throw new ContentFormatException($"{where}: a 'reason' is required for rejected units, and only for them.");
            }

            units.Add(new TranslationFileUnit(unit.Id, state, unit.Translator.Trim(), unit.Reviewer?.Trim(), unit.Reason?.Trim(), unit.Text.Trim()));
        }

        return new TranslationFile(raw.Version.Value, raw.Language!, units);
    }

    private sealed class FileYaml
    {
        public int? Version { get; set; }
        public string? Language { get; set; }
        public List<UnitYaml>? Units { get; set; }
    }

    private sealed class UnitYaml
    {
        public string? Id { get; set; }
        public string? State { get; set; }
        public string? Translator { get; set; }
        public string? Reviewer { get; set; }
        public string? Reason { get; set; }
        public string? Text { get; set; }
    }
}

/// <summary>A term of <c>glossary.yml</c>: its preferred rendering per language, forbidden variants and a note.</summary>
public sealed record GlossaryFileTerm(string Term, string Note, IReadOnlyDictionary<string, (string Preferred, IReadOnlyList<string> Forbidden)> Translations);

public static class GlossaryFile
{
    public static IReadOnlyList<GlossaryFileTerm> Parse(string yaml, string fileName)
    {
        var raw = YamlReaders.Read<FileYaml>(yaml, $"{fileName}: ") ?? new FileYaml();

        var terms = new List<GlossaryFileTerm>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, n) in (raw.Terms ?? []).Select((t, i) => (t, i + 1)))
        {
            var term = YamlReaders.Item(entry, $"{fileName}: term {n}");
            if (string.IsNullOrWhiteSpace(term.Term) || !seen.Add(term.Term.Trim()))
            {
                throw new ContentFormatException($"{fileName}: every term needs a 'term' of its own ('{term.Term}').");
            }

            var translations = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
            foreach (var (language, rendering) in term.Translations ?? [])
            {
                if (!LanguageCode.IsValid(language) || string.IsNullOrWhiteSpace(rendering?.Preferred))
                {
                    throw new ContentFormatException($"{fileName}: term '{term.Term}': '{language}' needs a language code and a 'preferred' translation.");
                }

                translations[language] = (rendering.Preferred.Trim(), (rendering.Forbidden ?? []).Select(f => f?.Trim() ?? "").Where(f => f.Length > 0).ToList());
            }

            terms.Add(new GlossaryFileTerm(term.Term.Trim(), term.Note?.Trim() ?? "", translations));
        }

        return terms;
    }

    private sealed class FileYaml
    {
        public List<TermYaml>? Terms { get; set; }
    }

    private sealed class TermYaml
    {
        public string? Term { get; set; }
        public string? Note { get; set; }
        public Dictionary<string, RenderingYaml>? Translations { get; set; }
    }

    private sealed class RenderingYaml
    {
        public string? Preferred { get; set; }
        public List<string>? Forbidden { get; set; }
    }
}
