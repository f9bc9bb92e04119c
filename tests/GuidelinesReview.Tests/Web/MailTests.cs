using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GuidelinesReview.Tests.Web;

/// <summary>Mail through the outbox and the background sender to a real SMTP sink, and the links in it.</summary>
[Collection(MailAppCollection.Name)]
public sealed partial class MailTests(MailAppFactory app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";

    /// <summary>The path of the first link in a mail's text part that goes to <paramref name="page"/>.</summary>
    internal static string LinkTo(SunkMail mail, string page)
    {
        var match = Regex.Match(mail.Text, $@"{Regex.Escape(MailAppFactory.PublicBaseUrl)}({Regex.Escape(page)}\?\S+)");
        Assert.True(match.Success, $"the mail links to {page}: {mail.Text}");
        return match.Groups[1].Value;
    }

    private async Task<AppUser> UnconfirmedUserAsync(string email, string name = "Ama Owusu") => await app.ScopedAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = false };
        Assert.True((await users.CreateAsync(user, "a-long-password-1")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Expert);
        return user;
    });

    private Task SendConfirmationAsync(AppUser user) => app.ScopedAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await sp.GetRequiredService<AccountMails>().SendAddressConfirmationAsync((await users.FindByIdAsync(user.Id))!, CancellationToken.None);
        return 0;
    });

    private Task<bool> IsConfirmedAsync(string email) => app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    [Fact]
    public async Task A_queued_digest_arrives_with_a_text_and_an_html_part_its_language_a_message_id_and_one_click_unsubscribe()
    {
        var to = Unique("digest");
        await app.ScopedAsync(async sp =>
        {
            await sp.GetRequiredService<MailOutbox>().EnqueueAsync(new OutgoingMail(
                to, "Léa Martin", "Decisions on your comments", "Two of your comments were decided.\r\n", "<p>Two of your comments were decided.</p>",
                "digest", "http://review.test/unsubscribe?t=abc", "fr"), CancellationToken.None);
            return 0;
        });

        var mail = await app.Mail.WaitForAsync(to, "digest");

        Assert.Equal("Decisions on your comments", mail.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Two of your comments were decided.", mail.Text.Trim());
        Assert.Contains("<p>Two of your comments were decided.</p>", mail.Html, StringComparison.Ordinal);
        Assert.Equal("fr", mail.ContentLanguage);
        Assert.Equal("<http://review.test/unsubscribe?t=abc>", mail.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("consultations@review.test", mail.Message.From.Mailboxes.Single().Address);
        Assert.Equal("Léa Martin", mail.Message.To.Mailboxes.Single().Name);

        var row = await app.DbAsync(db => db.OutboxMails.SingleAsync(m => m.To == to));
        Assert.Equal(row.MessageId, mail.Message.MessageId);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_mail_without_html_is_plain_text_only_and_has_no_unsubscribe_header()
    {
        var to = Unique("plain");
        await app.ScopedAsync(async sp =>
        {
            await sp.GetRequiredService<MailOutbox>().EnqueueAsync(new OutgoingMail(to, "", "Plain", "Only words.", null, "notice"), CancellationToken.None);
            return 0;
        });

        var mail = await app.Mail.WaitForAsync(to, "notice");

        Assert.Equal("text/plain", mail.Message.Body!.ContentType.MimeType);
        Assert.Equal("Only words.", mail.Text.Trim());
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("en", mail.ContentLanguage);
    }

    [Fact]
    public async Task The_confirmation_link_confirms_the_address_once_and_says_so_when_used_again()
    {
        var email = Unique("confirm");
        var user = await UnconfirmedUserAsync(email, "Ama <b>Owusu</b>");
        await SendConfirmationAsync(user);

        var mail = await app.Mail.WaitForAsync(email, "confirm-address");
        Assert.Equal("Confirm your address for GuidelinesReview", mail.Subject);
        Assert.Contains("Hello Ama <b>Owusu</b>,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hello Ama &lt;b&gt;Owusu&lt;/b&gt;,", mail.Html, StringComparison.Ordinal); // a name is words, not markup
        Assert.Contains("for 24 hours", mail.Text, StringComparison.Ordinal);
        var link = LinkTo(mail, "/account/confirm-email");

        var browser = app.Anonymous();
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Confirm my address", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await IsConfirmedAsync(email)); // opening the link (as a mail scanner does) confirms nothing

        var confirmed = await AppFactory.PostFormAsync(browser, link, [], formPage: link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await IsConfirmedAsync(email));

        var again = await browser.GetStringAsync(link);
        Assert.Contains($"This link has been used: {email} is already confirmed.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm my address</button>", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_link_older_than_a_day_says_it_expired_and_sends_a_new_one_that_works()
    {
        var email = Unique("expired");
        var user = await UnconfirmedUserAsync(email);
        await SendConfirmationAsync(user);
        var link = LinkTo(await app.Mail.WaitForAsync(email, "confirm-address"), "/account/confirm-email");

        var browser = app.Anonymous();
        var token = await AppFactory.AntiforgeryTokenAsync(browser, link); // the page has no form once the link has expired
        app.Clock.Set(app.Clock.UtcNow.AddHours(24).AddMinutes(1));
        var page = await browser.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This confirmation link has expired: a link works for 24 hours.", html, StringComparison.Ordinal);

        // Refused: nothing confirmed, even when posted.
        var refused = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(await IsConfirmedAsync(email));

        var resent = await browser.PostAsync(link + "&handler=NewLink", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await WaitUntilAsync(async () => await app.Mail.CountAsync(email, "confirm-address") == 2);
        var newLink = LinkTo(await app.Mail.WaitForAsync(email, "confirm-address"), "/account/confirm-email");
        Assert.NotEqual(link, newLink);

        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostFormAsync(browser, newLink, [], formPage: newLink)).StatusCode);
        Assert.True(await IsConfirmedAsync(email));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_as_not_valid()
    {
        var email = Unique("tamper");
        var user = await UnconfirmedUserAsync(email);
        await SendConfirmationAsync(user);
        var link = LinkTo(await app.Mail.WaitForAsync(email, "confirm-address"), "/account/confirm-email");
        var tampered = Regex.Replace(link, "code=(.)", m => "code=" + (m.Groups[1].Value == "A" ? "B" : "A"));

        var page = await app.Anonymous().GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This confirmation link is not valid.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await IsConfirmedAsync(email));
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s");
            await Task.Delay(100);
        }
    }
}
