namespace GuidelinesReview.Core.Translations;

/// <summary>How a glossary term is to be translated into one language.</summary>
/// <param name="Preferred">The translation to use; blank while none has been agreed.</param>
/// <param name="Forbidden">Variants translators must not use (a common but wrong rendering, a competing term).</param>
public sealed record GlossaryRendering(string Preferred, IReadOnlyList<string> Forbidden);
