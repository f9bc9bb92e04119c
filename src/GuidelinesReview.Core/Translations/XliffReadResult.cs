namespace GuidelinesReview.Core.Translations;

/// <summary>
/// Something wrong with an XLIFF file. <see cref="Message"/> is a full sentence that already names
/// the line and the unit when they are known, e.g. <c>Line 12, unit 's2-p3': the &lt;segment&gt; has an unknown state 'done'; ...</c>.
/// </summary>
public sealed record XliffProblem(int? Line, string? UnitId, string Message);

/// <summary>
/// What <see cref="XliffReader"/> made of a file: the document, or every problem found. The
/// document is null whenever there is a problem, so a caller can never import half a file.
/// </summary>
public sealed record XliffReadResult(XliffDocument? Document, IReadOnlyList<XliffProblem> Problems)
{
    public bool Ok => Document is not null && Problems.Count == 0;
}
