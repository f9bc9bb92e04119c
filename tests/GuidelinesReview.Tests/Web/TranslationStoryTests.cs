using System.Net;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The story, end to end below the browser: French translators translate and review three
/// paragraphs of v3 over the hub, the secretariat publishes a v4 that edits one of them, and v4
/// in French shows it outdated with the English diff, the others as they were; then an XLIFF of
/// v4 goes out to a CAT tool and comes back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TranslationStoryTests(AppFactory app)
{
    private readonly string slug = "story-" + Guid.NewGuid().ToString("N")[..8];

    private static string Sample(string name) => Path.Combine(RepoPaths.Content, "guidelines", AppFactory.SampleSlug, name);

    private async Task<Guideline> ImportThreeVersionsAsync()
    {
        var content = Path.Combine(app.DataDirectory, "content-" + slug);
        var folder = Path.Combine(content, "guidelines", slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), File.ReadAllText(Sample("guideline.yml")).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
        foreach (var file in new[] { "v1.md", "v2.md", "v3.md" })
        {
            File.Copy(Sample(file), Path.Combine(folder, file));
        }

        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
        return await app.DbAsync(db => db.Guidelines.SingleAsync(g => g.Slug == slug));
    }

    private async Task<HubTestClient> TranslatorAsync(string email) =>
        await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync(email), path: "/hubs/translate");

    [Fact]
    public async Task Translate_review_publish_v4_and_round_trip_through_xliff()
    {
        var guideline = await ImportThreeVersionsAsync();
        var v3 = await app.DbAsync(db => db.DraftVersions.Where(v => v.GuidelineId == guideline.Id && v.Number == 3).Select(v => new { v.Id, v.Markdown }).SingleAsync());
        var paragraphs = await app.DbAsync(db => db.Blocks.Where(b => b.VersionId == v3.Id && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph && b.Section.Anchor == "s1.1")
            .OrderBy(b => b.Ordinal).Select(b => new { b.Anchor, b.Source }).Take(3).ToListAsync());
        Assert.Equal(3, paragraphs.Count);

        await using var tomas = await TranslatorAsync("translator@demo.local");
        await using var fanny = await TranslatorAsync("translator2@demo.local");
        await tomas.InvokeAsync<WorkspaceJoined>("JoinWorkspace", v3.Id, "fr");
        var joined = await fanny.InvokeAsync<WorkspaceJoined>("JoinWorkspace", v3.Id, "fr");
        Assert.True(joined.Rights.CanReview);
        var revisions = new Dictionary<string, int>();
        foreach (var (p, i) in paragraphs.Select((p, i) => (p, i)))
        {
            var saved = await tomas.InvokeAsync<TranslationSaveResult>("SaveTranslation", v3.Id, "fr", p.Anchor, $"Traduction française numéro {i + 1} du paragraphe.", 0, true);
            Assert.True(saved.Saved);
            Assert.Equal(TranslationState.Translated, saved.Current!.State);
            revisions[p.Anchor] = saved.Current.Revision;
        }

        await fanny.InvokeAsync<TranslationView>("Approve", v3.Id, "fr", paragraphs[0].Anchor, revisions[paragraphs[0].Anchor], null);
        await fanny.InvokeAsync<TranslationView>("Approve", v3.Id, "fr", paragraphs[1].Anchor, revisions[paragraphs[1].Anchor], null);
        var rejected = await fanny.InvokeAsync<TranslationView>("Reject", v3.Id, "fr", paragraphs[2].Anchor, revisions[paragraphs[2].Anchor], "Le dernier membre de phrase manque.");
        Assert.Equal((TranslationState.Rejected, "Le dernier membre de phrase manque."), (rejected.State, rejected.RejectReason));

        // v4 edits the first paragraph, nothing else.
        var first = paragraphs[0].Source;
        var edited = first.Replace(first.Split(' ')[2], "thoroughly " + first.Split(' ')[2], StringComparison.Ordinal);
        var v4Text = File.ReadAllText(Sample("v3.md")).Replace("number: 3", "number: 4", StringComparison.Ordinal).Replace(first, edited, StringComparison.Ordinal);
        var published = await app.ScopedAsync(sp => sp.GetRequiredService<DraftPublisher>().PublishAsync(guideline, v4Text, "v4.md", CancellationToken.None));
        Assert.Equal(PublishOutcome.Published, published.Outcome);
        Assert.Contains("Translations: 2 kept, 1 outdated", published.Message, StringComparison.Ordinal);

        var tomasId = await app.DbAsync(db => db.Users.Where(u => u.Email == "translator@demo.local").Select(u => u.Id).SingleAsync());
        var workspace = await app.ScopedAsync(sp => sp.GetRequiredService<TranslationWorkspace>().LoadAsync(
            new GuidelinesReview.Web.Live.Caller(tomasId, new HashSet<string> { "Translator" }), slug, 4, "fr", CancellationToken.None));
        var onV4 = workspace.Segments.Where(s => paragraphs.Select(p => p.Anchor).Contains(s.Segment.Id)).ToDictionary(s => s.Segment.Id);
        var outdated = onV4[paragraphs[0].Anchor].Translation!;
        Assert.Equal(TranslationState.Outdated, outdated.State);
        Assert.Contains(outdated.SourceDiff!, w => w.Op == WordOp.Inserted && w.Text.Contains("thoroughly", StringComparison.Ordinal));
        Assert.Equal("Traduction française numéro 1 du paragraphe.", outdated.Text);
        Assert.Equal(TranslationState.Approved, onV4[paragraphs[1].Anchor].Translation!.State);
        Assert.Null(onV4[paragraphs[1].Anchor].Translation!.SourceDiff);
        Assert.Equal(TranslationState.Rejected, onV4[paragraphs[2].Anchor].Translation!.State);

        // Readers of v4 in French see the approved, current translation, and the English where it is outdated.
        var expert = await app.SignInAsync("expert@demo.local");
        var reading = WebUtility.HtmlDecode(await expert.GetStringAsync($"/guidelines/{slug}/v/4/fr"));
        Assert.Contains("Traduction française numéro 2 du paragraphe.", reading, StringComparison.Ordinal);
        Assert.DoesNotContain("Traduction française numéro 1 du paragraphe.", reading, StringComparison.Ordinal);

        // Out to a CAT tool and back: the outdated paragraph is retranslated there.
        var tomasHttp = await app.SignInAsync("translator@demo.local");
        var xliff = XliffReader.Read(await tomasHttp.GetStringAsync($"/guidelines/{slug}/v/4/translate/fr/xliff?format=2.0")).Document!;
        Assert.Equal(XliffState.Final, xliff.Units.Single(u => u.Id == paragraphs[1].Anchor).State);
        var filled = xliff with { Units = xliff.Units.Select(u => u.Id == paragraphs[0].Anchor ? u with { Target = "Traduction revue dans l'outil de TAO.", State = XliffState.Translated } : u).ToList() };
        var form = await tomasHttp.GetStringAsync($"/guidelines/{slug}/v/4/translate/fr/import");
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(XliffWriter.Write(filled, XliffVersion.V20))), "Upload", "v4-fr.xlf" },
            { new StringContent(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
        };
        var imported = await tomasHttp.PostAsync($"/guidelines/{slug}/v/4/translate/fr/import", upload);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var after = await app.DbAsync(db => db.Translations.Where(t => t.Version.GuidelineId == guideline.Id && t.Version.Number == 4 && t.Language == "fr" && t.SegmentId == paragraphs[0].Anchor)
            .Select(t => new { t.Text, t.State }).SingleAsync());
        Assert.Equal(("Traduction revue dans l'outil de TAO.", TranslationState.Translated), (after.Text, after.State));
        var stillReading = WebUtility.HtmlDecode(await expert.GetStringAsync($"/guidelines/{slug}/v/4/fr"));
        Assert.DoesNotContain("numéro 1 du paragraphe", stillReading, StringComparison.Ordinal);
        Assert.DoesNotContain("outil de TAO", stillReading, StringComparison.Ordinal);
    }
}
