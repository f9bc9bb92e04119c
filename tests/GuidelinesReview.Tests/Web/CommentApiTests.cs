using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class CommentApiTests(AppFactory app)
{
    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task Posting_over_http_creates_once_and_a_resend_answers_with_the_same_comment()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var client = await app.SignInAsync("expert@demo.local");
        var input = Post(versionId, "Posted through the API.");

        var created = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", input, HubTestClient.Json);
        var resent = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", input, HubTestClient.Json);
        var list = await client.GetFromJsonAsync<CommentsApi.CommentList>($"/api/versions/{versionId}/comments", HubTestClient.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json))!;
        Assert.Equal(first.Id, (await resent.Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json))!.Id);
        Assert.Equal($"/api/comments/{first.Id}", created.Headers.Location!.OriginalString);
        Assert.Single(list!.Comments, c => c.ClientId == input.ClientId);
        Assert.True(list.Seq >= first.Seq);
    }

    [Fact]
    public async Task Api_refusals_carry_a_status_and_a_specific_message()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var expert = await app.SignInAsync("expert@demo.local");
        var observer = await app.SignInAsync("observer@demo.local");
        var before = await app.DbAsync(db => db.Comments.CountAsync());

        var empty = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, ""), HubTestClient.Json);
        var unknownAnchor = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, anchor: "nowhere"), HubTestClient.Json);
        var observerPost = await observer.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId), HubTestClient.Json);
        var anonymous = await app.Anonymous().PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId), HubTestClient.Json);
        var notJson = await expert.PostAsync($"/api/versions/{versionId}/comments", new StringContent("body=hello"));
        var hideByExpert = await expert.PostAsJsonAsync("/api/comments/1/hide", new { reason = "no" });

        Assert.Equal((HttpStatusCode.BadRequest, "Write something: the comment is empty."), (empty.StatusCode, await ErrorOf(empty)));
        Assert.Equal(HttpStatusCode.NotFound, unknownAnchor.StatusCode);
        Assert.StartsWith("There is no paragraph 'nowhere' in v3", await ErrorOf(unknownAnchor), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, "Your role can read drafts but not comment on them."), (observerPost.StatusCode, await ErrorOf(observerPost)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "Only the secretariat can do this."), (hideByExpert.StatusCode, await ErrorOf(hideByExpert)));
        Assert.Equal(before, await app.DbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task Framework_refusals_are_json_too_and_bodyless_changes_need_a_json_content_type()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var expert = await app.SignInAsync("expert@demo.local");

        var badType = await expert.PostAsync($"/api/versions/{versionId}/comments",
            new StringContent("{\"clientId\":\"6d7f1b2e-0000-4000-8000-000000000001\",\"anchor\":\"s2.1-p1\",\"type\":\"shouting\",\"body\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        var anonymous = await app.Anonymous().GetAsync($"/api/versions/{versionId}/comments");
        var formPost = await expert.PostAsync("/api/comments/1/withdraw", new FormUrlEncodedContent([]));
        var unknownVersion = await expert.GetAsync("/api/versions/987654/comments");

        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal("The field type must be one of general, technical, editorial; \"shouting\" was sent.", await ErrorOf(badType));
        Assert.Equal((HttpStatusCode.Unauthorized, "Sign in first: this call needs a signed-in session."), (anonymous.StatusCode, await ErrorOf(anonymous)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
        Assert.StartsWith("Send the request with Content-Type: application/json", await ErrorOf(formPost), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "Draft version 987654 does not exist."), (unknownVersion.StatusCode, await ErrorOf(unknownVersion)));
    }

    [Fact]
    public async Task A_final_version_is_read_only_for_comments_but_still_readable()
    {
        var content = Path.Combine(app.DataDirectory, "final-content");
        var folder = Path.Combine(content, "guidelines", "final-test");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), "slug: final-test\ntitle: Final test\nprinciples:\n  - key: data\n    name: Data\n");
        File.WriteAllText(Path.Combine(folder, "v1.md"), "---\nnumber: 1\nlabel: Adopted\ndate: 2025-05-05\nstatus: final\n---\n# 1. Text {principles: data}\n\nThe adopted text.\n");
        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
        var versionId = await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == "final-test").Select(v => v.Id).SingleAsync());
        var client = await app.SignInAsync("expert@demo.local");
        await using var hub = await app.HubAsync("expert@demo.local");

        var http = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, anchor: "s1-p1"), HubTestClient.Json);
        var joined = await hub.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var viaHub = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(versionId, anchor: "s1-p1")));

        Assert.Equal(HttpStatusCode.Conflict, http.StatusCode);
        Assert.Equal("v1 is final and read-only: comments can no longer be added or changed.", await ErrorOf(http));
        Assert.Equal("v1 is final and read-only: comments can no longer be added or changed.", viaHub.Message);
        Assert.False(joined.CanWrite);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guidelines/final-test/v/1")).StatusCode);
    }
}

/// <summary>A posting limit of 3 a minute, shared by the HTTP API and the hub.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly CustomAppFactory app = new(postsPerMinute: 3);

    [Fact]
    public async Task The_fourth_post_in_a_minute_is_refused_on_both_paths_with_when_to_retry()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var client = await app.SignInAsync("expert@demo.local");
        await using var hub = await app.HubAsync("expert@demo.local");

        await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "one"), HubTestClient.Json);
        await hub.InvokeAsync("PostComment", Post(versionId, "two"));
        await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "three"), HubTestClient.Json);
        var http = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "four"), HubTestClient.Json);
        var viaHub = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(versionId, "five")));
        await using var otherPerson = await app.HubAsync("expert2@demo.local");
        var someoneElse = await otherPerson.InvokeAsync<CommentView>("PostComment", Post(versionId, "not limited by Esi's posts"));

        Assert.Equal(HttpStatusCode.TooManyRequests, http.StatusCode);
        var retryAfter = int.Parse(http.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var message = (await http.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Matches(@"^You are sending more than 3 comments a minute\. Nothing was saved; try again in \d+ seconds?\.$", message);
        Assert.Matches(@"try again in \d+ second", viaHub.Message);
        Assert.Equal(4, await app.DbAsync(db => db.Comments.CountAsync()));
        Assert.Equal("not limited by Esi's posts", someoneElse.Body);
    }

    public void Dispose() => app.Dispose();
}

/// <summary>What a client was told is saved survives a restart of the server.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task An_acknowledged_comment_is_still_there_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));
        CommentView acknowledged;
        using (var first = new CustomAppFactory(data))
        {
            var (versionId, text) = await ConsultationDraftAsync(first);
            await using var hub = await first.HubAsync("expert@demo.local");
            acknowledged = await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, "Must survive a restart.", quote: QuoteOf(text, 0, 12)));
        }

        using var second = new CustomAppFactory(data);
        var (sameVersion, _) = await ConsultationDraftAsync(second);
        await using var again = await second.HubAsync("expert2@demo.local");
        var joined = await again.InvokeAsync<JoinResult>("JoinVersion", sameVersion, 0);

        var found = Assert.Single(joined.Comments, c => c.Id == acknowledged.Id);
        Assert.Equal(("Must survive a restart.", acknowledged.Quote), (found.Body, found.Quote));
        Directory.Delete(data, recursive: true);
    }
}
