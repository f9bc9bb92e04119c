namespace GuidelinesReview.Core.Translations;

/// <summary>Where the translation of one segment stands. A segment nobody has touched has no row: <see cref="Untranslated"/>.</summary>
public enum TranslationState
{
    Untranslated,

    /// <summary>Saved by its translator (autosave), not yet offered for review.</summary>
    Draft,

    /// <summary>Offered for review: waiting for a reviewer of the language.</summary>
    Translated,
    Approved,

    /// <summary>Sent back by a reviewer, with a reason; the translator revises it.</summary>
    Rejected,

    /// <summary>The source changed since it was translated: the old text is kept, with a diff of the source beside it.</summary>
    Outdated,
}

public static class TranslationStates
{
    public static string Name(TranslationState state) => state switch
    {
        TranslationState.Untranslated => "Untranslated",
        TranslationState.Draft => "Draft",
        TranslationState.Translated => "Waiting for review",
        TranslationState.Approved => "Approved",
        TranslationState.Rejected => "Rejected",
        _ => "Outdated",
    };

    /// <summary>The lower-case name used in URLs, files and the front end.</summary>
    public static string Key(TranslationState state) => state.ToString().ToLowerInvariant();

    public static bool TryParse(string? key, out TranslationState state) =>
        Enum.TryParse(key, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(key, out _);
}
