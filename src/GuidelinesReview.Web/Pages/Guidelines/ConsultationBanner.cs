using System.Text.Json;
using GuidelinesReview.Core.Consultations;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>
/// The consultation banner of a draft page: the window a reader should hear about now, and every
/// window of the version, which consultation.js uses to count down and move on at the exact instants.
/// </summary>
public sealed record ConsultationBanner(ConsultationPeriod Window, ConsultationPhase Phase, DateTime Now, IReadOnlyList<ConsultationPeriod> All)
{
    public static ConsultationBanner? For(IReadOnlyList<ConsultationPeriod> windows, DateTime now) =>
        ConsultationRules.Relevant(windows, now) is { } relevant ? new(relevant.Window, relevant.Phase, now, windows) : null;

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string AudienceOf(ConsultationPeriod window) =>
        (window.Groups is null ? "everyone signed in who may comment" : ConsultationRules.AudienceName(window.Groups))
        + (window.IsPublic ? ", and the public once registered" : "");

    public string WindowsJson => JsonSerializer.Serialize(All.Select(w => new
    {
        title = w.Title,
        opensAt = Iso(w.OpensAt),
        closesAt = Iso(w.ClosesAt),
        audience = AudienceOf(w),
    }));
}
