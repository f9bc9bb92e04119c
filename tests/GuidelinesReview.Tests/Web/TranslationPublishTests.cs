using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Publishing v3 over a copy of the sample guideline whose v2 has the sample French translations:
/// the page first asks which changes of translated blocks are editorial, then carries translations.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class TranslationPublishTests(AppFactory app)
{
    private readonly string slug = "translate-publish-" + Guid.NewGuid().ToString("N")[..8];
    private string Page => $"/guidelines/{slug}/publish";
    private static string SampleFile(string name) => Path.Combine(RepoPaths.Content, "guidelines", AppFactory.SampleSlug, name);

    [GeneratedRegex("name=\"Editorial\" value=\"([^\"]+)\"")]
    private static partial Regex EditorialBox();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task ImportTwoVersionsAsync()
    {
        var content = Path.Combine(app.DataDirectory, "content-" + slug);
        var folder = Path.Combine(content, "guidelines", slug);
        Directory.CreateDirectory(Path.Combine(folder, "translations"));
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), File.ReadAllText(SampleFile("guideline.yml")).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
        File.Copy(SampleFile("v1.md"), Path.Combine(folder, "v1.md"));
        File.Copy(SampleFile("v2.md"), Path.Combine(folder, "v2.md"));
        File.Copy(SampleFile("translations/v2.fr.yml"), Path.Combine(folder, "translations", "v2.fr.yml"));
        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text)
    {
        var token = await AppFactory.AntiforgeryTokenAsync(client, Page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "Upload", "v3.md");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(Page, form);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string page, string confirmPage, string text, IEnumerable<string> editorial)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token().Match(confirmPage).Groups[1].Value),
            new("PendingText", text),
            new("PendingName", "v3.md"),
        };
        fields.AddRange(editorial.Select(a => new KeyValuePair<string, string>("Editorial", a)));
        return client.PostAsync(page + "?handler=Confirm", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Publishing_asks_which_translated_changes_are_editorial_and_carries_translations_accordingly()
    {
        await ImportTwoVersionsAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var v3Text = File.ReadAllText(SampleFile("v3.md"));

        var step = await UploadAsync(secretariat, v3Text);

        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        var page = await step.Content.ReadAsStringAsync();
        Assert.Contains("changed blocks have translations", page, StringComparison.Ordinal);
        var choices = EditorialBox().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.True(choices.Count >= 3, $"only {choices.Count} changed translated blocks offered");
        Assert.False(await app.DbAsync(db => db.DraftVersions.AnyAsync(v => v.Guideline.Slug == slug && v.Number == 3)));

        var refused = await ConfirmAsync(secretariat, Page, page, v3Text, ["s99-p9"]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("s99-p9 is not a changed block with translations", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.DraftVersions.AnyAsync(v => v.Guideline.Slug == slug && v.Number == 3)));

        var editorial = choices[0];
        var published = await ConfirmAsync(secretariat, Page, page, v3Text, [editorial]);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var rows = await app.DbAsync(db => db.Translations.AsNoTracking()
            .Where(t => t.Version.Guideline.Slug == slug && t.Version.Number == 3 && t.Language == "fr")
            .Select(t => new { t.BlockAnchor, t.State, t.EditorialChange, From = db.Translations.Single(f => f.Id == t.CarriedFromId).State })
            .ToListAsync());
        var marked = rows.Single(r => r.BlockAnchor == editorial);
        Assert.True(marked.EditorialChange);
        Assert.Equal(marked.From, marked.State);
        var changed = rows.Where(r => choices.Skip(1).Contains(r.BlockAnchor)).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, r => Assert.Equal(TranslationState.Outdated, r.State));
        var unchanged = rows.Where(r => !choices.Contains(r.BlockAnchor)).ToList();
        Assert.True(unchanged.Count > 100, $"{unchanged.Count} unchanged");
        Assert.All(unchanged, r => Assert.Equal(r.From, r.State));
        Assert.Contains(unchanged, r => r.State == TranslationState.Approved);
        Assert.Contains(unchanged, r => r.State == TranslationState.Rejected);
    }
}
