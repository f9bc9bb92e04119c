namespace GuidelinesReview.Web.Mail;

/// <summary>
/// One mail to queue. <paramref name="Kind"/> is a short machine word ("invitation",
/// "confirm-address", "password-reset", "digest"), logged and stored; <paramref name="UnsubscribeUrl"/>
/// (digests) becomes the List-Unsubscribe header; <paramref name="Language"/> the Content-Language.
/// </summary>
public sealed record OutgoingMail(string To, string ToName, string Subject, string TextBody, string? HtmlBody, string Kind, string? UnsubscribeUrl = null, string Language = "en");
