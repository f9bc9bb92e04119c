namespace GuidelinesReview.Core.Translations;

/// <summary>Where a glossary term occurs in a source text, found by <see cref="Glossary.Find"/>.</summary>
/// <param name="Start">Index of the first character of the occurrence in the source text.</param>
/// <param name="Length">Length of the occurrence as written, including a plural ending.</param>
/// <param name="Entry">The glossary entry whose term occurs there.</param>
public sealed record GlossaryHit(int Start, int Length, GlossaryEntry Entry);
