using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Comments;

/// <summary>What the server pushes to the browsers viewing a draft version.</summary>
public interface IReviewClient
{
    /// <summary>A comment was posted, edited, withdrawn, hidden, supported, disposed or re-tagged, or got a reply.</summary>
    Task CommentChanged(CommentView comment);

    /// <summary>A comment made on an earlier version and carried into this one changed (e.g. a decision was recorded).</summary>
    Task CarriedCommentChanged(CarriedView carried);

    /// <summary>Who is viewing the version now.</summary>
    Task PresenceChanged(int versionId, IReadOnlyList<PresenceView> viewers);
}
