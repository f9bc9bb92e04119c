using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The generated large draft that benchmarks and load tests use is what they claim it is.</summary>
[Collection(AppCollection.Name)]
public sealed class FixtureTests(AppFactory app)
{
    [Fact]
    public async Task The_generated_large_draft_is_over_150_KB_with_hundreds_of_sections_and_imports()
    {
        var content = Path.Combine(app.DataDirectory, "large-content");
        var folder = LargeDraft.WriteContent(content);

        var size = new FileInfo(Path.Combine(folder, "v1.md")).Length;
        var report = await app.ScopedAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content, CancellationToken.None));
        var (sections, blocks, targets) = await app.DbAsync(async db =>
        {
            var version = await db.DraftVersions.Include(v => v.Guideline).SingleAsync(v => v.Guideline.Slug == LargeDraft.Slug);
            return (await db.Sections.CountAsync(s => s.VersionId == version.Id), await db.Blocks.CountAsync(b => b.VersionId == version.Id),
                GuidelinesReview.Web.Translations.TranslationAccess.TargetsOf(version.Guideline, version));
        });

        Assert.True(size >= 150 * 1024, $"{size / 1024} KB");
        Assert.Empty(report.Errors);
        Assert.InRange(sections, 200, 400);
        Assert.True(blocks > sections * 2, $"{blocks} blocks");
        Assert.Equal(["ar", "zh", "fr", "ru", "es"], targets); // the translation load test opens its French workspace
        Assert.Equal(LargeDraft.Generate(), LargeDraft.Generate());
        Assert.NotEqual(LargeDraft.Generate(seed: 1), LargeDraft.Generate(seed: 2));
    }

    [Fact]
    public void The_mutated_large_draft_changes_a_few_per_cent_of_blocks_in_every_way()
    {
        var taxonomy = GuidelinesReview.Core.Content.GuidelineManifest.Parse(LargeDraft.Manifest()).Taxonomy;
        var v1 = LargeDraft.Generate();
        static List<GuidelinesReview.Core.Diff.BlockRef> Refs(string file, GuidelinesReview.Core.Content.Taxonomy taxonomy) =>
            GuidelinesReview.Core.Drafts.DraftParser.Parse(GuidelinesReview.Core.Content.DraftFile.Parse(file).Body, taxonomy).Blocks
                .Select(b => new GuidelinesReview.Core.Diff.BlockRef(b.Ordinal, b.Anchor, b.Kind, b.SectionAnchor, b.Text)).ToList();

        var diff = GuidelinesReview.Core.Diff.BlockAligner.Align(Refs(v1, taxonomy), Refs(LargeDraft.Mutate(v1), taxonomy));

        var changed = diff.Pairs.Count(p => p.Change != GuidelinesReview.Core.Diff.BlockChange.Unchanged);
        Assert.InRange(changed * 100.0 / diff.Pairs.Count, 1, 10);
        foreach (var kind in new[] { GuidelinesReview.Core.Diff.BlockChange.Modified, GuidelinesReview.Core.Diff.BlockChange.Added, GuidelinesReview.Core.Diff.BlockChange.Deleted, GuidelinesReview.Core.Diff.BlockChange.Moved })
        {
            Assert.True(diff.Count(kind) > 0, $"no {kind} blocks");
        }
    }
}
