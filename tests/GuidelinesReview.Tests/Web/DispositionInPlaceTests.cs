using System.Globalization;
using System.Net;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>Decisions in place: hub calls with the form's decision seq, stale forms, resets, bulk decisions, "addressed in".</summary>
[Collection(AppCollection.Name)]
public sealed class DispositionInPlaceTests(AppFactory app)
{
    private const string Page = $"/guidelines/{AppFactory.SampleSlug}/v/3/dispositions";

    private async Task<CommentView> PostAsync(string body)
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var hub = await app.HubAsync("expert@demo.local");
        return await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, body));
    }

    private Task<string> NameOfAsync(string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Addressed_in_accepts_only_versions_after_the_comments_own_and_the_form_offers_only_those()
    {
        var comment = await PostAsync("Addressed in an older version?");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        var client = await app.SignInAsync("secretariat@demo.local");

        var older = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "Done.", 1, null)));
        var own = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "Done.", 3, "s2.1-p1")));
        var row = await client.GetStringAsync($"{Page}?handler=Row&commentId={comment.Id}");

        Assert.Equal("v1 is older than the comment's version v3; choose a later version.", older.Message);
        Assert.StartsWith("v3 is the comment's own version", own.Message, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Dispositions.AnyAsync(d => d.CommentId == comment.Id)));
        var select = System.Text.RegularExpressions.Regex.Match(row, $"<select id=\"v-{comment.Id}\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.DoesNotContain("value=\"1\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"3\"", select, StringComparison.Ordinal);
        Assert.Contains("No version after v3 yet", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_on_v2_can_be_addressed_in_v3_at_a_paragraph_of_v3()
    {
        var id = await app.DbAsync(async db =>
        {
            var v2 = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 2);
            var block = await db.Blocks.Where(b => b.VersionId == v2.Id).OrderBy(b => b.Ordinal).Skip(2).FirstAsync();
            var author = await db.Users.Where(u => u.Email == "expert@demo.local").Select(u => u.Id).SingleAsync();
            var c = new Comment { VersionId = v2.Id, BlockId = block.Id, AuthorId = author, ClientId = Guid.NewGuid(), Type = CommentType.General, Body = "On v2.", BodyHtml = "<p>On v2.</p>", Status = CommentStatus.Active, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        await using var sam = await app.HubAsync("secretariat@demo.local");

        var saved = await sam.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(id, Decision.Accepted, "Done in v3.", 3, "s2.1-p1"));
        var badAnchor = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(id, Decision.Accepted, "Done.", 3, "s77-p1")));

        Assert.Equal((3, "s2.1-p1"), (saved.Disposition!.AddressedVersion, saved.Disposition.AddressedAnchor));
        Assert.Equal("There is no paragraph 's77-p1' in v3.", badAnchor.Message);
        var client = await app.SignInAsync("secretariat@demo.local");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/guidelines/{AppFactory.SampleSlug}/v/2/dispositions"));
        var row = WebUtility.HtmlDecode(await client.GetStringAsync($"/guidelines/{AppFactory.SampleSlug}/v/2/dispositions?handler=Row&commentId={id}"));
        Assert.Matches(@"Addressed in v3 at 2\.1 [^<]+: “", row);
        Assert.Contains("list=\"places-v3\"", row, StringComparison.Ordinal);
        Assert.Contains("<datalist id=\"places-v3\">", page, StringComparison.Ordinal);
        Assert.Matches(@"<option value=""s2\.1-p1"" label=""2\.1 [^""]+: “", page);
    }

    [Fact]
    public async Task A_stale_form_cannot_overwrite_a_colleagues_decision_and_the_refusal_names_it()
    {
        var comment = await PostAsync("Two colleagues decide this one.");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        await using var admin = await app.HubAsync("admin@demo.local");
        var adminName = await NameOfAsync("admin@demo.local");

        // Both loaded the row while it was undecided (seq 0); the admin saves first.
        var first = await admin.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "Taken on board.", null, null, 0));
        var stale = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.NotAccepted, "Out of scope for us.", null, null, 0)));
        var disposition = await app.DbAsync(db => db.Dispositions.SingleAsync(d => d.CommentId == comment.Id));
        var client = await app.SignInAsync("secretariat@demo.local");
        var row = WebUtility.HtmlDecode(await client.GetStringAsync($"{Page}?handler=Row&commentId={comment.Id}"));
        // Having seen it, a save carrying the colleague's seq replaces it deliberately.
        var replaced = await sam.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.NotAccepted, "Out of scope for us.", null, null, first.Seq));

        Assert.StartsWith($"Since this form was loaded, {adminName} recorded “Accepted” on ", stale.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", stale.Message, StringComparison.Ordinal);
        Assert.Equal((Decision.Accepted, "Taken on board."), (disposition.Decision, disposition.Observation));
        Assert.Contains($"data-expected=\"{first.Seq}\"", row, StringComparison.Ordinal);
        Assert.Contains($"· {adminName}, ", row, StringComparison.Ordinal);
        Assert.Equal(Decision.NotAccepted, replaced.Disposition!.Decision);
    }

    [Fact]
    public async Task Two_clients_saving_the_same_undecided_row_at_once_give_one_decision_and_one_refusal()
    {
        var comment = await PostAsync("Decided twice at the same moment.");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        await using var admin = await app.HubAsync("admin@demo.local");

        var results = await Task.WhenAll(
            Outcome(sam.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.Noted, "Sam", null, null, 0))),
            Outcome(admin.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.OutOfScope, "Admin", null, null, 0))));
        var saved = await app.DbAsync(db => db.Dispositions.SingleAsync(d => d.CommentId == comment.Id));

        Assert.Single(results, r => r is null);
        var refusal = Assert.Single(results, r => r is not null);
        Assert.StartsWith("Since this form was loaded", refusal, StringComparison.Ordinal);
        Assert.Contains(saved.Observation is "Sam" ? "“Noted”" : "“Out of scope”", refusal, StringComparison.Ordinal);

        static async Task<string?> Outcome(Task<CommentView> call)
        {
            try
            {
                await call;
                return null;
            }
            catch (HubError e)
            {
                return e.Message;
            }
        }
    }

    [Fact]
    public async Task A_stale_form_post_without_script_is_refused_beside_its_row()
    {
        var comment = await PostAsync("Decided by a colleague, then by an old form.");
        await using var admin = await app.HubAsync("admin@demo.local");
        await admin.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "First.", null, null, 0));
        var client = await app.SignInAsync("secretariat@demo.local");

        var response = await AppFactory.PostFormAsync(client, Page + "?handler=Decide", new()
        {
            ["commentId"] = Id(comment.Id),
            ["expected"] = "0",
            ["decision"] = nameof(Decision.Noted),
            ["observation"] = "Second.",
        }, formPage: Page);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));

        Assert.Equal($"{Page}#row-{comment.Id}", response.Headers.Location.OriginalString);
        Assert.Matches($"id=\"status-{comment.Id}\"[^>]*role=\"alert\">Comment #{comment.Id}: Since this form was loaded, [^<]+ recorded “Accepted”", page);
        Assert.Equal("First.", await app.DbAsync(db => db.Dispositions.Where(d => d.CommentId == comment.Id).Select(d => d.Observation).SingleAsync()));
    }

    [Fact]
    public async Task A_decision_can_be_reset_to_not_yet_decided_and_the_history_keeps_what_it_was()
    {
        var comment = await PostAsync("Decide, then reset.");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        var decided = await sam.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(comment.Id, Decision.Noted, "For now.", null, null, 0));

        var staleReset = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("ResetDisposition", new ResetDispositionInput(comment.Id, 0)));
        var reset = await sam.InvokeAsync<CommentView>("ResetDisposition", new ResetDispositionInput(comment.Id, decided.Seq));
        var again = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("ResetDisposition", new ResetDispositionInput(comment.Id, reset.Seq)));
        var history = await sam.InvokeAsync<CommentHistory>("GetHistory", comment.Id);
        var client = await app.SignInAsync("secretariat@demo.local");
        var row = await client.GetStringAsync($"{Page}?handler=Row&commentId={comment.Id}");

        Assert.StartsWith("Since this form was loaded", staleReset.Message, StringComparison.Ordinal);
        Assert.Null(reset.Disposition);
        Assert.False(await app.DbAsync(db => db.Dispositions.AnyAsync(d => d.CommentId == comment.Id)));
        Assert.Equal($"Comment #{comment.Id} is not decided yet, so there is nothing to reset.", again.Message);
        Assert.Equal("was Noted", history.Events.Single(e => e.Kind == nameof(CommentEventKind.DispositionReset)).Note);
        Assert.Contains("Not yet decided", row, StringComparison.Ordinal);
        Assert.Contains("· reset by ", row, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"reset-{comment.Id}\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_decision_records_the_fresh_rows_and_refuses_the_stale_one_with_why()
    {
        var a = await PostAsync("Bulk one.");
        var b = await PostAsync("Bulk two.");
        var c = await PostAsync("Bulk three, decided meanwhile.");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        await using var admin = await app.HubAsync("admin@demo.local");
        await admin.InvokeAsync<CommentView>("SetDisposition", new DispositionInput(c.Id, Decision.Accepted, "Mine.", null, null, 0));

        var result = await sam.InvokeAsync<BulkDispositionResult>("SetDispositions",
            new BulkDispositionInput([new BulkTarget(a.Id, 0), new BulkTarget(b.Id, 0), new BulkTarget(c.Id, 0)], Decision.Noted, "Noted together."));
        var decisions = await app.DbAsync(db => db.Dispositions.Where(d => d.CommentId == a.Id || d.CommentId == b.Id || d.CommentId == c.Id)
            .ToDictionaryAsync(d => d.CommentId, d => d.Decision));
        var empty = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDispositions", new BulkDispositionInput([], Decision.Noted, null)));

        Assert.StartsWith($"Recorded “Noted” on 2 comments (#{a.Id}, #{b.Id}). 1 refused: #{c.Id}: Since this form was loaded, ", result.Summary, StringComparison.Ordinal);
        Assert.Equal([a.Id, b.Id], result.Changed.Select(x => x.Id));
        Assert.Equal((Decision.Noted, Decision.Noted, Decision.Accepted), (decisions[a.Id], decisions[b.Id], decisions[c.Id]));
        Assert.Equal("Select at least one comment to apply the decision to.", empty.Message);
    }

    [Fact]
    public async Task A_bulk_decision_posts_without_script_and_the_page_shows_its_summary()
    {
        var a = await PostAsync("Bulk by form.");
        var client = await app.SignInAsync("secretariat@demo.local");

        var response = await AppFactory.PostFormAsync(client, Page + "?handler=Bulk", new()
        {
            ["selected"] = $"{a.Id}:0",
            ["decision"] = nameof(Decision.OutOfScope),
            ["observation"] = "Not for this guideline.",
        }, formPage: Page);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        var bad = await AppFactory.PostFormAsync(client, Page + "?handler=Bulk", new() { ["selected"] = "nonsense", ["decision"] = "Noted" }, formPage: Page);

        Assert.Contains($"Recorded “Out of scope” on 1 comment (#{a.Id}).", page, StringComparison.Ordinal);
        Assert.Equal(Decision.OutOfScope, await app.DbAsync(db => db.Dispositions.Where(d => d.CommentId == a.Id).Select(d => d.Decision).SingleAsync()));
        Assert.Contains("Select at least one comment", await client.GetStringAsync(bad.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_shows_the_paragraph_in_words_and_its_text_beside_the_form_and_only_to_the_secretariat()
    {
        var comment = await PostAsync("Row with its paragraph.");
        var (_, text) = await ConsultationDraftAsync(app);
        var client = await app.SignInAsync("secretariat@demo.local");
        var expert = await app.SignInAsync("expert@demo.local");

        var row = WebUtility.HtmlDecode(await client.GetStringAsync($"{Page}?handler=Row&commentId={comment.Id}"));
        var denied = await expert.GetAsync($"{Page}?handler=Row&commentId={comment.Id}");

        Assert.StartsWith($"<tr id=\"row-{comment.Id}\"", row.Trim(), StringComparison.Ordinal);
        Assert.Matches(@"class=""place-link"">[\d.]+ [^<]+: “", row);
        Assert.Contains(string.Join(' ', text.Split(' ').Take(4)), row, StringComparison.Ordinal);
        Assert.Contains($"name=\"selected\" value=\"{comment.Id}:0\"", row, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
