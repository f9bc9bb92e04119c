namespace GuidelinesReview.Core.Notifications;

/// <summary>When a notification recorded at a given instant is due to go out in a digest.</summary>
/// <param name="BatchDelay">How long an immediate notification waits, so that events arriving together share one mail.</param>
/// <param name="DailyHourUtc">The hour (0–23, UTC) at which daily digests go out.</param>
public sealed record DigestSchedule(TimeSpan BatchDelay, int DailyHourUtc)
{
    /// <summary>The instant the notification is due, or null when the person wants no mail.</summary>
    public DateTime? DueAt(NotificationFrequency frequency, DateTime recordedAt) => frequency switch
    {
        NotificationFrequency.Immediately => recordedAt + BatchDelay,
        NotificationFrequency.Daily => NextDailyAfter(recordedAt),
        _ => null,
    };

    /// <summary>The first daily instant strictly after <paramref name="instant"/>: an event at 07:00:00 waits for the next day's 07:00.</summary>
    public DateTime NextDailyAfter(DateTime instant)
    {
        var today = new DateTime(instant.Year, instant.Month, instant.Day, DailyHourUtc, 0, 0, DateTimeKind.Utc);
        return today > instant ? today : today.AddDays(1);
    }

    /// <summary>Whether a person's pending notifications (their oldest recorded at <paramref name="oldestRecordedAt"/>) make a digest now.</summary>
    public bool IsDue(NotificationFrequency frequency, DateTime oldestRecordedAt, DateTime now) =>
        DueAt(frequency, oldestRecordedAt) is { } due && due <= now;
}
