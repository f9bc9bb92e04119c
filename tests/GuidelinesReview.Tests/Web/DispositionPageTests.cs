using System.Net;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class DispositionPageTests(AppFactory app)
{
    private const string Page = $"/guidelines/{AppFactory.SampleSlug}/v/3/dispositions";

    private async Task<CommentView> PostAsync(string email, string body, string anchor = Anchor, CommentType type = CommentType.General)
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var hub = await app.HubAsync(email);
        return await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, body, anchor, type: type));
    }

    [Fact]
    public async Task The_table_lists_comments_with_progress_and_filters_by_group_region_type_and_decision()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var academic = await PostAsync("expert@demo.local", $"Academic view {tag}", type: CommentType.Technical);
        var ministry = await PostAsync("expert2@demo.local", $"Ministry view {tag}", "s2.2-p1", CommentType.Editorial);
        var client = await app.SignInAsync("secretariat@demo.local");

        var all = await client.GetStringAsync(Page);
        var national = await client.GetStringAsync(Page + "?group=National+government&region=Latin+America+and+the+Caribbean");
        var technical = await client.GetStringAsync(Page + "?type=Technical");
        var section = await client.GetStringAsync(Page + "?section=s2.2");

        Assert.Contains($"Academic view {tag}", all, StringComparison.Ordinal);
        Assert.Contains($"Ministry view {tag}", all, StringComparison.Ordinal);
        Assert.Matches(@"<strong>\d+ of \d+</strong> comments dispositioned", all);
        Assert.Contains($"Ministry view {tag}", national, StringComparison.Ordinal);
        Assert.DoesNotContain($"Academic view {tag}", national, StringComparison.Ordinal);
        Assert.Contains($"Academic view {tag}", technical, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ministry view {tag}", technical, StringComparison.Ordinal);
        Assert.Contains($"Ministry view {tag}", section, StringComparison.Ordinal);
        Assert.DoesNotContain($"Academic view {tag}", section, StringComparison.Ordinal);
        Assert.Contains($"id=\"row-{academic.Id}\"", all, StringComparison.Ordinal);
        var forms = System.Text.RegularExpressions.Regex.Matches(all, "<form method=\"post\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f.Value, StringComparison.Ordinal));
        Assert.Contains($"id=\"row-{ministry.Id}\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_decision_from_the_table_saves_it_keeps_the_filters_and_reaches_the_author_live()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var comment = await PostAsync("expert@demo.local", "Decide me from the table.");
        await using var author = await app.HubAsync("expert@demo.local");
        await author.InvokeAsync("JoinVersion", versionId, 0);
        var client = await app.SignInAsync("secretariat@demo.local");

        var response = await AppFactory.PostFormAsync(client, Page + "?type=General&handler=Decide", new()
        {
            ["commentId"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["decision"] = nameof(Decision.Noted),
            ["observation"] = "Noted for the next draft.",
            ["addressedVersion"] = "",
            ["addressedAnchor"] = "",
        }, formPage: Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?type=General#row-{comment.Id}", response.Headers.Location!.OriginalString);
        var live = (await author.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.Disposition is not null)).Comment;
        Assert.Equal((Decision.Noted, "Noted for the next draft."), (live.Disposition!.Decision, live.Disposition.Observation));
        Assert.Contains("Decision recorded on comment", await client.GetStringAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "choose a decision")]
    [InlineData("Accepted", "s404-p1", "Say which version the paragraph is in.")]
    public async Task A_bad_decision_form_is_refused_with_a_message_and_saves_nothing(string decision, string anchor, string message)
    {
        var comment = await PostAsync("expert@demo.local", "Not to be decided by a broken form.");
        var client = await app.SignInAsync("secretariat@demo.local");

        var response = await AppFactory.PostFormAsync(client, Page + "?handler=Decide", new()
        {
            ["commentId"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["decision"] = decision,
            ["observation"] = "x",
            ["addressedAnchor"] = anchor,
        }, formPage: Page);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Contains($"Comment #{comment.Id}: ", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", page, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Dispositions.AnyAsync(d => d.CommentId == comment.Id)));
    }

    [Fact]
    public async Task An_expert_cannot_post_a_decision_to_the_table()
    {
        var comment = await PostAsync("expert2@demo.local", "Experts do not decide.");
        var expert = await app.SignInAsync("expert@demo.local");

        var response = await AppFactory.PostFormAsync(expert, Page + "?handler=Decide", new()
        {
            ["commentId"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["decision"] = "Accepted",
        }, formPage: "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.Dispositions.AnyAsync(d => d.CommentId == comment.Id)));
    }
}
