using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The translation progress matrix of a version (/guidelines/{slug}/v/{n}/translations) against counts made from the database.</summary>
[Collection(AppCollection.Name)]
public sealed class TranslationProgressPageTests(AppFactory app)
{
    private const string V3 = $"/guidelines/{AppFactory.SampleSlug}/v/3";

    /// <summary>(state → count) of French segments of v3 in the given sections (all when null), counted here from the rows.</summary>
    private async Task<Dictionary<TranslationState, int>> CountFromDatabaseAsync(string language, Func<string, bool>? inSection = null) =>
        await app.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>();
            var version = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            var blocks = await sp.GetRequiredService<TranslationReader>().BlocksAsync(version.Id, CancellationToken.None);
            var segments = blocks.Where(b => inSection?.Invoke(b.SectionAnchor) ?? true).SelectMany(b => b.Segments).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var rows = await db.Translations.Where(t => t.VersionId == version.Id && t.Language == language).ToListAsync();
            var counts = Enum.GetValues<TranslationState>().ToDictionary(s => s, _ => 0);
            foreach (var row in rows.Where(r => segments.Contains(r.SegmentId)))
            {
                counts[row.State]++;
            }

            counts[TranslationState.Untranslated] += segments.Count - rows.Count(r => segments.Contains(r.SegmentId));
            return counts;
        });

    /// <summary>The counts a cell of the page carries in its data attributes.</summary>
    private static Dictionary<TranslationState, int> CellCounts(string html, string anchor, string language)
    {
        var cell = Regex.Match(html, $"<td data-lang=\"{language}\" data-cell=\"{Regex.Escape(anchor)}\"([^>]*)>");
        Assert.True(cell.Success, $"no cell for {anchor} in {language}");
        int Attr(string name) => int.Parse(Regex.Match(cell.Groups[1].Value, $"data-{name}=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        return Enum.GetValues<TranslationState>().ToDictionary(s => s, s => Attr(TranslationStates.Key(s)));
    }

    [Fact]
    public async Task The_v3_french_numbers_are_the_counts_of_the_database()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var html = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/translations"));

        var expected = await CountFromDatabaseAsync("fr");
        var shown = CellCounts(html, "total", "fr");
        Assert.Equal(expected, shown);
        Assert.True(expected[TranslationState.Approved] > 0 && expected[TranslationState.Untranslated] > 0, "the sample has French work done and left");
        var total = expected.Values.Sum();
        var approved = expected[TranslationState.Approved];
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"French</a></strong>: {approved:N0} of {total:N0} segments approved; {total - approved:N0} left."), html, StringComparison.Ordinal);

        // a top-level section counts its sub-sections' segments too
        var governance = await CountFromDatabaseAsync("fr", a => a == "s4" || a.StartsWith("s4.", StringComparison.Ordinal));
        Assert.Equal(governance, CellCounts(html, "s4", "fr"));
        Assert.Equal(await CountFromDatabaseAsync("fr", a => a == "s4.1"), CellCounts(html, "s4.1", "fr"));

        // every language's column counts the same segments
        foreach (var language in new[] { "ar", "zh", "ru", "es" })
        {
            Assert.Equal(total, CellCounts(html, "total", language).Values.Sum());
        }

        Assert.Equal(await CountFromDatabaseAsync("es"), CellCounts(html, "total", "es"));
    }

    [Fact]
    public async Task The_page_counts_a_state_change_at_once()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var before = CellCounts(WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/translations")), "total", "ru");
        var (versionId, segment) = await app.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<GuidelinesReview.Web.Data.AppDbContext>();
            var id = await db.DraftVersions.Where(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3).Select(v => v.Id).SingleAsync();
            var blocks = await sp.GetRequiredService<TranslationReader>().BlocksAsync(id, CancellationToken.None);
            return (id, blocks.SelectMany(b => b.Segments).Last());
        });
        await app.DbAsync(async db =>
        {
            db.Translations.Add(new Translation
            {
                VersionId = versionId, Language = "ru", SegmentId = segment.Id, BlockAnchor = segment.BlockAnchor, Text = "Перевод",
                State = TranslationState.Rejected, SourceText = segment.Source, SourceHash = segment.Hash, Revision = 1, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var after = CellCounts(WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/translations")), "total", "ru");

        Assert.Equal(before[TranslationState.Rejected] + 1, after[TranslationState.Rejected]);
        Assert.Equal(before[TranslationState.Untranslated] - 1, after[TranslationState.Untranslated]);
    }

    [Fact]
    public async Task A_translator_reads_every_language_and_only_their_own_links_to_its_workspace()
    {
        var translator = await app.SignInAsync("translator3@demo.local"); // Spanish

        var html = await translator.GetStringAsync($"{V3}/translations");

        Assert.Contains($"<a href=\"{V3}/translate/es\">Spanish</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a>French</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{V3}/translate/fr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html.Split("<main")[1], StringComparison.Ordinal);

        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var all = await secretariat.GetStringAsync($"{V3}/translations");
        foreach (var language in new[] { "ar", "zh", "fr", "ru", "es" })
        {
            Assert.Contains($"{V3}/translate/{language}\"", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_guideline_page_links_each_versions_translations_for_those_who_follow_them()
    {
        var guideline = $"/guidelines/{AppFactory.SampleSlug}";
        foreach (var (who, sees) in new[] { ("secretariat", true), ("translator", true), ("admin", true), ("expert", false), ("observer", false) })
        {
            var html = await (await app.SignInAsync($"{who}@demo.local")).GetStringAsync(guideline);
            foreach (var n in new[] { 1, 2, 3 })
            {
                Assert.True(html.Contains($"{guideline}/v/{n}/translations\"", StringComparison.Ordinal) == sees, $"{who}, v{n}");
            }

            Assert.Contains($"<a href=\"{guideline}/glossary\">Glossary</a>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_version_is_not_found()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/99/translations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/guidelines/no-such-guideline/v/1/translations")).StatusCode);
    }
}
