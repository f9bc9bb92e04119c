namespace GuidelinesReview.Web.Comments;

/// <summary>
/// The one place group names are built. Viewers of a version are in exactly one of two groups:
/// the secretariat's (full comments) or everyone else's (hidden comments redacted).
/// </summary>
public static class ReviewGroups
{
    public static string VersionReaders(int versionId) => $"version:{versionId}:readers";

    public static string VersionModerators(int versionId) => $"version:{versionId}:moderators";

    public static string Version(int versionId, bool moderator) =>
        moderator ? VersionModerators(versionId) : VersionReaders(versionId);
}
