using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Notifications;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Notifications;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app mailing digests to a real SMTP sink, on a test clock; the tests run the digest pass
/// themselves (the background pass is off) at the instants they choose. Each test makes its own
/// people, so the mails a test reads are its own.
/// </summary>
public sealed class DigestAppFactory() : MailAppFactory(MailSink.StartAsync().GetAwaiter().GetResult(), smtpPort: null)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GuidelinesReview:Notifications:BackgroundPass", "false");
        builder.UseSetting("GuidelinesReview:Notifications:BatchSeconds", "30");
        builder.UseSetting("GuidelinesReview:Notifications:DailyHourUtc", "7");
    }

    /// <summary>Runs one digest pass at the clock's now, as the background service would.</summary>
    public Task<int> DigestPassAsync() => ScopedAsync(sp => sp.GetRequiredService<DigestPass>().RunAsync(CancellationToken.None));

    /// <summary>An account with a confirmed address (as an invitation gives), the role and group given; returns its e-mail.</summary>
    public async Task<string> PersonAsync(string name, string role = Roles.Expert, StakeholderGroup group = StakeholderGroup.Academia)
    {
        var email = $"person-{Guid.NewGuid():N}@digest.test";
        await ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, StakeholderGroup = group, CreatedAt = Clock.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            return await users.AddToRoleAsync(user, role);
        });
        return email;
    }
}

[CollectionDefinition(Name)]
public sealed class DigestAppCollection : ICollectionFixture<DigestAppFactory>
{
    public const string Name = "app mailing digests";
}

[Collection(DigestAppCollection.Name)]
public sealed class DigestTests(DigestAppFactory app)
{
    private const string Secretariat = "secretariat@demo.local";

