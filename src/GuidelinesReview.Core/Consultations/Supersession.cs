using System.Globalization;

namespace GuidelinesReview.Core.Consultations;

/// <summary>The newest published version of a guideline, as a superseded version's refusal names it.</summary>
public sealed record NewerVersion(int Number, DateTime Date);

/// <summary>
/// Whether a version is superseded and, if so, whether it still takes new comments. A version is
/// superseded once a later version of its guideline is published; from then on new comments, replies
/// and supports go to the current draft, unless the secretariat keeps that version open. Editing or
/// withdrawing one's own comment is not new content and stays possible. The consultation windows
/// apply on top of this.
/// </summary>
public sealed record Supersession(int VersionNumber, NewerVersion Newest, bool KeptOpen)
{
    /// <summary>The stable code API callers get with the refusal (the sentence may change, the code does not).</summary>
    public const string ErrorCode = "version-superseded";

    /// <summary>"v2 has been superseded by v3 (published 12 May 2025); comment on v3."</summary>
    public string Refusal =>
        $"v{VersionNumber} has been superseded by v{Newest.Number} (published {Newest.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}); comment on v{Newest.Number}.";

    /// <summary>Null when new comments are taken (not superseded, or kept open), else why not.</summary>
    public static ConsultationRefusal? Check(Supersession? supersession) =>
        supersession is { KeptOpen: false } s ? new ConsultationRefusal(RefusalKind.Superseded, s.Refusal) : null;

    /// <summary>The supersession of version <paramref name="number"/> among its guideline's version numbers and dates; null when it is the newest.</summary>
    public static Supersession? Of(int number, IEnumerable<NewerVersion> versions, bool keptOpen) =>
        versions.Where(v => v.Number > number).MaxBy(v => v.Number) is { } newest ? new Supersession(number, newest, keptOpen) : null;
}
