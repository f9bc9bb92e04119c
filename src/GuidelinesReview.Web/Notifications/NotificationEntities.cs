using GuidelinesReview.Core.Notifications;

namespace GuidelinesReview.Web.Notifications;

/// <summary>
/// Something that happened, recorded for one person in the same save as the event itself, with
/// the texts the digest will tell (as they were then). Sent once: <see cref="DoneAt"/> is set in
/// the same transaction that queues the digest mail carrying it.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string RecipientId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public int VersionId { get; set; }
    public int? CommentId { get; set; }

    /// <summary>The page it is about, as a path from the app's address.</summary>
    public string Link { get; set; } = "";

    public string About { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Actor { get; set; }
    public string? Decision { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>When it went out in a digest, or was dropped because the person chose "never" meanwhile.</summary>
    public DateTime? DoneAt { get; set; }
}

/// <summary>A person's choice of how they hear by mail; no row means the default, <see cref="NotificationFrequency.Daily"/>.</summary>
public sealed class NotificationSetting
{
    public string UserId { get; set; } = "";
    public NotificationFrequency Frequency { get; set; } = NotificationFrequency.Daily;

    /// <summary>Changes with every change of <see cref="Frequency"/>, so an unsubscribe link works once.</summary>
    public string Stamp { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}

/// <summary>Up to when the consultation pass has looked for windows opening and closing (one row).</summary>
public sealed class ConsultationWatch
{
    public int Id { get; set; }
    public DateTime LookedUntil { get; set; }
}
