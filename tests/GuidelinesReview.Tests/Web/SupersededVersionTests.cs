using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Commenting on a version once a newer one is published: closed unless the secretariat keeps it
/// open, and what is posted on a kept-open version is carried forward at once, as at publish time.
/// Each test works on its own copy of the sample guideline, published version by version.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SupersededVersionTests(AppFactory app)
{
    private const string Unchanged = "For the purposes of these guidelines";
    private const string RewordedInV3 = "A smart city can only be people-centred if";
    private const string DeletedInV3 = "Limited access to finance is one of the obstacles";

    private readonly string slug = "superseded-test-" + Guid.NewGuid().ToString("N")[..8];

    private string ConsultationPage(int number) => $"/guidelines/{slug}/v/{number}/consultation";

    private static string SampleFile(string name) => Path.Combine(RepoPaths.Content, "guidelines", AppFactory.SampleSlug, name);

    /// <summary>Publishes v1..<paramref name="upTo"/> of the copy (those not yet published), with publish-time carry-forward.</summary>
    private async Task PublishUpToAsync(int upTo)
    {
        var content = Path.Combine(app.DataDirectory, "content-" + slug);
        var folder = Path.Combine(content, "guidelines", slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), File.ReadAllText(SampleFile("guideline.yml")).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
        for (var n = 1; n <= upTo; n++)
        {
            File.Copy(SampleFile($"v{n}.md"), Path.Combine(folder, $"v{n}.md"), overwrite: true);
        }

        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
    }

    private Task<int> VersionIdAsync(int number) =>
        app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == number).Select(v => v.Id).SingleAsync());

    private Task<(string Anchor, string Text)> BlockAsync(int versionId, string start) =>
        app.DbAsync(async db => (await db.Blocks.Where(b => b.VersionId == versionId).Select(b => new { b.Anchor, b.Text }).ToListAsync())
            .Where(b => b.Text.StartsWith(start, StringComparison.Ordinal)).Select(b => (b.Anchor, b.Text)).Single());

    private Task<List<(int Version, string? Anchor, PlacementStatus Status, bool PassageFound, string? Quote)>> PlacementsAsync(int commentId) =>
        app.DbAsync(async db => (await db.CommentPlacements.Where(p => p.CommentId == commentId)
                .Select(p => new { p.VersionId, Anchor = p.Block == null ? null : p.Block.Anchor, p.Status, p.PassageFound, p.QuoteExact }).ToListAsync())
            .Select(p => (p.VersionId, p.Anchor, p.Status, p.PassageFound, p.QuoteExact)).OrderBy(p => p.VersionId).ToList());

    private async Task<HttpResponseMessage> KeepOpenAsync(HttpClient client, int number, bool keepOpen, string? formPage = null) =>
        await AppFactory.PostFormAsync(client, ConsultationPage(number) + "?handler=KeepOpen",
            keepOpen ? new Dictionary<string, string> { ["keepOpen"] = "true" } : new Dictionary<string, string>(), formPage ?? ConsultationPage(number));

    [Fact]
    public async Task A_superseded_version_refuses_new_comments_replies_and_supports_in_the_hub_and_the_api_with_a_sentence_and_a_code()
    {
        await PublishUpToAsync(2);
        var v2 = await VersionIdAsync(2);
        var (anchor, _) = await BlockAsync(v2, Unchanged);
        await using var esi = await app.HubAsync("expert@demo.local");
        var before = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "Written while v2 was the current draft.", anchor));
        await PublishUpToAsync(3);
        await using var elias = await app.HubAsync("expert2@demo.local");
        var api = await app.SignInAsync("expert2@demo.local");
        const string Refusal = "v2 has been superseded by v3 (published 3 March 2025); comment on v3.";

        var comment = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", Post(v2, "Too late for v2.", anchor)));
        var reply = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("PostComment", Post(v2, "A reply on v2.", parentId: before.Id)));
        var support = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("SetSupport", before.Id, true));
        var passage = await api.PostAsJsonAsync($"/api/versions/{v2}/comments", Post(v2, "On a passage of v2.", anchor, new QuoteInput("purposes", null, null, null)), HubTestClient.Json);
        var apiSupport = await api.PutAsJsonAsync($"/api/comments/{before.Id}/support", new { });
        var joined = await elias.InvokeAsync<JoinResult>("JoinVersion", v2, 0);

        Assert.Equal([Refusal, Refusal, Refusal], new[] { comment.Message, reply.Message, support.Message });
        foreach (var response in new[] { passage, apiSupport })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((Refusal, "version-superseded"), (body.GetProperty("error").GetString(), body.GetProperty("code").GetString()));
        }

        // Nothing was saved, the author may still withdraw, and the page's state says why it is closed.
        Assert.Equal(1, await app.DbAsync(db => db.Comments.CountAsync(c => c.VersionId == v2)));
        Assert.Empty(await app.DbAsync(db => db.CommentSupports.Where(s => s.CommentId == before.Id).ToListAsync()));
        Assert.Equal(GuidelinesReview.Core.Comments.CommentStatus.Withdrawn, (await esi.InvokeAsync<CommentView>("WithdrawComment", before.Id)).Status);
        Assert.Equal(Refusal, joined.Consultation!.Refusal);
        Assert.Equal(new SupersededView(3, new DateTime(2025, 3, 3), false, Refusal), joined.Superseded);
        Assert.Null((await elias.InvokeAsync<JoinResult>("JoinVersion", await VersionIdAsync(3), 0)).Superseded);
    }

    [Fact]
    public async Task Only_the_secretariat_keeps_a_superseded_version_open_and_can_close_it_again()
    {
        await PublishUpToAsync(3);
        var v2 = await VersionIdAsync(2);
        var (anchor, _) = await BlockAsync(v2, Unchanged);
        var expert = await app.SignInAsync("expert@demo.local");
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await using var esi = await app.HubAsync("expert@demo.local");

        var byExpert = await KeepOpenAsync(expert, 2, keepOpen: true, formPage: "/account/profile");
        var stillClosed = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", Post(v2, "Refused: the expert cannot open it.", anchor)));
        var page = await secretariat.GetStringAsync(ConsultationPage(2));
        var bySecretariat = await KeepOpenAsync(secretariat, 2, keepOpen: true);
        var flash = await secretariat.GetStringAsync(ConsultationPage(2));
        var posted = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "Taken: v2 is kept open.", anchor));
        await KeepOpenAsync(secretariat, 2, keepOpen: false);
        var closedAgain = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", Post(v2, "Refused again.", anchor)));
        var onCurrent = await KeepOpenAsync(secretariat, 3, keepOpen: true);

        Assert.Equal(HttpStatusCode.Redirect, byExpert.StatusCode);
        Assert.StartsWith("/account/access-denied", byExpert.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("v2 has been superseded by v3", stillClosed.Message, StringComparison.Ordinal);
        Assert.Contains("v2 is superseded by v3 and <strong>closed</strong> for new comments", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, bySecretariat.StatusCode);
        Assert.Contains("v2 stays open for comments although v3 is published", flash, StringComparison.Ordinal);
        Assert.Contains("<strong>kept open</strong>", flash, StringComparison.Ordinal);
        Assert.Equal(v2, posted.VersionId);
        Assert.StartsWith("v2 has been superseded by v3", closedAgain.Message, StringComparison.Ordinal);
        Assert.Contains("v3 is the current draft and takes comments", await secretariat.GetStringAsync(onCurrent.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var v3 = await VersionIdAsync(3);
        Assert.Equal(0, await app.DbAsync(db => db.KeptOpenVersions.CountAsync(k => k.VersionId == v2 || k.VersionId == v3)));
    }

    [Fact]
    public async Task A_late_comment_on_v1_is_carried_through_v2_to_v3_as_publish_time_carry_forward_would_have_and_shows_live_on_v3()
    {
        await PublishUpToAsync(1);
        var v1 = await VersionIdAsync(1);
        var targets = new List<(string Anchor, QuoteInput? Quote)>();
        foreach (var start in new[] { Unchanged, RewordedInV3, DeletedInV3 })
        {
            var (anchor, text) = await BlockAsync(v1, start);
            targets.Add((anchor, null));
            if (start == RewordedInV3)
            {
                targets.Add((anchor, QuoteOf(text, 0, start.Length)));
            }
        }

        await using var esi = await app.HubAsync("expert@demo.local");
        var early = new List<CommentView>();
        foreach (var (anchor, quote) in targets)
        {
            early.Add(await esi.InvokeAsync<CommentView>("PostComment", Post(v1, "Made while v1 was current.", anchor, quote)));
        }

        await PublishUpToAsync(3); // v2 and v3, each carrying forward at publish time
        var v3 = await VersionIdAsync(3);
        await KeepOpenAsync(await app.SignInAsync("secretariat@demo.local"), 1, keepOpen: true);
        await using var reader = await app.HubAsync("expert2@demo.local");
        await reader.InvokeAsync<JoinResult>("JoinVersion", v3, 0);

        var late = new List<CommentView>();
        foreach (var (anchor, quote) in targets)
        {
            late.Add(await esi.InvokeAsync<CommentView>("PostComment", Post(v1, "Made on v1 after v3 was published.", anchor, quote)));
        }

        var reply = await esi.InvokeAsync<CommentView>("PostComment", Post(v1, "A reply travels with its thread.", parentId: late[0].Id));
        var live = await reader.NextAsync<CarriedCommentChanged>(e => e.Carried.Comment.Id == late[0].Id);

        for (var i = 0; i < targets.Count; i++)
        {
            var expected = await PlacementsAsync(early[i].Id);
            Assert.Equal(expected, await PlacementsAsync(late[i].Id));
        }

        var v3Statuses = (await Task.WhenAll(late.Select(c => PlacementsAsync(c.Id)))).Select(p => p.Last().Status).ToList();
        Assert.Equal([PlacementStatus.Unchanged, PlacementStatus.Modified, PlacementStatus.Modified, PlacementStatus.Orphaned], v3Statuses);
        Assert.Equal(2, (await PlacementsAsync(late[0].Id)).Count); // v2 and v3
        Assert.Empty(await PlacementsAsync(reply.Id));
        Assert.Equal((PlacementStatus.Unchanged, (await BlockAsync(v3, Unchanged)).Anchor), (live.Carried.Status, live.Carried.Anchor));
        var onV3 = await reader.InvokeAsync<JoinResult>("JoinVersion", v3, 0);
        Assert.Equal(late.Select(c => c.Id).Order(), onV3.Carried.Where(c => c.Comment.Body == "Made on v1 after v3 was published.").Select(c => c.Comment.Id).Order());
    }

    [Fact]
    public async Task My_comments_states_every_status_truthfully_with_places_in_words_and_lists_replies()
    {
        await PublishUpToAsync(2);
        var v2 = await VersionIdAsync(2);
        var (unchanged, _) = await BlockAsync(v2, Unchanged);
        var (reworded, _) = await BlockAsync(v2, RewordedInV3);
        var (deleted, _) = await BlockAsync(v2, DeletedInV3);
        await using var esi = await app.HubAsync("expert@demo.local");
        await using var elias = await app.HubAsync("expert2@demo.local");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        var onReworded = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "Before v3, on a paragraph v3 rewords.", reworded));
        var onDeleted = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "Before v3, on a paragraph v3 deletes.", deleted));
        var eliasComment = await elias.InvokeAsync<CommentView>("PostComment", Post(v2, "Elias asks for a clearer definition here.", unchanged));
        await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "My reply to Elias.", parentId: eliasComment.Id));
        await PublishUpToAsync(3);
        var v3 = await VersionIdAsync(3);
        var (unchangedV3, _) = await BlockAsync(v3, Unchanged);
        await KeepOpenAsync(await app.SignInAsync("secretariat@demo.local"), 2, keepOpen: true);
        var late = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "After v3, on v2 kept open.", unchanged));
        var open = await esi.InvokeAsync<CommentView>("PostComment", Post(v3, "On the current draft.", unchangedV3));
        var withdrawn = await esi.InvokeAsync<CommentView>("PostComment", Post(v3, "I take this back.", unchangedV3));
        await esi.InvokeAsync<CommentView>("WithdrawComment", withdrawn.Id);
        var hidden = await esi.InvokeAsync<CommentView>("PostComment", Post(v3, "Something a moderator hides.", unchangedV3));
        await sam.InvokeAsync<CommentView>("HideComment", hidden.Id, "Off topic.");
        await sam.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(onReworded.Id, GuidelinesReview.Core.Comments.Decision.Accepted, "Reworded in v3.", 3, unchangedV3));

        // As a room comment on v2 was saved before superseded versions closed: after v3, never carried.
        var esiId = await app.DbAsync(db => db.Users.Where(u => u.Email == "expert@demo.local").Select(u => u.Id).SingleAsync());
        var stranded = await app.DbAsync(async db =>
        {
            var block = await db.Blocks.Where(b => b.VersionId == v2 && b.Anchor == unchanged).Select(b => b.Id).SingleAsync();
            var comment = new Comment { VersionId = v2, BlockId = block, AuthorId = esiId, ClientId = Guid.NewGuid(), Body = "Said in a room on v2 after v3.", BodyHtml = "<p>Said in a room on v2 after v3.</p>", CreatedAt = DateTime.UtcNow };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

        var html = WebUtility.HtmlDecode(await (await app.SignInAsync("expert@demo.local")).GetStringAsync($"/guidelines/{slug}/my-comments"));
        string StandingOf(int id) => System.Text.RegularExpressions.Regex.Match(html, $"data-comment-id=\"{id}\"[\\s\\S]*?data-testid=\"standing\"><strong>([^<]*)</strong>").Groups[1].Value;

        Assert.Equal("Decided: Accepted, addressed in v3.", StandingOf(onReworded.Id));
        Assert.Equal("Carried to v3, but could not be placed: the text you commented on is no longer there.", StandingOf(onDeleted.Id));
        Assert.Equal("Carried to v3 unchanged.", StandingOf(late.Id));
        Assert.Equal("Open: on the current draft, v3; no decision yet.", StandingOf(open.Id));
        Assert.StartsWith("Withdrawn: you withdrew this comment", StandingOf(withdrawn.Id), StringComparison.Ordinal);
        Assert.StartsWith("Hidden by a moderator on ", StandingOf(hidden.Id), StringComparison.Ordinal);
        Assert.Equal("On a superseded version: made on v2 after v3 was published, and not carried forward to v3.", StandingOf(stranded));
        Assert.DoesNotContain("withdrawn or hidden before", html, StringComparison.Ordinal);
        Assert.Contains("Something a moderator hides.", html, StringComparison.Ordinal); // the author still reads their own words
        Assert.DoesNotContain("Off topic.", html, StringComparison.Ordinal); // not the moderator's reason

        // Places in words, linked to the block; the reply with the comment it answers.
        var place = await app.Scoped(sp => sp.GetRequiredService<BlockPlaces>()).FindAsync(v3, unchangedV3);
        Assert.Contains($"<a href=\"/guidelines/{slug}/v/3#{unchangedV3}\">{place!.Label}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($">{unchanged}<", html, StringComparison.Ordinal);
        Assert.Contains("In reply to Elias", html, StringComparison.Ordinal);
        Assert.Contains("My reply to Elias.", html, StringComparison.Ordinal);
        Assert.Contains("“Elias asks for a clearer definition here.”", html, StringComparison.Ordinal);
    }
}
