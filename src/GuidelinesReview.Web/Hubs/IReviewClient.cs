using GuidelinesReview.Web.Comments;

namespace GuidelinesReview.Web.Hubs;

/// <summary>What the server pushes to the browsers viewing a draft version.</summary>
public interface IReviewClient
{
    /// <summary>A comment was posted, edited, withdrawn, hidden, supported, disposed or re-tagged, or got a reply.</summary>
    Task CommentChanged(CommentView comment);

    /// <summary>Who is viewing the version now.</summary>
    Task PresenceChanged(int versionId, IReadOnlyList<PresenceView> viewers);
}
