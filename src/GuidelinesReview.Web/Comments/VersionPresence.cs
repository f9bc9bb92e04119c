using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Comments;

/// <summary>Who is reading which draft version now (the "Viewing now" list).</summary>
public sealed class VersionPresence : PresenceTracker
{
    public override IReadOnlyList<string> GroupsOf(int versionId) => [ReviewGroups.VersionReaders(versionId), ReviewGroups.VersionModerators(versionId)];
}
