using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The importer on a copy of the sample guideline under a slug of its own.</summary>
[Collection(AppCollection.Name)]
public sealed class ContentImportTests(AppFactory app) : IDisposable
{
    private readonly string contentPath = Path.Combine(app.DataDirectory, "content-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string slug = "import-test-" + Guid.NewGuid().ToString("N")[..8];

    private string Folder => Path.Combine(contentPath, "guidelines", slug);

    private void CopySample()
    {
        var source = Path.Combine(RepoPaths.Root, "content", "guidelines", AppFactory.SampleSlug);
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(Folder, "guideline.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"slug: {AppFactory.SampleSlug}", $"slug: {slug}", StringComparison.Ordinal));
    }

    private Task<ImportReport> ImportAsync() =>
        app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(contentPath, CancellationToken.None));

    private Task<string> SnapshotAsync() => app.DbAsync(async db =>
    {
        var versions = await db.DraftVersions.Where(v => v.Guideline.Slug == slug).OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Markdown, v.Label, Blocks = v.Blocks.Count, Sections = v.Sections.Count }).ToListAsync();
        var terms = await db.GuidelineTerms.Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == slug)).CountAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { versions, terms });
    });

    [Fact]
    public async Task Importing_the_same_content_twice_changes_nothing()
    {
        CopySample();

        var first = await ImportAsync();
        var afterFirst = await SnapshotAsync();
        var second = await ImportAsync();

        Assert.Equal(3, first.Published);
        Assert.Empty(first.Errors);
        Assert.Equal(0, second.Published);
        Assert.Equal(3, second.Unchanged);
        Assert.Empty(second.Errors);
        Assert.Equal(afterFirst, await SnapshotAsync());
    }

    [Fact]
    public async Task A_changed_file_for_a_published_version_is_refused_and_the_published_text_kept()
    {
        CopySample();
        await ImportAsync();
        var published = await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 1).Select(v => v.Markdown).SingleAsync());
        var v1 = Path.Combine(Folder, "v1.md");
        File.AppendAllText(v1, "\nA paragraph added after publication.\n");

        var report = await ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Contains("v1", error, StringComparison.Ordinal);
        Assert.Contains("already published", error, StringComparison.Ordinal);
        Assert.Contains("new version", error, StringComparison.Ordinal);
        Assert.Equal(published, await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 1).Select(v => v.Markdown).SingleAsync()));
    }

    [Fact]
    public async Task Status_label_and_date_may_change_but_not_the_text_or_language()
    {
        CopySample();
        await ImportAsync();
        var v3 = Path.Combine(Folder, "v3.md");
        var original = File.ReadAllText(v3);

        File.WriteAllText(v3, original.Replace("status: consultation", "status: final", StringComparison.Ordinal) + "\n\n");
        var closed = await ImportAsync();
        File.WriteAllText(v3, original.Replace("language: en", "language: fr", StringComparison.Ordinal));
        var otherLanguage = await ImportAsync();

        Assert.Empty(closed.Errors);
        Assert.Equal(GuidelinesReview.Core.Content.DraftStatus.Final,
            await app.DbAsync(db => db.DraftVersions.Where(v => v.Guideline.Slug == slug && v.Number == 3).Select(v => v.Status).SingleAsync()));
        Assert.Contains("The language of a version cannot change.", Assert.Single(otherLanguage.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_bad_front_matter_is_reported_and_the_other_files_still_load()
    {
        CopySample();
        File.WriteAllText(Path.Combine(Folder, "v4.md"), "---\nnumber: 4\nlabel: Broken\ndate: 14 March\nstatus: draft\n---\n# 1. Text\n\nBody.\n");

        var report = await ImportAsync();

        Assert.Equal(3, report.Published);
        var error = Assert.Single(report.Errors);
        Assert.Contains("v4.md", error, StringComparison.Ordinal);
        Assert.Contains("'date' must be a date written as YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tag_in_a_heading_is_reported_with_its_line()
    {
        CopySample();
        File.WriteAllText(Path.Combine(Folder, "v4.md"), "---\nnumber: 4\nlabel: Tagged\ndate: 2025-06-01\nstatus: draft\n---\n\n# 1. Text {principles: nonsense}\n\nBody.\n");

        var report = await ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Contains("'nonsense' is not one of this guideline's principles", error, StringComparison.Ordinal);
        Assert.Contains("Line 8", error, StringComparison.Ordinal); // the heading's line in the file, front matter included
        Assert.False(await app.DbAsync(db => db.DraftVersions.AnyAsync(v => v.Guideline.Slug == slug && v.Number == 4)));
    }

    [Fact]
    public async Task Imported_blocks_keep_anchors_tags_and_inherited_tags()
    {
        CopySample();
        await ImportAsync();

        var (blocks, taggedSections, ownTags) = await app.DbAsync(async db =>
        {
            var version = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == slug && v.Number == 3);
            return (
                await db.Blocks.Where(b => b.VersionId == version.Id).ToListAsync(),
                await db.Sections.Where(s => s.VersionId == version.Id && s.Tags.Any()).CountAsync(),
                await db.SectionTags.Where(t => db.Sections.Any(s => s.Id == t.SectionId && s.VersionId == version.Id) && t.Own).CountAsync());
        });

        Assert.True(blocks.Count > 150, $"v3 has {blocks.Count} blocks");
        Assert.Equal(blocks.Count, blocks.Select(b => b.Anchor).Distinct().Count());
        Assert.All(blocks, b => Assert.Contains($"id=\"{b.Anchor}\" data-anchor=\"{b.Anchor}\"", b.Html, StringComparison.Ordinal));
        Assert.True(taggedSections > ownTags / 3, "subsections inherit their parents' tags");
        var inherited = await app.DbAsync(db => db.SectionTags
            .Where(t => db.Sections.Any(s => s.Id == t.SectionId && s.Anchor == "s4.3" && db.DraftVersions.Any(v => v.Id == s.VersionId && v.Number == 3 && v.Guideline.Slug == slug)))
            .Select(t => new { t.Term.Key, t.Own }).ToListAsync());
        Assert.Contains(inherited, t => t.Key == "institutional" && !t.Own); // "4. Governance" is tagged institutional; 4.3 inherits it
    }

    public void Dispose()
    {
        if (Directory.Exists(contentPath))
        {
            Directory.Delete(contentPath, recursive: true);
        }
    }
}
