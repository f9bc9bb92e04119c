using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>Invitations by mail, and forgotten passwords: the mail, the link, and what the pages tell a stranger.</summary>
[Collection(MailAppCollection.Name)]
public sealed class PasswordResetTests(MailAppFactory app)
{
    private const string OldPassword = "the-old-password-1";
    private const string NewPassword = "a-brand-new-password";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";

    private static Task<HttpResponseMessage> AskForResetAsync(HttpClient client, string email) =>
        AppFactory.PostFormAsync(client, "/account/forgot-password", new() { ["Email"] = email });

    private static Task<HttpResponseMessage> SignInAsync(string email, string password, HttpClient client) =>
        AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<string> ResetLinkAsync(string email)
    {
        Assert.Equal(HttpStatusCode.OK, (await AskForResetAsync(app.Anonymous(), email)).StatusCode);
        return MailTests.LinkTo(await app.Mail.WaitForAsync(email, "password-reset"), "/account/reset-password");
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password) =>
        await AppFactory.PostFormAsync(client, link, new() { ["Password"] = password }, formPage: link);

    private static string Answer(string html) =>
        Regex.Match(html, "data-testid=\"reset-answer\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task An_invitation_is_mailed_with_who_invited_the_role_and_the_expiry_and_its_link_creates_the_account()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var inviter = await app.DbAsync(db => db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.DisplayName).SingleAsync());
        var email = Unique("invited");

        var (_, page) = await AccountTests.InviteAsync(secretariat, email, Roles.Moderator, days: "10");

        var mail = await app.Mail.WaitForAsync(email, "invitation");
        var expires = await app.DbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.ExpiresAt).SingleAsync());
        Assert.Equal($"{inviter} invited you to GuidelinesReview", mail.Subject);
        Assert.Contains($"{inviter} invited you to GuidelinesReview", mail.Text, StringComparison.Ordinal);
        Assert.Contains("with the role Moderator", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"until {expires:d MMMM yyyy, HH:mm} UTC", mail.Text, StringComparison.Ordinal);
        Assert.Equal("Invited Person", mail.Message.To.Mailboxes.Single().Name);
        var link = MailTests.LinkTo(mail, "/account/invite/");

        // The same link is still shown to copy.
        Assert.Contains(MailAppFactory.PublicBaseUrl + link, page, StringComparison.Ordinal);

        var invitee = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostFormAsync(invitee, link, AccountTests.AccountFields())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_a_known_and_an_unknown_address_alike_and_mails_only_the_known_one()
    {
        var known = Unique("known");
        var unknown = Unique("unknown");
        await app.CreateUserAsync(known, OldPassword, Roles.Expert);

        var forKnown = await AskForResetAsync(app.Anonymous(), known);
        var forUnknown = await AskForResetAsync(app.Anonymous(), unknown);

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var knownAnswer = Answer(await forKnown.Content.ReadAsStringAsync());
        Assert.StartsWith($"If an account uses {known}, a mail with a link to choose a new password is on its way to it.", knownAnswer, StringComparison.Ordinal);
        Assert.Equal(knownAnswer.Replace(known, "ADDRESS", StringComparison.Ordinal), Answer(await forUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal));

        var mail = await app.Mail.WaitForAsync(known, "password-reset");
        Assert.Contains("for 2 hours", mail.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.Mail.CountAsync(unknown));
        Assert.Equal(0, await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == unknown)));
    }

    [Fact]
    public async Task A_reset_link_sets_the_new_password_once_and_signs_out_the_other_sessions()
    {
        var email = Unique("reset");
        await app.CreateUserAsync(email, OldPassword, Roles.Expert);
        var otherBrowser = await app.SignInAsync(email, OldPassword);
        var link = await ResetLinkAsync(email);

        var browser = app.Anonymous();
        var form = await browser.GetStringAsync(link);
        Assert.Contains($"New password for {email}", form, StringComparison.Ordinal);
        var reset = await ResetAsync(browser, link, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, NewPassword, app.Anonymous())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, OldPassword, app.Anonymous())).StatusCode); // refused: the form again
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.GetAsync("/account/profile")).StatusCode); // signed out, sent to sign in

        var again = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This reset link has been used already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_older_than_two_hours_is_refused_and_the_password_stays()
    {
        var email = Unique("late");
        await app.CreateUserAsync(email, OldPassword, Roles.Expert);
        var link = await ResetLinkAsync(email);
        var browser = app.Anonymous();
        var token = await AppFactory.AntiforgeryTokenAsync(browser, link);

        app.Clock.Set(app.Clock.UtcNow.AddHours(2).AddMinutes(1));
        var page = await browser.GetAsync(link);
        var posted = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["Password"] = NewPassword, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This reset link has expired: a link works for 2 hours. Ask for a new one.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, OldPassword, app.Anonymous())).StatusCode);
    }

    [Fact]
    public async Task A_reset_does_not_lift_a_lockout()
    {
        var email = Unique("lockreset");
        await app.CreateUserAsync(email, OldPassword, Roles.Expert);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(email, $"wrong-password-{i}", app.Anonymous());
        }

        var lockedUntil = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);

        var link = await ResetLinkAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await ResetAsync(app.Anonymous(), link, NewPassword)).StatusCode);

        var during = await SignInAsync(email, NewPassword, app.Anonymous());
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Contains("or the account is locked after 5 wrong passwords in a row", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(lockedUntil, await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_fourth_reset_request_for_one_address_within_an_hour_is_refused_and_sends_nothing()
    {
        var email = Unique("flood");
        await app.CreateUserAsync(email, OldPassword, Roles.Expert);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AskForResetAsync(app.Anonymous(), email)).StatusCode);
        }

        var fourth = await AskForResetAsync(app.Anonymous(), email);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Contains("Links for this e-mail address were asked for 3 times in the last hour; nothing was sent.", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == email)));
    }
}
