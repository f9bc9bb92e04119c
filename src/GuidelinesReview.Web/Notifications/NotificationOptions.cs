namespace GuidelinesReview.Web.Notifications;

/// <summary>Settings under "GuidelinesReview:Notifications" (docs/notifications.md).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "GuidelinesReview:Notifications";

    /// <summary>The hour (0–23, UTC) at which daily digests go out.</summary>
    public int DailyHourUtc { get; set; } = 7;

    /// <summary>How long an immediate notification waits for others to join it in one mail.</summary>
    public int BatchSeconds { get; set; } = 30;

    /// <summary>How often the background pass looks for due digests and for windows opening or closing.</summary>
    public int PassSeconds { get; set; } = 15;

    /// <summary>Off: nothing is composed or queued by the background service (tests run the pass themselves).</summary>
    public bool BackgroundPass { get; set; } = true;

    /// <summary>How long a digest's unsubscribe link works.</summary>
    public int UnsubscribeLinkDays { get; set; } = 90;
}
