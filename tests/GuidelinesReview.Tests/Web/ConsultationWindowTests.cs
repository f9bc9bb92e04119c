using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Consultation windows enforced by the HTTP API and the hub at the instants around opening and
/// closing, on the app's clock: one second before opening, at opening, one second before closing,
/// at closing and one second after.
/// </summary>
[Collection(ClockedAppCollection.Name)]
public sealed class ConsultationWindowTests(ClockedAppFactory app)
{
    private const string Government = "expert2@demo.local"; // profile: national government
    private const string Academic = "expert@demo.local"; // profile: academia

    private const string AudienceRefusal = "This consultation is open to national governments and local and regional governments; your profile says Academia. If that is not right, change it on your profile page.";

    private static string At(DateTime utc) => utc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string OpensOn(DateTime opens) => $"Commenting on v3 opens on {At(opens)}.";

    private static string NotYetForAcademia(DateTime opens) =>
        $"The next consultation on v3 opens on {At(opens)} for national governments and local and regional governments; your profile says Academia.";

    private static string ClosedOn(DateTime closes) => $"The consultation on v3 closed on {At(closes)}. The draft stays readable.";

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    private Task<int> CommentCountAsync() => app.DbAsync(db => db.Comments.CountAsync());

    /// <summary>
    /// Makes this the only window in the app: on the version, opening two minutes (on a whole minute)
    /// after the test clock's now and closing ten minutes later, for the groups given (none: everyone).
    /// Always later than the last one, so the clock only moves forward.
    /// </summary>
    private async Task<(DateTime Opens, DateTime Closes)> OnlyWindowAsync(int versionId, params StakeholderGroup[] groups)
    {
        var opens = app.Clock.WholeMinutesAhead(2);
        var closes = opens.AddMinutes(10);
        await app.ClearConsultationWindowsAsync();
        await app.DbAsync(async db =>
        {
            db.ConsultationWindows.Add(new ConsultationWindow
            {
                VersionId = versionId,
                Title = "Online consultation",
                OpensAt = opens,
                ClosesAt = closes,
                Audience = groups.Length == 0 ? ConsultationAudience.Everyone : ConsultationAudience.StakeholderGroups,
                Groups = groups.Select(g => new ConsultationGroup { Group = g }).ToList(),
                CreatedById = await db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync(),
                CreatedAt = app.Clock.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return (opens, closes);
    }

    private Task<(DateTime Opens, DateTime Closes)> GovernmentWindowAsync(int versionId) =>
        OnlyWindowAsync(versionId, StakeholderGroup.NationalGovernment, StakeholderGroup.LocalAndRegionalGovernment);

    /// <summary>The instants around a window, and whether it is open then.</summary>
    public static TheoryData<string, int, string> Instants() => new()
    {
        { "opens", -1, "before" },
        { "opens", 0, "open" },
        { "closes", -1, "open" },
        { "closes", 0, "closed" },
        { "closes", 1, "closed" },
    };

    private static DateTime Instant((DateTime Opens, DateTime Closes) window, string boundary, int seconds) =>
        (boundary == "opens" ? window.Opens : window.Closes).AddSeconds(seconds);

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task Over_http_a_window_takes_comments_from_its_audience_only_while_it_is_open(string boundary, int seconds, string phase)
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var window = await GovernmentWindowAsync(versionId);
        var government = await app.SignInAsync(Government);
        var academic = await app.SignInAsync(Academic);
        app.Clock.Set(Instant(window, boundary, seconds));
        var before = await CommentCountAsync();

        var byGovernment = await government.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, $"From a government, {boundary} {seconds:+0;-0;0}s."), HubTestClient.Json);
        var byAcademic = await academic.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, $"From academia, {boundary} {seconds:+0;-0;0}s."), HubTestClient.Json);

