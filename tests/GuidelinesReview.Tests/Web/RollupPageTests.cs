using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The rollup and findings report over comments from people of one test organisation (the
/// shared database holds other tests' comments too; the organisation filter isolates ours).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RollupPageTests(AppFactory app)
{
    private const string Rollup = $"/guidelines/{AppFactory.SampleSlug}/v/3/rollup";
    private const string Findings = $"/guidelines/{AppFactory.SampleSlug}/v/3/findings";

    private sealed record Seeded(string Org, int VersionId, int Engagement, int Community, int Transparency, int Institutional, int[] CommentIds);

    /// <summary>
    /// Three comments: two by a local government in Africa (one on §8.1, tagged engagement ×
    /// community and transparency; one on §1.1, no area), one by a national government in Europe
    /// on §8.1, decided. Hand-counted: engagement × community = 2, engagement total = 2, total = 3.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var org = $"Rollup Test {Guid.NewGuid():N}"[..24];
        var local = $"local-{Guid.NewGuid():N}@test.local";
        var national = $"national-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(local, AppFactory.Password, Roles.Expert, "Lina Local");
        await app.CreateUserAsync(national, AppFactory.Password, Roles.Expert, "Nuno National");
        var (versionId, _) = await CommentTestData.ConsultationDraftAsync(app);
        var ids = await app.DbAsync(async db =>
        {
            foreach (var (email, group, region) in new[] { (local, StakeholderGroup.LocalAndRegionalGovernment, Region.Africa), (national, StakeholderGroup.NationalGovernment, Region.EuropeAndCentralAsia) })
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                (user.Organisation, user.StakeholderGroup, user.Region) = (org, group, region);
            }

            await db.SaveChangesAsync();
            var terms = await db.GuidelineTerms.Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug)).ToDictionaryAsync(t => $"{t.Kind}:{t.Key}", t => t.Id);
            var users = await db.Users.Where(u => u.Email == local || u.Email == national).ToDictionaryAsync(u => u.Email!, u => u.Id);
            // a paragraph tagged engagement × {community, transparency} only, and one with principles but no area
            var tags = (await db.SectionTags.Where(t => db.Sections.Any(x => x.Id == t.SectionId && x.VersionId == versionId)).Select(t => new { t.SectionId, t.TermId }).ToListAsync())
                .GroupBy(t => t.SectionId).ToDictionary(g => g.Key, g => g.Select(t => t.TermId).Order().ToList());
            var withParagraphs = (await db.Blocks.Where(b => b.VersionId == versionId && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph).Select(b => b.SectionId).Distinct().ToListAsync()).ToHashSet();
            tags = tags.Where(t => withParagraphs.Contains(t.Key)).ToDictionary();
            int[] engagementTags = [terms["ThematicArea:engagement"], terms["Principle:community"], terms["Principle:transparency"]];
            var engagementSection = tags.First(t => t.Value.SequenceEqual(engagementTags.Order())).Key;
            var noAreaSection = tags.First(t => t.Value.Count > 0 && t.Value.All(id => terms.Single(x => x.Value == id).Key.StartsWith("Principle:", StringComparison.Ordinal))).Key;
            async Task<string> ParagraphOf(int sectionId) =>
                await db.Blocks.Where(b => b.SectionId == sectionId && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph).OrderBy(b => b.Ordinal).Select(b => b.Anchor).FirstAsync();
            return (terms, users, await ParagraphOf(engagementSection), await ParagraphOf(noAreaSection));
        });
        var (terms, users, participation, noArea) = ids;
        var comments = new List<int>();
        foreach (var (email, anchor, body) in new[]
        {
            (local, participation, "Neighbourhood assemblies should shape the budget = real say."),
            (local, noArea, "Les services numériques doivent rester accessibles; 城市数据应公开."),
            (national, participation, "Ministries need a \"clear\" mandate, too."),
        })
        {
            var view = await app.ScopedAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
                new Caller(users[email], new HashSet<string> { Roles.Expert }), CommentTestData.Post(versionId, body, anchor), CancellationToken.None));
            comments.Add(view.Comment.Id);
        }

        var secretariatId = await app.DbAsync(db => db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync());
        await app.ScopedAsync(sp => sp.GetRequiredService<CommentService>().SetDispositionAsync(
            new Caller(secretariatId, new HashSet<string> { Roles.Secretariat }), new DispositionInput(comments[2], Decision.AcceptedInPart, "Mandates are now in 8.1.", null, null), CancellationToken.None));
        return new Seeded(org, versionId, terms["ThematicArea:engagement"], terms["Principle:community"], terms["Principle:transparency"], terms["Principle:institutional"], [.. comments]);
    }

    private static string Q(string org) => "org=" + Uri.EscapeDataString(org);

    private static int Total(string html) => int.Parse(Regex.Match(html, "data-testid=\"rollup-total\">\\s*<strong>([0-9,]+) item").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Cell(string html, string area, string principle) =>
        Regex.Match(WebUtility.HtmlDecode(html), $"aria-label=\"(\\d+) in {Regex.Escape(area)} × {Regex.Escape(principle)}\"").Groups[1].Value;

    [Fact]
    public async Task The_matrix_counts_each_comment_once_per_cell_and_once_in_the_totals()
    {
        var seeded = await SeedAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var html = await secretariat.GetStringAsync($"{Rollup}?{Q(seeded.Org)}");

        Assert.Equal(3, Total(html));
        Assert.Equal("2", Cell(html, "Community engagement, participation and capacity", "Community engagement"));
        Assert.Equal("2", Cell(html, "Community engagement, participation and capacity", "Transparency and accountability"));
        Assert.Matches("aria-label=\"1 in No thematic area × [^\"]+\"", WebUtility.HtmlDecode(html));
        Assert.Contains("1 of 2 comments decided", html, StringComparison.Ordinal);
        Assert.Matches("<td>Local and regional government</td><td>2</td>", html);
        Assert.Matches("<td>Europe and Central Asia</td><td>1</td>", html);
    }

    [Fact]
    public async Task Filtering_to_local_governments_from_Africa_and_drilling_into_an_area_lists_their_comments()
    {
        var seeded = await SeedAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var filtered = await secretariat.GetStringAsync($"{Rollup}?{Q(seeded.Org)}&group=LocalAndRegionalGovernment&region=Africa");
        var drilled = await secretariat.GetStringAsync($"{Rollup}?{Q(seeded.Org)}&group=LocalAndRegionalGovernment&region=Africa&area={seeded.Engagement}");
        var bad = await secretariat.GetStringAsync($"{Rollup}?{Q(seeded.Org)}&group=Aliens&to=yesterday");

        Assert.Equal(2, Total(filtered));
        Assert.Equal("1", Cell(filtered, "Community engagement, participation and capacity", "Community engagement"));
        Assert.Contains($"data-id=\"{seeded.CommentIds[0]}\"", drilled, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{seeded.CommentIds[2]}\"", drilled, StringComparison.Ordinal);
        Assert.Contains("Community engagement, participation and capacity: 1 item", drilled, StringComparison.Ordinal);
        Assert.Contains("&#x27;Aliens&#x27; is not a stakeholder group; that filter was left out.", bad, StringComparison.Ordinal);
        Assert.Contains("&#x27;yesterday&#x27; is not a date (YYYY-MM-DD); that filter was left out.", bad, StringComparison.Ordinal);
        Assert.Equal(3, Total(bad));
    }

    [Fact]
    public async Task A_key_finding_links_its_comments_and_the_rest_stay_listed_as_not_covered()
    {
        var seeded = await SeedAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var drill = $"{Rollup}?{Q(seeded.Org)}&area={seeded.Engagement}";
        var before = await app.DbAsync(db => db.KeyFindings.CountAsync());

        var refused = await AppFactory.PostFormAsync(secretariat, $"{drill}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = S(seeded.Community), ["Form.PrincipleTermId"] = S(seeded.Engagement), ["Form.Text"] = " ",
            ["Form.CommentIds"] = "999999",
        }, drill);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var afterRefused = await app.DbAsync(db => db.KeyFindings.CountAsync());
        var saved = await AppFactory.PostFormAsync(secretariat, $"{drill}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = S(seeded.Engagement), ["Form.PrincipleTermId"] = S(seeded.Community),
            ["Form.Text"] = "Local governments ask for **binding** participatory budgets.", ["Form.CommentIds"] = S(seeded.CommentIds[0]),
        }, drill);
        var page = await secretariat.GetStringAsync(saved.Headers.Location!.OriginalString);

        Assert.Contains("Choose one of the guideline's thematic areas.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Choose one of the guideline's principles, or none.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Write the finding (at most 10,000 characters).", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Some of the chosen comments or takeaways are not feedback on this version; reload the page.", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(before, afterRefused);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<strong>binding</strong> participatory budgets", page, StringComparison.Ordinal);
        Assert.Contains("Covers 1 item matching the filters", page, StringComparison.Ordinal);
        Assert.Contains("1 comment or takeaway is not yet covered by a key finding.", page, StringComparison.Ordinal);
        Assert.Contains($"class=\"rollup-item uncovered\" data-kind=\"Comment\" data-id=\"{seeded.CommentIds[2]}\"", page, StringComparison.Ordinal);
        Assert.Contains($"class=\"rollup-item\" data-kind=\"Comment\" data-id=\"{seeded.CommentIds[0]}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_finding_built_to_make_the_parser_work_is_refused_with_its_sentence_and_not_saved()
    {
        var seeded = await SeedAsync();
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var drill = $"{Rollup}?{Q(seeded.Org)}&area={seeded.Engagement}";
        var hostile = GuidelinesReview.Fixtures.MarkdownCostCases.Named("comment: 5,000 [ then 5,000 ] (the tester's 1.5 s)");
        var before = await app.DbAsync(db => db.KeyFindings.CountAsync());

        var refused = await AppFactory.PostFormAsync(secretariat, $"{drill}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = S(seeded.Engagement), ["Form.Text"] = hostile.Markdown, ["Form.CommentIds"] = S(seeded.CommentIds[0]),
        }, drill);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(hostile.Refusal!, html, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.KeyFindings.CountAsync()));
    }

    [Theory]
    [InlineData("expert")]
    [InlineData("moderator")]
    public async Task Only_the_secretariat_sees_the_rollup_writes_findings_and_downloads_the_report(string who)
    {
        var client = await app.SignInAsync($"{who}@demo.local");
        var before = await app.DbAsync(db => db.KeyFindings.CountAsync());

        var page = await client.GetAsync(Rollup);
        var report = await client.GetAsync($"{Findings}?format=csv");
        var post = await client.PostAsync($"{Rollup}?handler=Finding", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.AreaTermId"] = "2", ["Form.Text"] = "Sneaky", ["__RequestVerificationToken"] = await AppFactory.AntiforgeryTokenAsync(client, "/account/profile"),
        }));

        Assert.All(new[] { page, report, post }, r => Assert.StartsWith("/account/access-denied", r.Headers.Location!.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(before, await app.DbAsync(db => db.KeyFindings.CountAsync()));
    }

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
