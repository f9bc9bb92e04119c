using System.Globalization;
using GuidelinesReview.Core.Mail;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// The account mails: invitation, address confirmation, password reset. Each makes its link and
/// queues the mail; none waits for the mail server.
/// </summary>
public sealed class AccountMails(MailOutbox outbox, UserManager<AppUser> users, AccountTokenProvider tokens, PublicLinks links, IOptions<MailOptions> options)
{
    /// <summary>
    /// Mails the person a link to /account/confirm-email. Asked for by the person themselves (at
    /// registration), so the mail is in the language they are using the site in.
    /// </summary>
    public async Task SendAddressConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Page("/Account/ConfirmEmail", new { userId = user.Id, code });
        var texts = AccountMailTexts.For(CultureInfo.CurrentUICulture.Name);
        await QueueAsync(user, texts.AddressConfirmation(user.DisplayName, link, options.Value.ConfirmationLinkLifetime), "confirm-address", texts.Language, ct);
    }

    /// <summary>Mails the person a link to /account/reset-password.</summary>
    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Page("/Account/ResetPassword", new { userId = user.Id, code });
        var texts = AccountMailTexts.For(CultureInfo.CurrentUICulture.Name);
        await QueueAsync(user, texts.PasswordReset(user.DisplayName, link, options.Value.ResetLinkLifetime), "password-reset", texts.Language, ct);
    }

    /// <summary>
    /// Mails an invitation link (the one also shown to the secretariat to copy). The invitee's
    /// language is not known yet, so it is in the platform's default language.
    /// </summary>
    public async Task SendInvitationAsync(Invitation invitation, string link, string inviterName, CancellationToken ct)
    {
        var texts = AccountMailTexts.For(null);
        var content = texts.Invitation(new InvitationMail(invitation.DisplayName, inviterName, invitation.Role, invitation.ExpiresAt, link));
        await outbox.EnqueueAsync(new OutgoingMail(invitation.Email, invitation.DisplayName, content.Subject, content.Text, content.Html, "invitation", Language: texts.Language), ct);
    }

    /// <summary>
    /// The account a mailed link (its userId and code) is for, and whether the code still opens it
    /// for <paramref name="purpose"/> (<see cref="UserManager{TUser}.ConfirmEmailTokenPurpose"/> or
    /// <see cref="UserManager{TUser}.ResetPasswordTokenPurpose"/>). An unknown account reads as an invalid link.
    /// </summary>
    public async Task<(AppUser? User, TokenCheck Check)> CheckLinkAsync(string? userId, string? code, string purpose)
    {
        var user = string.IsNullOrEmpty(userId) || userId.Length > 100 ? null : await users.FindByIdAsync(userId);
        return user is null ? (null, TokenCheck.Invalid) : (user, await tokens.CheckAsync(purpose, code, users, user));
    }

    /// <summary>
    /// Confirms the address, then changes the security stamp: Identity's confirmation alone leaves
    /// the token valid, and a link must work once.
    /// </summary>
    public async Task<bool> ConfirmAddressAsync(AppUser user, string code)
    {
        var confirmed = await users.ConfirmEmailAsync(user, code);
        return confirmed.Succeeded && (await users.UpdateSecurityStampAsync(user)).Succeeded;
    }

    private Task QueueAsync(AppUser user, MailContent content, string kind, string language, CancellationToken ct) =>
        outbox.EnqueueAsync(new OutgoingMail(user.Email!, user.DisplayName, content.Subject, content.Text, content.Html, kind, Language: language), ct);
}
