using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Tests.Core;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The secretariat's and translators' Markdown in downloaded files: held to the page's link and HTML
/// rules, so a report opened in another tool runs nothing and fetches nothing. An app of its own:
/// the hostile translation would change other tests' counts.
/// </summary>
public sealed class SafeExportTests : IDisposable
{
    private const string V3 = $"/guidelines/{AppFactory.SampleSlug}/v/3";

    private readonly CustomAppFactory app = new();

    private const string Hostile = """
        Residents asked for <script>alert('report')</script> binding budgets <img src=x onerror=alert(1)>.
        See [the annex](https://example.org/annex), [a trap](JaVaScRiPt&#58;alert(1)), <javascript:alert(2)> and [a reference trap][t].
        ![pixel](https://tracker.example/p.png) ![inline](data:image/png;base64,AAAA)

        <div onmouseover="alert(4)">hover</div>

        [t]: javascript:alert(3)
        """;

    [Fact]
    public async Task A_hostile_key_finding_is_inert_in_the_markdown_report_and_the_word_report_links_nowhere_unsafe()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var engagement = await app.DbAsync(db => db.GuidelineTerms
            .Where(t => t.Kind == GuidelinesReview.Core.Content.TaxonomyKind.ThematicArea && t.Key == "engagement" && db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug))
            .Select(t => t.Id).SingleAsync());
        var saved = await AppFactory.PostFormAsync(secretariat, $"{V3}/rollup?area={engagement}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = engagement.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Text"] = Hostile,
        }, $"{V3}/rollup?area={engagement}");

        var md = await secretariat.GetStringAsync($"{V3}/findings?format=md");
        var docx = await secretariat.GetByteArrayAsync($"{V3}/findings?format=docx");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        HtmlSafety.AssertSafeInAnyViewer(md);
        Assert.Contains("- Residents asked for \\<script>alert('report')\\</script> binding budgets \\<img src=x onerror=alert(1)>.", md, StringComparison.Ordinal);
        Assert.Contains("See [the annex](https://example.org/annex), a trap, \\<javascript:alert(2)> and a reference trap.", md, StringComparison.Ordinal);
        Assert.Contains("\\<div onmouseover=\"alert(4)\">hover\\</div>", md, StringComparison.Ordinal);
        foreach (var gone in new[] { "JaVaScRiPt", "javascript:alert(3)", "tracker.example", "data:image" })
        {
            Assert.DoesNotContain(gone, md, StringComparison.Ordinal);
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.All(document.GetAllParts().SelectMany(p => p.HyperlinkRelationships), link => Assert.True(
            link.Uri.IsAbsoluteUri && link.Uri.Scheme is "http" or "https" or "mailto", $"a Word hyperlink to {link.Uri}"));
        Assert.Empty(document.MainDocumentPart.ImageParts);
        Assert.Contains("See the annex (https://example.org/annex), a trap, javascript:alert(2) and a reference trap.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("JaVaScRiPt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_approved_translation_is_inert_in_the_markdown_download_of_the_localized_version()
    {
        var (versionId, segment) = await app.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>();
            var id = await db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3).Select(v => v.Id).SingleAsync();
            var blocks = await sp.GetRequiredService<TranslationReader>().BlocksAsync(id, CancellationToken.None);
            return (id, blocks.SelectMany(b => b.Segments).First(s => s.Id == "s1.1-p1"));
        });
        const string russian = "Города <iframe src=\"https://evil.example\"></iframe> [ссылка](javascript:alert(1)) и ![счётчик](https://tracker.example/p.png) — [сайт](https://example.org).";
        await app.DbAsync(async db =>
        {
            db.Translations.Add(new Translation
            {
                VersionId = versionId, Language = "ru", SegmentId = segment.Id, BlockAnchor = segment.BlockAnchor, Text = russian, ApprovedText = russian,
                State = TranslationState.Approved, SourceText = segment.Source, SourceHash = segment.Hash, Revision = 1, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var expert = await app.SignInAsync("expert@demo.local");

        var download = await expert.GetAsync($"{V3}/ru?format=md");
        var md = await download.Content.ReadAsStringAsync();

        Assert.Equal("text/markdown", download.Content.Headers.ContentType!.MediaType);
        HtmlSafety.AssertSafeInAnyViewer(md);
        Assert.Contains("Города \\<iframe src=\"https://evil.example\">\\</iframe> ссылка и счётчик — [сайт](https://example.org).", md, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", md, StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
