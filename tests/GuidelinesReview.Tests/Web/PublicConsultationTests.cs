using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Public consultations through the real pipeline: registration while a public window is open,
/// confirmation by the mail in the sink, what public participants and anonymous visitors may read
/// and write (pages, API, hub), and the secretariat's suspension.
/// </summary>
[Collection(PublicConsultationCollection.Name)]
public sealed partial class PublicConsultationTests(PublicConsultationAppFactory app)
{
    private const string ParticipantPassword = "a-long-password-1";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";

    private DateTime Now => app.Clock.UtcNow;

    private async Task<int> OpenPublicWindowOnV3Async()
    {
        var v3 = await app.VersionIdAsync(AppFactory.SampleSlug, 3);
        await app.OnlyWindowAsync(v3, Now.AddHours(-1), Now.AddDays(1));
        return v3;
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string name = "Ana Lima", string password = ParticipantPassword) =>
        AppFactory.PostFormAsync(client, "/account/register", new()
        {
            ["Email"] = email,
            ["Profile.DisplayName"] = name,
            ["Profile.Organisation"] = "Barrio residents' association",
            ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.CivilSociety),
            ["Profile.Region"] = nameof(Region.LatinAmericaAndTheCaribbean),
            ["Password"] = password,
        }, formPage: "/account/login");

    /// <summary>The answer's message part: what a person registering reads.</summary>
    private static string Answer(string html) => RegisteredBlock().Match(html) is { Success: true } m ? m.Value : "(no answer)";

    [GeneratedRegex("<div class=\"alert alert-success\" role=\"status\" data-testid=\"registered\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex RegisteredBlock();

    /// <summary>Registers, then confirms the address with the link from the mail in the sink; returns a signed-in client.</summary>
    private async Task<HttpClient> ConfirmedParticipantAsync(string email)
    {
        await RegisterAsync(app.Anonymous(), email);
        var link = MailTests.LinkTo(await app.Mail.WaitForAsync(email, "confirm-address"), "/account/confirm-email");
        var browser = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.PostFormAsync(browser, link, [], formPage: link)).StatusCode);
        return await app.SignInAsync(email, ParticipantPassword);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    private Task<AppUser?> UserAsync(string email) => app.DbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email));

    [Fact]
    public async Task Outside_a_public_window_registration_says_none_is_open_and_when_the_next_opens_and_saves_nothing()
    {
        var v3 = await app.VersionIdAsync(AppFactory.SampleSlug, 3);
        var opens = new DateTime(Now.Year + 1, 3, 4, 9, 0, 0, DateTimeKind.Utc);
        await app.OnlyWindowAsync(v3, opens, opens.AddDays(30));
        var email = Unique("early");

        var page = await app.Anonymous().GetStringAsync("/account/register");
        var posted = await RegisterAsync(app.Anonymous(), email);
        var login = await app.Anonymous().GetStringAsync("/account/login");

        Assert.Contains("No consultation is open for registration now.", page, StringComparison.Ordinal);
        Assert.Contains($"opens on <time datetime=\"{opens:o}\">{ConsultationRules.Describe(opens)}</time>", page, StringComparison.Ordinal);
        Assert.Contains("No consultation is open for registration now.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
        Assert.DoesNotContain("register-invite", login, StringComparison.Ordinal);

        await app.OnlyWindowAsync(v3, Now.AddHours(-1), Now.AddDays(1), isPublic: false); // open, but for members only
        Assert.Contains("No consultation is open for registration now.", await app.Anonymous().GetStringAsync("/account/register"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_a_public_window_anyone_registers_as_an_unconfirmed_public_participant_and_gets_the_link_by_mail()
    {
        await OpenPublicWindowOnV3Async();
        var email = Unique("ana");

        var login = await app.Anonymous().GetStringAsync("/account/login");
        var response = await RegisterAsync(app.Anonymous(), email);

        Assert.Contains("href=\"/account/register\"", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PublicRegistrationRules.CheckYourMail, Answer(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var user = (await UserAsync(email))!;
        Assert.Equal(("Ana Lima", StakeholderGroup.CivilSociety, false), (user.DisplayName, user.StakeholderGroup, user.EmailConfirmed));
        var roles = await app.ScopedAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user));
        Assert.Equal([Roles.Public], roles);
        Assert.True(await app.DbAsync(db => db.PublicRegistrations.AnyAsync(r => r.UserId == user.Id)));
        var mail = await app.Mail.WaitForAsync(email, "confirm-address");
        Assert.Contains("/account/confirm-email?", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_with_an_address_that_has_an_account_answers_the_same_changes_nothing_and_tells_its_owner()
    {
        await OpenPublicWindowOnV3Async();
        var before = (await UserAsync("expert2@demo.local"))!;

        var fresh = await RegisterAsync(app.Anonymous(), Unique("fresh"));
        var taken = await RegisterAsync(app.Anonymous(), "expert2@demo.local", name: "Someone Else", password: "another-password-9");

        Assert.Equal((HttpStatusCode.OK, Answer(await fresh.Content.ReadAsStringAsync())), (taken.StatusCode, Answer(await taken.Content.ReadAsStringAsync())));
        var after = (await UserAsync("expert2@demo.local"))!;
        Assert.Equal((before.DisplayName, before.PasswordHash, before.SecurityStamp), (after.DisplayName, after.PasswordHash, after.SecurityStamp));
        Assert.False(await app.DbAsync(db => db.PublicRegistrations.AnyAsync(r => r.UserId == before.Id)));
        var mail = await app.Mail.WaitForAsync("expert2@demo.local", "registration-attempt");
        Assert.Equal("Someone tried to register with your address", mail.Subject);
        Assert.NotNull(await app.SignInAsync("expert2@demo.local")); // the old password still works
    }

    [Fact]
    public async Task Before_confirming_their_address_a_participant_is_refused_every_write_over_the_api_and_the_hub_with_the_sentence()
    {
        var v3 = await OpenPublicWindowOnV3Async();
        var expert = await app.SignInAsync("expert@demo.local");
        var existing = await (await expert.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "An expert's comment to reply to."), HubTestClient.Json))
            .Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json);
        var email = Unique("unconfirmed");
        await RegisterAsync(app.Anonymous(), email);
        var sentence = $"Confirm your address first: we sent a link to {email}. No mail? Ask for a new link at /account/confirm-resend.";
        var participant = await app.SignInAsync(email, ParticipantPassword);
        var count = await app.DbAsync(db => db.Comments.CountAsync());

        var post = await participant.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "Mine."), HubTestClient.Json);
        var reply = await participant.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "My reply.", parentId: existing!.Id), HubTestClient.Json);
        using var empty = JsonContent.Create(new { });
        var support = await participant.PutAsync($"/api/comments/{existing.Id}/support", empty);
        await using var hub = await app.HubAsync(email, ParticipantPassword);
        var joined = await hub.InvokeAsync<JoinResult>("JoinVersion", v3, 0);
        var hubPost = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(v3, "Mine, live.")));
        var hubSupport = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("SetSupport", existing.Id, true));

        foreach (var response in new[] { post, reply, support })
        {
            Assert.Equal((HttpStatusCode.Forbidden, sentence), (response.StatusCode, await ErrorOf(response)));
        }

        Assert.Equal(sentence, joined.Consultation!.Refusal);
        Assert.EndsWith(sentence, hubPost.Message, StringComparison.Ordinal);
        Assert.EndsWith(sentence, hubSupport.Message, StringComparison.Ordinal);
        Assert.Equal(count, await app.DbAsync(db => db.Comments.CountAsync()));
        Assert.False(await app.DbAsync(db => db.CommentSupports.AnyAsync(s => s.CommentId == existing.Id)));
        Assert.Contains(email, await participant.GetStringAsync("/account/confirm-resend"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_participant_comments_on_the_public_version_only_while_its_window_is_open()
    {
        var v3 = await OpenPublicWindowOnV3Async();
        var v2 = await app.VersionIdAsync(AppFactory.SampleSlug, 2);
        var membersOnly = await app.VersionIdAsync(PublicConsultationAppFactory.MembersOnlySlug, 1);
        var participant = await ConfirmedParticipantAsync(Unique("confirmed"));

        var onPublic = await participant.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "From a resident."), HubTestClient.Json);
        var onV2 = await participant.PostAsJsonAsync($"/api/versions/{v2}/comments", Post(v2, "On a version without a public window."), HubTestClient.Json);
        var onOther = await participant.PostAsJsonAsync($"/api/versions/{membersOnly}/comments", Post(membersOnly, "On a members-only guideline."), HubTestClient.Json);

        Assert.Equal(HttpStatusCode.Created, onPublic.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, $"Draft version {v2} does not exist."), (onV2.StatusCode, await ErrorOf(onV2)));
        Assert.Equal((HttpStatusCode.NotFound, $"Draft version {membersOnly} does not exist."), (onOther.StatusCode, await ErrorOf(onOther)));
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.VersionId == v2 || c.VersionId == membersOnly)));

        // The public window closed yesterday; an expert review is open now: members comment, the participant does not.
        var closed = Now.AddDays(-1);
        await app.OnlyWindowAsync(v3, closed.AddDays(-7), closed);
        await app.DbAsync(async db =>
        {
            var window = await db.ConsultationWindows.SingleAsync();
            db.ConsultationWindows.Add(new() { VersionId = v3, Title = "Expert review", OpensAt = closed, ClosesAt = Now.AddDays(1), CreatedById = window.CreatedById, CreatedAt = Now });
            return await db.SaveChangesAsync();
        });
        var afterwards = await participant.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "Too late."), HubTestClient.Json);
        var expert = await (await app.SignInAsync("expert@demo.local")).PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "In the expert review."), HubTestClient.Json);

        Assert.Equal((HttpStatusCode.Conflict, $"The consultation on v3 closed on {ConsultationRules.Describe(closed)}. The draft stays readable."), (afterwards.StatusCode, await ErrorOf(afterwards)));
        Assert.Equal(HttpStatusCode.Created, expert.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/3")).StatusCode);
    }

    [Fact]
    public async Task A_public_participant_reads_only_publicly_consulted_versions_on_every_read_path()
    {
        await OpenPublicWindowOnV3Async();
        var v2 = await app.VersionIdAsync(AppFactory.SampleSlug, 2);
        var membersOnly = await app.VersionIdAsync(PublicConsultationAppFactory.MembersOnlySlug, 1);
        var email = Unique("reader");
        var participant = await ConfirmedParticipantAsync(email);
        var slug = AppFactory.SampleSlug;

        var list = await participant.GetStringAsync("/guidelines");
        var guideline = await participant.GetStringAsync($"/guidelines/{slug}");
        Assert.Contains("Guidelines on People-Centred Smart Cities", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Members-only guide", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/guidelines/{slug}/v/3\"", guideline, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/guidelines/{slug}/v/2\"", guideline, StringComparison.Ordinal);

        foreach (var path in new[]
        {
            $"/guidelines/{PublicConsultationAppFactory.MembersOnlySlug}",
            $"/guidelines/{PublicConsultationAppFactory.MembersOnlySlug}/v/1",
            $"/guidelines/{PublicConsultationAppFactory.MembersOnlySlug}/my-comments",
            $"/guidelines/{slug}/v/2",
            $"/guidelines/{slug}/v/2/fr",
            $"/guidelines/{slug}/compare?from=2&to=3",
            $"/api/versions/{v2}/comments",
            $"/api/versions/{membersOnly}/comments",
        })
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await participant.GetAsync(path)).StatusCode));
        }

        foreach (var path in new[] { "/meetings", "/meetings/egm-2", $"/guidelines/{slug}/glossary", "/admin/registrations" })
        {
            var response = await participant.GetAsync(path);
            Assert.Equal((path, HttpStatusCode.Redirect, "/account/access-denied"), (path, response.StatusCode, response.Headers.Location!.AbsolutePath));
        }

        await using var hub = await app.HubAsync(email, ParticipantPassword);
        var joinV2 = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync<JoinResult>("JoinVersion", v2, 0));
        var joinOther = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync<JoinResult>("JoinVersion", membersOnly, 0));
        Assert.EndsWith($"Draft version {v2} does not exist.", joinV2.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Draft version {membersOnly} does not exist.", joinOther.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/guidelines/{slug}/v/3")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_read_publicly_consulted_drafts_only_where_the_guideline_allows_it_and_never_the_comments()
    {
        var v3 = await OpenPublicWindowOnV3Async();
        var slug = AppFactory.SampleSlug;
        var anonymous = app.Anonymous();
        var expert = await app.SignInAsync("expert@demo.local");
        await expert.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "An expert's private thought."), HubTestClient.Json);

        await app.AnonymousReadingAsync(false);
        var whileOff = await anonymous.GetAsync($"/guidelines/{slug}/v/3");
        await app.AnonymousReadingAsync(true);
        var draft = await anonymous.GetAsync($"/guidelines/{slug}/v/3");
        var html = await draft.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.Redirect, "/account/login"), (whileOff.StatusCode, whileOff.Headers.Location!.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("data-testid=\"register-link\"", html, StringComparison.Ordinal);
        Assert.Contains("Public online consultation · for everyone signed in who may comment, and the public once registered", html, StringComparison.Ordinal);
        Assert.DoesNotContain("review.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("live-status", html, StringComparison.Ordinal);
        Assert.DoesNotContain("An expert's private thought.", html, StringComparison.Ordinal);
        foreach (var path in new[] { $"/guidelines/{slug}/v/2", $"/guidelines/{PublicConsultationAppFactory.MembersOnlySlug}/v/1", $"/guidelines/{slug}", $"/guidelines/{slug}/compare?from=2&to=3" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal((path, HttpStatusCode.Redirect, "/account/login"), (path, response.StatusCode, response.Headers.Location!.AbsolutePath));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/versions/{v3}/comments")).StatusCode);

        // After the window: still readable, no longer an invitation to register.
        await app.OnlyWindowAsync(v3, Now.AddDays(-10), Now.AddDays(-1));
        var after = await anonymous.GetStringAsync($"/guidelines/{slug}/v/3");
        Assert.Contains("data-testid=\"public-reading\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"register-link\"", after, StringComparison.Ordinal);

        // Before it opens: members only.
        await app.OnlyWindowAsync(v3, Now.AddDays(1), Now.AddDays(10));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/guidelines/{slug}/v/3")).StatusCode);
    }

    [Fact]
    public async Task Suspending_a_participant_cuts_them_off_at_once_keeps_their_comments_and_reinstating_lets_them_back()
    {
        var v3 = await OpenPublicWindowOnV3Async();
        var email = Unique("suspended");
        var participant = await ConfirmedParticipantAsync(email);
        await participant.PostAsJsonAsync($"/api/versions/{v3}/comments", Post(v3, "Posted before the suspension."), HubTestClient.Json);
        await using var hub = await app.HubAsync(email, ParticipantPassword);
        await hub.InvokeAsync<JoinResult>("JoinVersion", v3, 0);
        var userId = (await UserAsync(email))!.Id;
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var refused = await AppFactory.PostFormAsync(secretariat, "/admin/registrations?handler=Suspend", new() { ["userId"] = userId, ["reason"] = "  " }, formPage: "/admin/registrations");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Give the reason for the suspension", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync("/guidelines")).StatusCode);

        var suspended = await AppFactory.PostFormAsync(secretariat, "/admin/registrations?handler=Suspend", new() { ["userId"] = userId, ["reason"] = "Posted advertising." }, formPage: "/admin/registrations");

        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var page = await participant.GetAsync("/guidelines");
        Assert.Equal((HttpStatusCode.Redirect, "/account/login"), (page.StatusCode, page.Headers.Location!.AbsolutePath));
        var live = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(v3, "After the suspension.")));
        Assert.Contains("Your account changed", live.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(email, ParticipantPassword));
        Assert.True(await app.DbAsync(db => db.Comments.AnyAsync(c => c.AuthorId == userId && c.Body == "Posted before the suspension.")));
        Assert.Contains("Suspended on", await secretariat.GetStringAsync("/admin/registrations"), StringComparison.Ordinal);

        var reinstated = await AppFactory.PostFormAsync(secretariat, "/admin/registrations?handler=Reinstate", new() { ["userId"] = userId }, formPage: "/admin/registrations");
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.NotNull(await app.SignInAsync(email, ParticipantPassword));
    }

    [Theory]
    [InlineData("expert@demo.local")]
    [InlineData("observer@demo.local")]
    [InlineData("public")]
    public async Task Only_the_secretariat_lists_and_suspends_registrations(string who)
    {
        await OpenPublicWindowOnV3Async();
        var target = Unique("target");
        await RegisterAsync(app.Anonymous(), target);
        var targetId = (await UserAsync(target))!.Id;
        var client = who == "public" ? await ConfirmedParticipantAsync(Unique("other")) : await app.SignInAsync(who);
        var token = await AppFactory.AntiforgeryTokenAsync(client, "/account/profile");

        var list = await client.GetAsync("/admin/registrations");
        var suspend = await client.PostAsync("/admin/registrations?handler=Suspend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = targetId,
            ["reason"] = "Not theirs to decide.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal((HttpStatusCode.Redirect, "/account/access-denied"), (list.StatusCode, list.Headers.Location!.AbsolutePath));
        Assert.Equal((HttpStatusCode.Redirect, "/account/access-denied"), (suspend.StatusCode, suspend.Headers.Location!.AbsolutePath));
        Assert.Null(await app.DbAsync(db => db.PublicRegistrations.Where(r => r.UserId == targetId).Select(r => r.SuspendedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/admin/registrations")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_opens_a_window_to_the_public_and_lets_the_guideline_be_read_without_signing_in_on_the_window_form()
    {
        var v3 = await app.VersionIdAsync(AppFactory.SampleSlug, 3);
        await app.DbAsync(db => db.ConsultationWindows.ExecuteDeleteAsync());
        await app.AnonymousReadingAsync(false);
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var path = $"/guidelines/{AppFactory.SampleSlug}/v/3/consultation";
        var opens = Now.AddMinutes(-5);
        var closes = Now.AddDays(30);

        var saved = await AppFactory.PostFormAsync(secretariat, path, new()
        {
            ["Input.Title"] = "Public online consultation",
            ["Input.TimeZone"] = "UTC",
            ["Input.OpensAt"] = opens.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesAt"] = closes.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Audience"] = "Everyone",
            ["Input.IsPublic"] = "true",
        });
        var reading = await AppFactory.PostFormAsync(secretariat, path + "?handler=Reading", new() { ["anonymousReading"] = "true" }, formPage: path);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (saved.StatusCode, reading.StatusCode));
        Assert.True(await app.DbAsync(db => db.ConsultationWindows.AnyAsync(w => w.VersionId == v3 && w.IsPublic)));
        Assert.Contains("Open to the public: anyone may register while it is open", await secretariat.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/3")).StatusCode);
    }
}

/// <summary>The app with low registration limits: 5 an hour per client address, 2 per e-mail address.</summary>
public sealed class LowRegistrationLimitsAppFactory : PublicConsultationAppFactory
{
    protected override (int PerAddress, int PerEmail) RegistrationLimits => (5, 2);
}

public sealed class RegistrationLimitTests : IClassFixture<LowRegistrationLimitsAppFactory>
{
    private readonly LowRegistrationLimitsAppFactory app;

    public RegistrationLimitTests(LowRegistrationLimitsAppFactory app) => this.app = app;

    private Task<HttpResponseMessage> RegisterAsync(string email) =>
        AppFactory.PostFormAsync(app.Anonymous(), "/account/register", new()
        {
            ["Email"] = email,
            ["Profile.DisplayName"] = "Ana Lima",
            ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.CivilSociety),
            ["Password"] = "a-long-password-1",
        }, formPage: "/account/login");

    [Fact]
    public async Task Registrations_are_limited_per_e_mail_address_and_per_client_address_with_a_sentence_and_retry_after()
    {
        var v3 = await app.VersionIdAsync(AppFactory.SampleSlug, 3);
        await app.OnlyWindowAsync(v3, app.Clock.UtcNow.AddHours(-1), app.Clock.UtcNow.AddDays(1));

        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("same@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("same@example.org")).StatusCode);
        var third = await RegisterAsync("SAME@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Contains("Too many registrations with this e-mail address in the last hour (at most 2). Nothing was saved;", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("b@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("c@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("d@example.org")).StatusCode);
        var sixth = await RegisterAsync("e@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("Too many registrations from your network in the last hour (at most 5). Nothing was saved;", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Email == "e@example.org")));
    }
}
