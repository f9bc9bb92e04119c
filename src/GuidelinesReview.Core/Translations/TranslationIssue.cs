namespace GuidelinesReview.Core.Translations;

/// <summary>
/// One problem found in a translated block by <see cref="TranslationChecks.Check"/>.
/// </summary>
/// <param name="Code">One of the codes of <see cref="TranslationCheckCodes"/>; stable, so the UI and README can refer to it.</param>
/// <param name="Severity">The severity of that code.</param>
/// <param name="Message">One plain-English sentence for the translator that names the offending text.</param>
public sealed record TranslationIssue(string Code, CheckSeverity Severity, string Message);
