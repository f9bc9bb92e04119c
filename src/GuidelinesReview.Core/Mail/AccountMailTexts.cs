using System.Globalization;

namespace GuidelinesReview.Core.Mail;

/// <summary>
/// The words of the account mails (invitation, address confirmation, password reset) in one
/// language. One implementation per language the interface has; <see cref="AccountMailTexts.For"/>
/// falls back to English for the others.
/// </summary>
public interface IAccountMailTexts
{
    /// <summary>The language these texts are in (BCP 47), sent as the mail's Content-Language.</summary>
    string Language { get; }

    MailContent Invitation(InvitationMail mail);

    MailContent AddressConfirmation(string displayName, string link, TimeSpan validFor);

    MailContent PasswordReset(string displayName, string link, TimeSpan validFor);
}

/// <summary>What an invitation mail says: who invited whom, to which role, until when.</summary>
public sealed record InvitationMail(string InviteeName, string InviterName, string Role, DateTime ExpiresAtUtc, string Link);

public static class AccountMailTexts
{
    private static readonly Dictionary<string, IAccountMailTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new EnglishAccountMailTexts(),
    };

    /// <summary>
    /// The texts in <paramref name="language"/> (e.g. "fr" or "fr-CA": the primary language counts),
    /// or in English when the interface has no texts in it yet.
    /// </summary>
    public static IAccountMailTexts For(string? language)
    {
        var primary = (language ?? "").Split('-', 2)[0];
        return ByLanguage.TryGetValue(primary, out var texts) ? texts : ByLanguage["en"];
    }
}

internal sealed class EnglishAccountMailTexts : IAccountMailTexts
{
    public string Language => "en";

    public MailContent Invitation(InvitationMail mail) => MailBody.Start()
        .Paragraph(Greeting(mail.InviteeName))
        .Paragraph($"{mail.InviterName} invited you to GuidelinesReview, where the secretariat consults experts on guideline drafts, with the role {mail.Role}.")
        .Link("Create your account", mail.Link)
        .Paragraph($"The link works once, until {mail.ExpiresAtUtc.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC. If you did not expect this invitation, ignore this mail: no account is created without the link.")
        .WithSubject($"{mail.InviterName} invited you to GuidelinesReview", Language);

    public MailContent AddressConfirmation(string displayName, string link, TimeSpan validFor) => MailBody.Start()
        .Paragraph(Greeting(displayName))
        .Paragraph("Confirm that this is your address, so that you can comment on drafts and get mail from GuidelinesReview.")
        .Link("Confirm my address", link)
        .Paragraph($"The link works once, for {Duration(validFor)}. If you did not create an account, ignore this mail.")
        .WithSubject("Confirm your address for GuidelinesReview", Language);

    public MailContent PasswordReset(string displayName, string link, TimeSpan validFor) => MailBody.Start()
        .Paragraph(Greeting(displayName))
        .Paragraph("Someone asked to reset the password of your GuidelinesReview account. If it was you, choose a new password here:")
        .Link("Choose a new password", link)
        .Paragraph($"The link works once, for {Duration(validFor)}. If you did not ask for it, ignore this mail: your password stays as it is.")
        .WithSubject("Reset your GuidelinesReview password", Language);

    private static string Greeting(string name) => string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name.Trim()},";

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
        ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}"
        : $"{span.TotalMinutes:0} minute{(span.TotalMinutes == 1 ? "" : "s")}";
}
