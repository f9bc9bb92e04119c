using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Core.Comments;

/// <summary>What may be written, by whom, and when. Every message is written for the person who tried.</summary>
public static class CommentRules
{
    public const int MaxBody = 10_000;
    public const int MaxProposedText = 10_000;
    public const int MaxQuote = 2_000;
    public const int MaxObservation = 10_000;
    public const int MaxHideReason = 500;

    /// <summary>
    /// Roles that may comment, reply and support (Observers read; Translators work on translations).
    /// Public participants may too, but only inside a public window (<c>ConsultationRules.CheckComment</c>).
    /// </summary>
    public static bool CanWrite(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.Expert or Roles.Moderator or Roles.NoteTaker or Roles.Secretariat or Roles.Admin or Roles.Public);

    /// <summary>Hiding, re-tagging and dispositions are the secretariat's.</summary>
    public static bool CanModerate(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.Secretariat or Roles.Admin);

    public static string? CheckBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write something: the comment is empty."
        : body.Length > MaxBody ? $"The comment is {body.Length:N0} characters long; at most {MaxBody:N0} are allowed."
        : null;

    public static string? CheckProposedText(string? text) =>
        text is not null && text.Length > MaxProposedText
            ? $"The proposed change is {text.Length:N0} characters long; at most {MaxProposedText:N0} are allowed."
            : null;

    public static string? CheckVersionOpen(DraftStatus status, int number) =>
        status == DraftStatus.Final ? $"v{number} is final and read-only: comments can no longer be added or changed." : null;

    /// <summary>An author may edit until someone replied or the secretariat decided; never a withdrawn comment.</summary>
    public static string? CheckEditable(bool isAuthor, CommentStatus status, bool hasReplies, bool hasDisposition) =>
        !isAuthor ? "Only the author can change this comment."
        : status == CommentStatus.Withdrawn ? "This comment was withdrawn and can no longer be changed."
        : hasReplies ? "This comment has replies, so it can no longer be edited; add a reply instead."
        : hasDisposition ? "The secretariat has recorded a decision on this comment, so it can no longer be edited."
        : null;
}
