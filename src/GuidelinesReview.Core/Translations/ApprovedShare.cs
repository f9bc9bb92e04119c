using System.Globalization;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// How much of a version readers see in a language: segments with an approved translation out of
/// all its segments. The percentage is rounded down, so 100 % means every segment is approved.
/// </summary>
public sealed record ApprovedShare(int Approved, int Segments)
{
    public int Percent => Segments == 0 ? 100 : (int)Math.Floor(100.0 * Math.Min(Approved, Segments) / Segments);

    /// <summary>"78 %" (with a no-break space before the sign, so the two never part at a line end).</summary>
    public string PercentText => Percent.ToString(CultureInfo.InvariantCulture) + "\u00a0%";
}
