using System.Net;
using System.Net.Http.Headers;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>Publishing through the page, on a copy of the sample guideline that has only v1 and v2.</summary>
[Collection(AppCollection.Name)]
public sealed class PublishTests(AppFactory app)
{
    private readonly string slug = "publish-test-" + Guid.NewGuid().ToString("N")[..8];
    private string Page => $"/guidelines/{slug}/publish";
    private static string SampleFile(string name) => Path.Combine(RepoPaths.Content, "guidelines", AppFactory.SampleSlug, name);

    private async Task<int> ImportTwoVersionsAsync()
    {
        var content = Path.Combine(app.DataDirectory, "content-" + slug);
        var folder = Path.Combine(content, "guidelines", slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), File.ReadAllText(SampleFile("guideline.yml")).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
        File.Copy(SampleFile("v1.md"), Path.Combine(folder, "v1.md"));
        File.Copy(SampleFile("v2.md"), Path.Combine(folder, "v2.md"));
        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
        return await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 2).Select(v => v.Id).SingleAsync());
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, string fileName = "v3.md")
    {
        var token = await AppFactory.AntiforgeryTokenAsync(client, Page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "Upload", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(Page, form);
    }

    [Fact]
    public async Task Publishing_v3_carries_v2s_comments_to_changed_unchanged_and_gone_text()
    {
        var v2 = await ImportTwoVersionsAsync();
        var blocks = await app.DbAsync(db => db.Blocks.Where(b => b.VersionId == v2).ToDictionaryAsync(b => b.Anchor, b => b.Text));
        string AnchorOf(string start) => blocks.Single(b => b.Value.StartsWith(start, StringComparison.Ordinal)).Key;
        await using var esi = await app.HubAsync("expert@demo.local");
        var onChanged = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "On a paragraph v3 rewords.", AnchorOf("A smart city can only be people-centred if")));
        var onDeleted = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "On a paragraph v3 deletes.", AnchorOf("Limited access to finance is one of the obstacles")));
        var onUnchanged = await esi.InvokeAsync<CommentView>("PostComment", Post(v2, "On a paragraph v3 keeps.", AnchorOf("For the purposes of these guidelines")));
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var response = await UploadAsync(secretariat, File.ReadAllText(SampleFile("v3.md")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/guidelines/{slug}/compare?from=2&to=3", response.Headers.Location!.OriginalString);
        var landing = await secretariat.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Comments from v2: 1 unchanged, 1 on changed text, 1 whose text is gone.", landing, StringComparison.Ordinal);
        var v3 = await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 3).Select(v => v.Id).SingleAsync());
        var joined = await esi.InvokeAsync<JoinResult>("JoinVersion", v3, 0);
        Assert.Equal(PlacementStatus.Modified, joined.Carried.Single(c => c.Comment.Id == onChanged.Id).Status);
        Assert.Equal(PlacementStatus.Unchanged, joined.Carried.Single(c => c.Comment.Id == onUnchanged.Id).Status);
        var orphan = joined.Carried.Single(c => c.Comment.Id == onDeleted.Id);
        Assert.Equal((PlacementStatus.Orphaned, (string?)null), (orphan.Status, orphan.Anchor));
        var path = await esi.InvokeAsync<JoinResult>("JoinVersion", v2, 0);
        Assert.Equal([new PlacementView(3, joined.Carried.Single(c => c.Comment.Id == onChanged.Id).Anchor, PlacementStatus.Modified, true)],
            path.Comments.Single(c => c.Id == onChanged.Id).Placements);
    }

    [Fact]
    public async Task A_publish_that_would_change_published_text_or_has_bad_front_matter_is_refused_with_a_reason()
    {
        await ImportTwoVersionsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var v2 = File.ReadAllText(SampleFile("v2.md"));

        var changedText = await UploadAsync(secretariat, v2 + "\nAn extra paragraph.\n", "v2-edited.md");
        var identical = await UploadAsync(secretariat, v2, "v2.md");
        var badDate = await UploadAsync(secretariat, "---\nnumber: 4\nlabel: x\ndate: soon\nstatus: draft\n---\n# 1. X\n\nText.\n");
        var noFrontMatter = await UploadAsync(secretariat, "# 1. Just text\n");
        var word = await UploadAsync(secretariat, "not really a docx", "draft.docx");

        Assert.Contains("already published", await changedText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This file is identical to it; nothing was published.", await identical.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("&#x27;date&#x27; must be a date written as YYYY-MM-DD", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("must start with a front matter block", await noFrontMatter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(DocxConverter.Available ? "could not be read" : "Word files need pandoc on the server", await word.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.DbAsync(db => db.DraftVersions.CountAsync(v => v.Guideline.Slug == slug)));
    }

    [Fact]
    public async Task Only_the_secretariat_may_publish()
    {
        await ImportTwoVersionsAsync();
        var expert = await app.SignInAsync("expert@demo.local");

        var page = await expert.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