        switch (phase)
        {
            case "before":
                Assert.Equal((HttpStatusCode.Conflict, OpensOn(window.Opens)), (byGovernment.StatusCode, await ErrorOf(byGovernment)));
                Assert.Equal((HttpStatusCode.Forbidden, NotYetForAcademia(window.Opens)), (byAcademic.StatusCode, await ErrorOf(byAcademic)));
                Assert.Equal(before, await CommentCountAsync());
                break;
            case "open":
                Assert.Equal(HttpStatusCode.Created, byGovernment.StatusCode);
                Assert.Equal((HttpStatusCode.Forbidden, AudienceRefusal), (byAcademic.StatusCode, await ErrorOf(byAcademic)));
                Assert.Equal(before + 1, await CommentCountAsync());
                Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.Body.StartsWith("From academia"))));
                break;
            default:
                Assert.Equal((HttpStatusCode.Conflict, ClosedOn(window.Closes)), (byGovernment.StatusCode, await ErrorOf(byGovernment)));
                Assert.Equal((HttpStatusCode.Conflict, ClosedOn(window.Closes)), (byAcademic.StatusCode, await ErrorOf(byAcademic)));
                Assert.Equal(before, await CommentCountAsync());
                break;
        }
    }

    [Fact]
    public async Task Through_the_hub_one_open_connection_is_refused_before_opening_and_from_the_closing_instant_on()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var window = await GovernmentWindowAsync(versionId);
        await using var government = await app.HubAsync(Government);
        await using var academic = await app.HubAsync(Academic);

        var governmentJoined = await government.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var academicJoined = await academic.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);

        Assert.Equal((OpensOn(window.Opens), window.Opens), (governmentJoined.Consultation!.Refusal, governmentJoined.Consultation.ChangesAt));
        Assert.Equal(NotYetForAcademia(window.Opens), academicJoined.Consultation!.Refusal);
        Assert.True(governmentJoined.CanWrite); // the role may; the window says when
        foreach (var (boundary, seconds, phase) in Instants().Select(row => ((string)row[0], (int)row[1], (string)row[2])))
        {
            app.Clock.Set(Instant(window, boundary, seconds));
            var before = await CommentCountAsync();

            var byGovernment = await Record.ExceptionAsync(() => government.InvokeAsync("PostComment", Post(versionId, $"Live from a government, {boundary} {seconds}s.")));
            var byAcademic = await Assert.ThrowsAsync<HubError>(() => academic.InvokeAsync("PostComment", Post(versionId, $"Live from academia, {boundary} {seconds}s.")));

            var expected = phase switch
            {
                "before" => (OpensOn(window.Opens), NotYetForAcademia(window.Opens)),
                "open" => ((string?)null, AudienceRefusal),
                _ => (ClosedOn(window.Closes), ClosedOn(window.Closes)),
            };
            Assert.Equal(expected, (byGovernment?.Message, byAcademic.Message));
            Assert.Equal(before + (phase == "open" ? 1 : 0), await CommentCountAsync());
        }

        var afterwards = await government.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        Assert.Equal((ClosedOn(window.Closes), (DateTime?)null), (afterwards.Consultation!.Refusal, afterwards.Consultation.ChangesAt));
    }

    [Fact]
    public async Task After_closing_authors_cannot_edit_withdraw_or_support_but_the_secretariat_still_decides_hides_and_retags()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var window = await OnlyWindowAsync(versionId);
        var government = await app.SignInAsync(Government);
        var academic = await app.SignInAsync(Academic);
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        app.Clock.Set(window.Opens);
        var posted = await (await government.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "Written while the consultation was open."), HubTestClient.Json))
            .Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json);
        app.Clock.Set(window.Closes);

        var edit = await government.PutAsJsonAsync($"/api/comments/{posted!.Id}", new { type = "general", body = "Changed after closing." }, HubTestClient.Json);
        var withdraw = await government.PostAsJsonAsync($"/api/comments/{posted.Id}/withdraw", new { });
        var support = await academic.PutAsJsonAsync($"/api/comments/{posted.Id}/support", new { });
        var secretariatPost = await secretariat.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "The secretariat is bound by the window too."), HubTestClient.Json);
        var decide = await secretariat.PutAsJsonAsync($"/api/comments/{posted.Id}/disposition", new { decision = "noted", observation = "Considered after the consultation." });
        var hide = await secretariat.PostAsJsonAsync($"/api/comments/{posted.Id}/hide", new { reason = "Checking moderation after closing." });
        var unhide = await secretariat.PostAsJsonAsync($"/api/comments/{posted.Id}/unhide", new { });
        var retag = await secretariat.PutAsJsonAsync($"/api/comments/{posted.Id}/tags", new { areas = Array.Empty<string>(), principles = Array.Empty<string>() });

        foreach (var refused in new[] { edit, withdraw, support, secretariatPost })
        {
            Assert.Equal((HttpStatusCode.Conflict, ClosedOn(window.Closes)), (refused.StatusCode, await ErrorOf(refused)));
        }

        Assert.All(new[] { decide, hide, unhide, retag }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var saved = await app.DbAsync(db => db.Comments.Include(c => c.Tags).SingleAsync(c => c.Id == posted.Id));
        Assert.Equal(("Written while the consultation was open.", CommentStatus.Active, 0), (saved.Body, saved.Status, saved.Tags.Count));
        Assert.False(await app.DbAsync(db => db.CommentSupports.AnyAsync(s => s.CommentId == posted.Id)));
    }

    [Fact]
    public async Task A_comment_posted_from_a_breakout_room_is_taken_while_the_window_is_closed_and_one_from_the_draft_is_not()
    {
        var (roomId, versionId, anchor) = await app.DbAsync(async db =>
        {
            var room = await db.BreakoutRooms.FirstAsync(r => r.Title == "Digital infrastructure, city services and governance");
            room.IsOpen = true;
            await db.SaveChangesAsync();
            var version = await db.MeetingOf(room.AgendaItemId).Select(m => m.VersionId).SingleAsync();
            return (room.Id, version, await db.Blocks.Where(b => b.VersionId == version && b.Anchor.Contains("-p")).OrderBy(b => b.Ordinal).Select(b => b.Anchor).FirstAsync());
        });
        var window = await OnlyWindowAsync(versionId);
        var member = await app.SignInAsync(Academic);
        app.Clock.Set(window.Closes);

        var fromRoom = await member.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "Said in the room.", anchor) with { RoomId = roomId }, HubTestClient.Json);
        var fromDraft = await member.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "Typed on the draft.", anchor), HubTestClient.Json);

        Assert.Equal(HttpStatusCode.Created, fromRoom.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fromDraft.StatusCode);
        Assert.StartsWith("The consultation on v3 closed on", await ErrorOf(fromDraft), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_windows_a_version_takes_comments_as_before()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await app.ClearConsultationWindowsAsync();
        await using var hub = await app.HubAsync(Academic);

        var joined = await hub.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var posted = await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, "No window, no limit."));

        Assert.Null(joined.Consultation);
        Assert.Equal("No window, no limit.", posted.Body);
    }
}
