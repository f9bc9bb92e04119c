namespace GuidelinesReview.Core.Notifications;

/// <summary>How a person hears by mail about what concerns them.</summary>
public enum NotificationFrequency
{
    /// <summary>A digest shortly after something happens, batching what arrives together.</summary>
    Immediately,

    /// <summary>One digest a day at a fixed UTC hour; the default, so nobody is flooded by a busy consultation.</summary>
    Daily,

    /// <summary>No mail at all.</summary>
    Never,
}

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    Reply,
    Decision,
    ConsultationOpened,
    ConsultationClosed,
    TranslationToReview,
}

/// <summary>The names people read for the frequencies, on the profile and in mails.</summary>
public static class NotificationNames
{
    public static string Of(NotificationFrequency frequency) => frequency switch
    {
        NotificationFrequency.Immediately => "Immediately",
        NotificationFrequency.Daily => "Once a day",
        _ => "Never",
    };
}
