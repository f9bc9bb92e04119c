using System.Net;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The app with its mail server down: nothing listens on the SMTP port until a test starts the sink there.</summary>
public sealed class MailServerDownAppFactory() : MailAppFactoryWithoutSink(maxAttempts: 50);

/// <summary>The app with its mail server down for good, giving mail up after three attempts.</summary>
public sealed class MailServerGoneAppFactory() : MailAppFactoryWithoutSink(maxAttempts: 3);

public abstract class MailAppFactoryWithoutSink(int maxAttempts) : MailAppFactory(sink: null, smtpPort: MailSink.FreePort(), maxAttempts)
{
    /// <summary>The mail server comes back: a sink starts on the port the app sends to.</summary>
    public async Task StartSinkAsync() => Sink = await MailSink.StartAsync(SmtpPort);
}

public sealed class MailOutageTests(MailServerDownAppFactory app) : IClassFixture<MailServerDownAppFactory>
{
    [Fact]
    public async Task An_invitation_made_while_the_mail_server_is_down_is_kept_and_delivered_once_when_it_is_back()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var email = $"outage-{Guid.NewGuid():N}"[..20] + "@example.org";

        // The page answers at once, with the link to copy, although no mail can go out.
        var (response, page) = await AccountTests.InviteAsync(secretariat, email, Roles.Expert);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Invitation created and mailed.", page, StringComparison.Ordinal);

        await MailTests.WaitUntilAsync(async () => (await RowAsync(email)).Attempts >= 2);
        var failing = await RowAsync(email);
        Assert.Null(failing.SentAt);
        Assert.Null(failing.FailedAt);
        Assert.Contains("SocketException", failing.LastError, StringComparison.Ordinal);

        await app.StartSinkAsync();
        var mail = await app.Mail.WaitForAsync(email, "invitation");
        await MailTests.WaitUntilAsync(async () => (await RowAsync(email)).SentAt is not null);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more polls: a second copy would have gone by now

        Assert.Equal(1, await app.Mail.CountAsync(email));
        Assert.Contains("with the role Expert", mail.Text, StringComparison.Ordinal);
        Assert.Equal((await RowAsync(email)).MessageId, mail.Message.MessageId);
    }

    private Task<OutboxMail> RowAsync(string email) => app.DbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == email));
}

public sealed class MailGiveUpTests(MailServerGoneAppFactory app) : IClassFixture<MailServerGoneAppFactory>
{
    [Fact]
    public async Task A_mail_that_cannot_be_sent_is_given_up_after_the_last_attempt_and_kept_with_its_error()
    {
        var email = $"gone-{Guid.NewGuid():N}"[..20] + "@example.org";
        await app.ScopedAsync(async sp =>
        {
            await sp.GetRequiredService<MailOutbox>().EnqueueAsync(new OutgoingMail(email, "", "Never sent", "Words.", null, "notice"), CancellationToken.None);
            return 0;
        });

        await MailTests.WaitUntilAsync(async () => await app.DbAsync(db => db.OutboxMails.AnyAsync(m => m.To == email && m.FailedAt != null)));
        await Task.Delay(TimeSpan.FromSeconds(2)); // no attempt after the last one

        var row = await app.DbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == email));
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Contains("SocketException", row.LastError, StringComparison.Ordinal);
    }
}
