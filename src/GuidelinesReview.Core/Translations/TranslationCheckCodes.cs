namespace GuidelinesReview.Core.Translations;

/// <summary>A check of <see cref="TranslationChecks"/>: its code, severity and what it means, for the UI and the README.</summary>
public sealed record TranslationCheckCode(string Code, CheckSeverity Severity, string Meaning);

/// <summary>
/// The stable codes of the issues <see cref="TranslationChecks.Check"/> reports. A code never
/// changes meaning; waivers and the UI refer to them. <see cref="All"/> lists them with their
/// severity, in the order the checks run.
/// </summary>
public static class TranslationCheckCodes
{
    /// <summary>Blocking: a glossary term of the source is not translated with its preferred rendering.</summary>
    public const string GlossaryMissing = "glossary-missing";

    /// <summary>Blocking: the translation uses a rendering of a source term that the glossary forbids.</summary>
    public const string GlossaryForbidden = "glossary-forbidden";

    /// <summary>Blocking: a link or image address of the source is not a link or image address of the translation.</summary>
    public const string LinkMissing = "link-missing";

    /// <summary>Blocking: an inline code span of the source is not in the translation, verbatim, as a code span.</summary>
    public const string CodeMissing = "code-missing";

    /// <summary>Blocking: a footnote mark of the source (<c>[^1]</c>) is not in the translation.</summary>
    public const string FootnoteMissing = "footnote-missing";

    /// <summary>Blocking: a number of the source is not in the translation, whatever its digit grouping or decimal mark.</summary>
    public const string NumberMissing = "number-missing";

    /// <summary>
    /// Warning: the source and the translation have different numbers of italic or of bold
    /// passages. Only a warning: a translation may rightly join two emphasised phrases into one
    /// or split one (word order and grammar differ), and no content is lost, so a count alone
    /// should not make a reviewer write a waiver.
    /// </summary>
    public const string EmphasisMismatch = "emphasis-mismatch";

    /// <summary>Warning: French needs a space before ; : ! ? and inside « ».</summary>
    public const string PunctuationFrench = "punctuation-fr";

    /// <summary>Warning: Arabic text uses a Latin comma, semicolon or question mark instead of ، ؛ ؟.</summary>
    public const string PunctuationArabic = "punctuation-ar";

    /// <summary>Warning: Chinese text uses ASCII punctuation after a Chinese character instead of the full-width marks.</summary>
    public const string PunctuationChinese = "punctuation-zh";

    /// <summary>Warning: leading or trailing white space differs from the source's, or the translation has double spaces the source has not.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>Every code with its severity and meaning, in the order the checks run.</summary>
    public static IReadOnlyList<TranslationCheckCode> All { get; } =
    [
        new(GlossaryMissing, CheckSeverity.Blocking, "A glossary term of the source is not translated with the glossary's preferred rendering."),
        new(GlossaryForbidden, CheckSeverity.Blocking, "The translation uses a rendering that the glossary forbids for a term of the source."),
        new(LinkMissing, CheckSeverity.Blocking, "A link or image address of the source is missing from the translation (the link text is translated, the address is not)."),
        new(CodeMissing, CheckSeverity.Blocking, "An inline code span of the source is missing from the translation or was changed."),
        new(FootnoteMissing, CheckSeverity.Blocking, "A footnote mark such as [^1] of the source is missing from the translation."),
        new(NumberMissing, CheckSeverity.Blocking, "A number of the source is missing from the translation (digit grouping and decimal commas may follow the language)."),
        new(EmphasisMismatch, CheckSeverity.Warning, "The source and the translation have different numbers of italic or bold passages."),
        new(PunctuationFrench, CheckSeverity.Warning, "French needs a space (best a narrow no-break space) before ; : ! ? and inside « »."),
        new(PunctuationArabic, CheckSeverity.Warning, "Arabic text uses a Latin comma, semicolon or question mark instead of ، ؛ ؟."),
        new(PunctuationChinese, CheckSeverity.Warning, "Chinese text uses ASCII punctuation after a Chinese character instead of the full-width ，。；：？！."),
        new(Whitespace, CheckSeverity.Warning, "Leading or trailing white space differs from the source, or the translation has double spaces the source has not."),
    ];

    /// <summary>The severity of a code of <see cref="All"/>.</summary>
    public static CheckSeverity SeverityOf(string code) =>
        All.FirstOrDefault(c => c.Code == code)?.Severity
        ?? throw new ArgumentException($"'{code}' is not a translation check code.", nameof(code));
}
