namespace GuidelinesReview.Core.Translations;

/// <summary>A term of the guideline's glossary and its agreed translations.</summary>
/// <param name="Term">The term as written in the source language, one or more words ("digital public infrastructure").</param>
/// <param name="Renderings">The agreed translations, keyed by BCP 47 language code ("fr", "zh-Hans").</param>
/// <param name="Note">Guidance for translators shown beside the term; not used by the checks.</param>
public sealed record GlossaryEntry(string Term, IReadOnlyDictionary<string, GlossaryRendering> Renderings, string Note);
