namespace GuidelinesReview.Core.Translations;

/// <summary>The XLIFF version a file is written in: 2.0 (the current standard) or 1.2 (what many CAT tools still prefer).</summary>
public enum XliffVersion
{
    V20,
    V12,
}

/// <summary>
/// How far the translation of one unit has come, named after the XLIFF 2.0 segment states
/// (<c>initial</c>, <c>translated</c>, <c>reviewed</c>, <c>final</c>; a segment without a state is
/// <c>initial</c>, as the standard says).
/// </summary>
/// <remarks>
/// XLIFF 1.2 keeps the state on the <c>&lt;target&gt;</c>, with other names. Written:
/// Initial as <c>new</c>, Translated as <c>translated</c>, Reviewed as <c>signed-off</c>, Final as
/// <c>final</c>; a unit without a target has nowhere to keep a state and reads back as Initial.
/// Read, besides those four: <c>needs-translation</c>, <c>needs-adaptation</c> and
/// <c>needs-l10n</c> (the translation is still to be done) as Initial;
/// <c>needs-review-translation</c>, <c>needs-review-adaptation</c> and <c>needs-review-l10n</c>
/// (translated, waiting for review) as Translated. A 1.2 target without a state is Translated
/// when it has text and Initial when it is empty. Any other value, custom <c>x-</c> states
/// included, is reported as a problem.
/// </remarks>
public enum XliffState
{
    Initial,
    Translated,
    Reviewed,
    Final,
}

/// <summary>
/// One translation unit: one block of a draft (or one table cell), identified by its anchor
/// (<c>s2.3-p4</c>, <c>s2-t1-r1c2</c>), which must be an XML name token. <see cref="Source"/> and
/// <see cref="Target"/> are Markdown inline text, written as plain text (no inline XLIFF markup);
/// <see cref="Target"/> is null when the unit has no translation yet. <see cref="SourceHash"/>
/// is the hash of the source block at export, so an import can tell a block that changed since;
/// it is empty when a file carries none (some CAT tools drop attributes they do not know).
/// </summary>
public sealed record XliffUnit(string Id, string Source, string? Target, XliffState State, string SourceHash, IReadOnlyList<string> Notes);

/// <summary>
/// A draft version in one target language, as exchanged with translators. <see cref="Original"/>
/// names what was exported (the XLIFF <c>original</c> attribute); it is empty when a file has none.
/// </summary>
public sealed record XliffDocument(string SourceLanguage, string TargetLanguage, string Original, IReadOnlyList<XliffUnit> Units);
