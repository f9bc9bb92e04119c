using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>XLIFF export and import over HTTP, on a copy of the sample guideline (v1-v3 with the French sample translations).</summary>
[Collection(AppCollection.Name)]
public sealed partial class XliffExchangeTests(AppFactory app) : IAsyncLifetime
{
    private readonly string slug = "xliff-test-" + Guid.NewGuid().ToString("N")[..8];
    private string Workspace => $"/guidelines/{slug}/v/3/translate/fr";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public async Task InitializeAsync()
    {
        static string Sample(string name) => Path.Combine(RepoPaths.Content, "guidelines", AppFactory.SampleSlug, name);
        var content = Path.Combine(app.DataDirectory, "content-" + slug);
        var folder = Path.Combine(content, "guidelines", slug);
        Directory.CreateDirectory(Path.Combine(folder, "translations"));
        File.WriteAllText(Path.Combine(folder, "guideline.yml"), File.ReadAllText(Sample("guideline.yml")).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
        foreach (var file in new[] { "v1.md", "v2.md", "v3.md", "glossary.yml", "translations/v2.fr.yml" })
        {
            File.Copy(Sample(file), Path.Combine(folder, file));
        }

        await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<XliffDocument> ExportAsync(HttpClient client, string format)
    {
        var response = await client.GetAsync($"{Workspace}/xliff?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xliff+xml", response.Content.Headers.ContentType!.MediaType);
        var read = XliffReader.Read(await response.Content.ReadAsStringAsync());
        Assert.True(read.Ok, string.Join(" ", read.Problems.Select(p => p.Message)));
        return read.Document!;
    }

    private async Task<(HttpStatusCode Status, string Page)> ImportAsync(HttpClient client, string xml)
    {
        var form = await client.GetStringAsync($"{Workspace}/import");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xliff+xml");
        content.Add(file, "Upload", "v3-fr.xlf");
        content.Add(new StringContent(Token().Match(form).Groups[1].Value), "__RequestVerificationToken");
        var response = await client.PostAsync($"{Workspace}/import", content);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<Dictionary<string, (string Text, TranslationState State)>> FrenchAsync() => app.DbAsync(db => db.Translations.AsNoTracking()
        .Where(t => t.Version.Guideline.Slug == slug && t.Version.Number == 3 && t.Language == "fr")
        .ToDictionaryAsync(t => t.SegmentId, t => (t.Text, t.State)));

    [Theory]
    [InlineData("2.0", XliffState.Final)]
    [InlineData("1.2", XliffState.Reviewed)]
    public async Task The_export_has_every_segment_with_its_translation_state_and_context(string format, XliffState approvedAs)
    {
        var translator = await app.SignInAsync("translator@demo.local");
        var french = await FrenchAsync();

        var document = await ExportAsync(translator, format);

        Assert.Equal(("en", "fr"), (document.SourceLanguage, document.TargetLanguage));
        var segments = await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 3).SelectMany(v => v.Blocks).OrderBy(b => b.Ordinal).Select(b => new { b.Kind, b.Anchor, b.Source }).ToListAsync());
        Assert.Equal(segments.SelectMany(b => Segments.Of(b.Kind, b.Anchor, b.Source)).Select(s => s.Id), document.Units.Select(u => u.Id));
        var approved = french.First(t => t.Value.State == TranslationState.Approved);
        var unit = document.Units.Single(u => u.Id == approved.Key);
        Assert.Equal((approved.Value.Text, approvedAs), (unit.Target, unit.State));
        Assert.Contains(unit.Notes, n => n.StartsWith("Section ", StringComparison.Ordinal));
        var rejected = french.First(t => t.Value.State == TranslationState.Rejected);
        Assert.Contains(document.Units.Single(u => u.Id == rejected.Key).Notes, n => n.StartsWith("Rejected: ", StringComparison.Ordinal));
        Assert.Contains(document.Units, u => u.Target is null && u.State == XliffState.Initial);
        Assert.Contains(document.Units, u => u.Notes.Any(n => n.StartsWith("Glossary: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_filled_in_export_imports_as_waiting_for_review_and_a_changed_source_comes_in_outdated()
    {
        var translator = await app.SignInAsync("translator@demo.local");
        var document = await ExportAsync(translator, "2.0");
        var empty = document.Units.Where(u => u.Target is null).Take(2).ToList();
        var filled = document with
        {
            Units = document.Units.Select(u =>
                u.Id == empty[0].Id ? u with { Target = "Traduction faite dans un outil de TAO.", State = XliffState.Translated }
                : u.Id == empty[1].Id ? u with { Target = "Traduction d'un texte anglais qui a changé.", State = XliffState.Translated, SourceHash = "0123456789abcdef0123456789abcdef" }
                : u).ToList(),
        };

        var (status, page) = await ImportAsync(translator, XliffWriter.Write(filled, XliffVersion.V12));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Imported.</strong> 1 segment updated", page, StringComparison.Ordinal);
        Assert.Contains("1 unit came from a text whose English has changed", page, StringComparison.Ordinal);
        var french = await FrenchAsync();
        Assert.Equal(("Traduction faite dans un outil de TAO.", TranslationState.Translated), french[empty[0].Id]);
        Assert.Equal(TranslationState.Outdated, french[empty[1].Id].State);
    }

    [Fact]
    public async Task A_file_with_an_unknown_unit_or_broken_xml_imports_nothing_and_says_where()
    {
        var translator = await app.SignInAsync("translator@demo.local");
        var document = await ExportAsync(translator, "2.0");
        var before = await FrenchAsync();
        var target = document.Units.First(u => u.Target is null);
        var withUnknown = document with
        {
            Units = [.. document.Units.Select(u => u.Id == target.Id ? u with { Target = "Ne doit pas entrer." } : u), new XliffUnit("s99-p9", "Nowhere.", "Nulle part.", XliffState.Translated, "", [])],
        };

        var (status, page) = await ImportAsync(translator, XliffWriter.Write(withUnknown, XliffVersion.V20));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nothing was imported.", page, StringComparison.Ordinal);
        Assert.Contains("Unit 's99-p9' is not a segment of v3", page, StringComparison.Ordinal);

        var broken = XliffWriter.Write(document, XliffVersion.V20);
        (status, page) = await ImportAsync(translator, broken[..(broken.Length / 2)]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches(@"Line \d+", page);

        (status, page) = await ImportAsync(translator, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f\"><unit id=\"s1\"><segment><source>&e;</source></segment></unit></file></xliff>");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("DTD", page, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", page, StringComparison.Ordinal);

        Assert.Equal(before, await FrenchAsync());
    }

    [Fact]
    public async Task Only_translators_of_the_language_import_and_only_they_and_the_secretariat_export()
    {
        var spanish = await app.SignInAsync("translator3@demo.local");
        var page = await spanish.GetAsync($"{Workspace}/import");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("You are not assigned to translate French (fr)", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var expert = await app.SignInAsync("expert@demo.local");
        var export = await expert.GetAsync($"{Workspace}/xliff");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);

        var secretariat = await app.SignInAsync("secretariat@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"{Workspace}/xliff?format=1.2")).StatusCode);
        var bad = await secretariat.GetAsync($"{Workspace}/xliff?format=3.0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("use format=2.0 or format=1.2", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
