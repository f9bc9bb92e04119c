using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Translations;

/// <summary>What the server pushes to the translators of one version and language.</summary>
public interface ITranslationClient
{
    /// <summary>A segment's translation was saved, submitted, approved or rejected.</summary>
    Task TranslationChanged(int versionId, string language, TranslationView translation, string byUserId);

    Task TranslationCommented(int versionId, string language, TranslationCommentView comment);

    Task PresenceChanged(int versionId, string language, IReadOnlyList<PresenceView> people);
}