    [Fact]
    public async Task A_reply_reaches_the_author_in_one_immediate_mail_with_the_reply_text_and_their_own_reply_does_not()
    {
        var author = await app.PersonAsync("Amara Diallo");
        var replier = await app.PersonAsync("Kofi Mensah");
        var authorClient = await app.SignInAsync(author);
        await ChooseAsync(authorClient, "Immediately");
        var commentId = await PostAsync(authorClient, "Open data needs a licence that allows reuse.");
        await PostAsync(authorClient, "And the licence should be named.", parentId: commentId);

        app.Clock.Set(app.Clock.UtcNow);
        await PostAsync(await app.SignInAsync(replier), "Agreed: CC BY 4.0 would do.", parentId: commentId);

        await app.DigestPassAsync();
        Assert.Equal(0, await QueuedAsync(author)); // waits for what arrives together

        app.Clock.Set(app.Clock.UtcNow.AddSeconds(31));
        Assert.Equal(1, await app.DigestPassAsync());
        var mail = await app.Mail.WaitForAsync(author, DigestPass.MailKind);
        Assert.Equal("[Guidelines review] 1 reply on Guidelines on People-Centred Smart Cities", mail.Subject);
        Assert.Contains("Kofi Mensah replied to your comment “Open data needs a licence that allows reuse.”", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Agreed: CC BY 4.0 would do.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{MailAppFactory.PublicBaseUrl}/guidelines/{AppFactory.SampleSlug}/v/3#{Anchor}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("And the licence should be named.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Agreed: CC BY 4.0 would do.", mail.Html, StringComparison.Ordinal);

        app.Clock.Set(app.Clock.UtcNow.AddDays(1));
        await app.DigestPassAsync();
        Assert.Equal(1, await QueuedAsync(author));
        Assert.Equal(0, await QueuedAsync(replier));
    }

    [Fact]
    public async Task A_decision_on_a_daily_subscribers_comment_arrives_in_the_next_daily_digest_with_the_observation_and_never_twice()
    {
        var author = await app.PersonAsync("Lucía Pérez");
        var commentId = await PostAsync(await app.SignInAsync(author), "Section 2 should say who pays for the sensors.");
        var secretariat = await app.SignInAsync(Secretariat);
        await DecideAsync(secretariat, commentId, Decision.Noted, "To be discussed at the meeting.");
        await DecideAsync(secretariat, commentId, Decision.AcceptedInPart, "Funding is now covered in 4.2; the sensors' upkeep is left to cities.");

        var now = app.Clock.UtcNow;
        app.Clock.Set(now);
        await app.DigestPassAsync();
        var nextMorning = new DigestSchedule(TimeSpan.Zero, 7).NextDailyAfter(now);
        app.Clock.Set(nextMorning.AddSeconds(-1));
        await app.DigestPassAsync();
        Assert.Equal(0, await QueuedAsync(author));

        app.Clock.Set(nextMorning);
        await app.DigestPassAsync();
        var mail = await app.Mail.WaitForAsync(author, DigestPass.MailKind);
        Assert.Equal("[Guidelines review] 1 decision on Guidelines on People-Centred Smart Cities", mail.Subject);
        Assert.Contains("Decision on your comment “Section 2 should say who pays for the sensors.”: Accepted in part", mail.Text, StringComparison.Ordinal);
        Assert.Contains("The secretariat's observation: Funding is now covered in 4.2; the sensors' upkeep is left to cities.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("To be discussed", mail.Text, StringComparison.Ordinal);
        Assert.Contains("once a day at 07:00 UTC", mail.Text, StringComparison.Ordinal);

        app.Clock.Set(nextMorning.AddDays(1));
        await app.DigestPassAsync();
        Assert.Equal(1, await QueuedAsync(author));
    }

    [Fact]
    public async Task Someone_who_chose_never_gets_nothing_even_for_what_was_recorded_before_they_chose()
    {
        var author = await app.PersonAsync("Wei Zhang");
        var authorClient = await app.SignInAsync(author);
        var commentId = await PostAsync(authorClient, "The glossary should define 'digital twin'.");
        var secretariat = await app.SignInAsync(Secretariat);
        await DecideAsync(secretariat, commentId, Decision.Accepted, "Added to the glossary.");

        await ChooseAsync(authorClient, "Never");
        await PostAsync(await app.SignInAsync(await app.PersonAsync("Nadia Haddad")), "Seconded.", parentId: commentId);
        await DecideAsync(secretariat, commentId, Decision.Accepted, "Added to the glossary, with an example.");

        app.Clock.Set(app.Clock.UtcNow.AddDays(2));
        await app.DigestPassAsync();
        Assert.Equal(0, await QueuedAsync(author));
        Assert.Equal(0, await app.DbAsync(db => db.Notifications.CountAsync(n => n.CommentId == commentId && n.DoneAt == null)));
    }

    [Fact]
    public async Task The_unsubscribe_link_works_once_without_signing_in_and_a_tampered_one_is_refused_with_a_sentence()
    {
        var author = await app.PersonAsync("Olga Ivanova");
        var authorClient = await app.SignInAsync(author);
        await ChooseAsync(authorClient, "Immediately");
        var commentId = await PostAsync(authorClient, "Add a checklist for procurement.");
        await PostAsync(await app.SignInAsync(await app.PersonAsync("Tomás Silva")), "A checklist is in annex C.", parentId: commentId);
        app.Clock.Set(app.Clock.UtcNow.AddMinutes(1));
        await app.DigestPassAsync();
        var mail = await app.Mail.WaitForAsync(author, DigestPass.MailKind);

        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith($"{MailAppFactory.PublicBaseUrl}/notifications/unsubscribe?token=", link, StringComparison.Ordinal);
        Assert.Contains($"Stop these mails: {link}", mail.Text, StringComparison.Ordinal);
        var path = link[MailAppFactory.PublicBaseUrl.Length..];
        var anonymous = app.Anonymous();

        var tampered = Regex.Replace(path, "token=(.)", m => "token=" + (m.Groups[1].Value == "A" ? "B" : "A"));
        var refused = await anonymous.PostAsync(tampered, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This unsubscribe link is not valid", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NotificationFrequency.Immediately, await FrequencyAsync(author));

        var page = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Stop digest mails</button>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NotificationFrequency.Immediately, await FrequencyAsync(author)); // opening the link only asks

        var oneClick = await anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("Done: you will get no more digest mails.", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NotificationFrequency.Never, await FrequencyAsync(author));

        await ChooseAsync(authorClient, "Daily");
        var again = await anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This link has already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NotificationFrequency.Daily, await FrequencyAsync(author));
    }

    [Fact]
    public async Task The_profile_refuses_an_unknown_choice_with_a_sentence_and_keeps_the_saved_one()
    {
        var person = await app.PersonAsync("Ravi Kumar");
        var client = await app.SignInAsync(person);
        await ChooseAsync(client, "Never");
        var response = await AppFactory.PostFormAsync(client, "/account/profile?handler=Notifications", new() { ["Frequency"] = "Weekly" }, formPage: "/account/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mail notifications: choose immediately, once a day or never.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NotificationFrequency.Never, await FrequencyAsync(person));
        Assert.Contains("id=\"frequency-Never\" value=\"Never\" checked=\"checked\"", await client.GetStringAsync("/account/profile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_opening_for_a_group_reaches_that_group_only_and_its_closing_is_told_too()
    {
        var government = await app.PersonAsync("Ana Quispe", group: StakeholderGroup.NationalGovernment);
        var academic = await app.PersonAsync("Jonas Berg", group: StakeholderGroup.Academia);
        var observer = await app.PersonAsync("Mei Lin", Roles.Observer, StakeholderGroup.NationalGovernment);
        var publicParticipant = await app.PersonAsync("Tomás Rivera", Roles.Public, StakeholderGroup.NationalGovernment);
        await ChooseAsync(await app.SignInAsync(government), "Immediately");
        await ChooseAsync(await app.SignInAsync(publicParticipant), "Immediately");
        await ChooseAsync(await app.SignInAsync(academic), "Immediately");
        await ChooseAsync(await app.SignInAsync(observer), "Immediately");

        var (versionId, _) = await ConsultationDraftAsync(app);
        app.Clock.Set(app.Clock.UtcNow);
        await app.DigestPassAsync(); // the pass looks from here on
        var opens = app.Clock.WholeMinutesAhead(2);
        var closes = opens.AddMinutes(10);
        var windowId = await app.DbAsync(async db =>
        {
            var window = new ConsultationWindow
            {
                VersionId = versionId, Title = "Consultation of governments", OpensAt = opens, ClosesAt = closes,
                Audience = ConsultationAudience.StakeholderGroups, Groups = [new ConsultationGroup { Group = StakeholderGroup.NationalGovernment }],
                CreatedById = await db.Users.Where(u => u.Email == Secretariat).Select(u => u.Id).SingleAsync(), CreatedAt = app.Clock.UtcNow,
            };
            db.ConsultationWindows.Add(window);
            await db.SaveChangesAsync();
            return window.Id;
        });
        try
        {
            app.Clock.Set(opens);
            await app.DigestPassAsync();
            app.Clock.Set(opens.AddMinutes(1));
            await app.DigestPassAsync();
            var opened = await app.Mail.WaitForAsync(government, DigestPass.MailKind);
            Assert.Contains("Consultation open: Consultation of governments", opened.Text, StringComparison.Ordinal);
            Assert.Contains("Open to national governments until", opened.Text, StringComparison.Ordinal);

            app.Clock.Set(closes.AddMinutes(1));
            await app.DigestPassAsync();
            app.Clock.Set(closes.AddMinutes(2));
            await app.DigestPassAsync();
            Assert.Equal(2, await QueuedAsync(government));
            var closed = await LatestAsync(government, count: 2);
            Assert.Contains("Consultation closed: Consultation of governments", closed.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Consultation open:", closed.Text, StringComparison.Ordinal);
            Assert.Equal(0, await QueuedAsync(academic));
            Assert.Equal(0, await QueuedAsync(observer)); // reads, may not comment
            Assert.Equal(0, await QueuedAsync(publicParticipant)); // a members-only window is not the public's to know of
        }
        finally
        {
            await app.DbAsync(db => db.ConsultationWindows.Where(w => w.Id == windowId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task A_translation_offered_for_review_reaches_the_reviewers_of_that_language_only()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync("Les villes centrées sur les personnes.");
        foreach (var who in new[] { "translator", "translator2", "translator3", "translator4" })
        {
            await ChooseAsync(await app.SignInAsync($"{who}@demo.local"), "Immediately");
        }

        await using (var translator = await app.TranslatorAsync("translator"))
        {
            var saved = await translator.InvokeAsync<TranslationSaveResult>("SaveTranslation", versionId, TestTranslations.French, segment, "Les villes centrées sur les personnes.", 0, true);
            Assert.True(saved.Saved);
        }

        app.Clock.Set(app.Clock.UtcNow.AddMinutes(1));
        await app.DigestPassAsync();
        var mail = await app.Mail.WaitForAsync("translator2@demo.local", DigestPass.MailKind);
        Assert.Contains("Translation to review in French", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1 segment is waiting for review.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{MailAppFactory.PublicBaseUrl}/guidelines/{AppFactory.SampleSlug}/v/3/translate/fr", mail.Text, StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync("translator@demo.local")); // offered it themselves
        Assert.Equal(0, await QueuedAsync("translator3@demo.local")); // Spanish
        Assert.Equal(0, await QueuedAsync("translator4@demo.local")); // Arabic
    }

    /// <summary>The latest digest to the address, once the sink has <paramref name="count"/> of them.</summary>
    private async Task<SunkMail> LatestAsync(string email, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.Mail.CountAsync(email, DigestPass.MailKind) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return await app.Mail.WaitForAsync(email, DigestPass.MailKind);
    }

    /// <summary>Digests queued for the address: the pass queues them before it returns; the sink receives them moments later.</summary>
    private Task<int> QueuedAsync(string email) =>
        app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == email && m.Kind == DigestPass.MailKind));

    private async Task<int> PostAsync(HttpClient client, string body, int? parentId = null)
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var response = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, body, parentId: parentId), HubTestClient.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json))!.Id;
    }

    private static async Task DecideAsync(HttpClient secretariat, int commentId, Decision decision, string observation)
    {
        var response = await secretariat.PutAsJsonAsync($"/api/comments/{commentId}/disposition", new DispositionInput(commentId, decision, observation, null, null), HubTestClient.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ChooseAsync(HttpClient client, string frequency)
    {
        var response = await AppFactory.PostFormAsync(client, "/account/profile?handler=Notifications", new() { ["Frequency"] = frequency }, formPage: "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<NotificationFrequency> FrequencyAsync(string email) => app.ScopedAsync(async sp =>
    {
        var id = await sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await sp.GetRequiredService<NotificationSettings>().FrequencyAsync(id, CancellationToken.None);
    });
}
