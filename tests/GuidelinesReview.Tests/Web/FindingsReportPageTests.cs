using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The findings report as downloaded, over comments from one test organisation (the shared
/// database holds other tests' comments; the organisation filter isolates ours): a summary first,
/// the details referring to comments by number, each comment once in the annex, Markdown as Word formatting.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FindingsReportPageTests(AppFactory app)
{
    private const string Rollup = $"/guidelines/{AppFactory.SampleSlug}/v/3/rollup";
    private const string Findings = $"/guidelines/{AppFactory.SampleSlug}/v/3/findings";

    private const string Formatted = "Budgets need **binding** votes and _real_ say:\n\n- neighbourhood assemblies\n- [open data](https://example.org/data)\n\n> Nothing about us without us.";

    private sealed record Seeded(string Org, int Engagement, int[] CommentIds, string Place, string Anchor);

    /// <summary>
    /// Two comments by a local government in Africa on a paragraph tagged engagement × {community,
    /// transparency} (so each is counted under two principles), one in Markdown; one by a national
    /// government, accepted in part with a Markdown observation.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var org = $"Findings Test {Guid.NewGuid():N}"[..26];
        var local = $"local-{Guid.NewGuid():N}@test.local";
        var national = $"national-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(local, AppFactory.Password, Roles.Expert, "Lina Local");
        await app.CreateUserAsync(national, AppFactory.Password, Roles.Expert, "Nuno National");
        var (versionId, _) = await CommentTestData.ConsultationDraftAsync(app);
        var (engagement, users, paragraph) = await app.DbAsync(async db =>
        {
            foreach (var (email, group, region) in new[] { (local, StakeholderGroup.LocalAndRegionalGovernment, Region.Africa), (national, StakeholderGroup.NationalGovernment, Region.EuropeAndCentralAsia) })
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                (user.Organisation, user.StakeholderGroup, user.Region) = (org, group, region);
            }

            await db.SaveChangesAsync();
            var terms = await db.GuidelineTerms.Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug)).ToDictionaryAsync(t => $"{t.Kind}:{t.Key}", t => t.Id);
            int[] wanted = [terms["ThematicArea:engagement"], terms["Principle:community"], terms["Principle:transparency"]];
            var tags = (await db.SectionTags.Where(t => db.Sections.Any(x => x.Id == t.SectionId && x.VersionId == versionId)).Select(t => new { t.SectionId, t.TermId }).ToListAsync())
                .GroupBy(t => t.SectionId).ToDictionary(g => g.Key, g => g.Select(t => t.TermId).Order().ToList());
            var withParagraphs = (await db.Blocks.Where(b => b.VersionId == versionId && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph).Select(b => b.SectionId).Distinct().ToListAsync()).ToHashSet();
            var section = tags.First(t => withParagraphs.Contains(t.Key) && t.Value.SequenceEqual(wanted.Order())).Key;
            var anchor = await db.Blocks.Where(b => b.SectionId == section && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph).OrderBy(b => b.Ordinal).Select(b => b.Anchor).FirstAsync();
            return (terms["ThematicArea:engagement"], await db.Users.Where(u => u.Email == local || u.Email == national).ToDictionaryAsync(u => u.Email!, u => u.Id), anchor);
        });
        var comments = new List<int>();
        foreach (var (email, body) in new[] { (local, Formatted), (local, "Ministries need a \"clear\" mandate, too."), (national, "Regions need a seat.") })
        {
            var view = await app.ScopedAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
                new Caller(users[email], new HashSet<string> { Roles.Expert }), CommentTestData.Post(versionId, body, paragraph), CancellationToken.None));
            comments.Add(view.Comment.Id);
        }

        var secretariatId = await app.DbAsync(db => db.Users.Where(u => u.Email == "secretariat@demo.local").Select(u => u.Id).SingleAsync());
        await app.ScopedAsync(sp => sp.GetRequiredService<CommentService>().SetDispositionAsync(
            new Caller(secretariatId, new HashSet<string> { Roles.Secretariat }), new DispositionInput(comments[2], Decision.AcceptedInPart, "Seats are now **guaranteed** in 8.1.", null, null), CancellationToken.None));
        var place = await app.ScopedAsync(async sp => (await sp.GetRequiredService<GuidelinesReview.Web.Drafts.BlockPlaces>().FindAsync(versionId, paragraph))!.Label);
        return new Seeded(org, engagement, [.. comments], place, paragraph);
    }

    private static string Q(string org) => "org=" + Uri.EscapeDataString(org);

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> WithFindingAsync(Seeded seeded)
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await AppFactory.PostFormAsync(secretariat, $"{Rollup}?area={seeded.Engagement}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = S(seeded.Engagement), ["Form.Text"] = $"Participation needs **resources** ({seeded.Org}).", ["Form.CommentIds"] = S(seeded.CommentIds[2]),
        }, $"{Rollup}?area={seeded.Engagement}");
        return secretariat;
    }

    [Fact]
    public async Task The_word_report_opens_with_the_summary_refers_to_comments_by_number_and_lists_each_once_in_the_annex()
    {
        var seeded = await SeedAsync();
        var secretariat = await WithFindingAsync(seeded);

        var docx = await secretariat.GetAsync($"{Findings}?format=docx&{Q(seeded.Org)}");

        Assert.Equal("people-centred-smart-cities-v3-findings.docx", docx.Content.Headers.ContentDisposition!.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2" or "Heading3")
            .Select(p => $"{p.ParagraphProperties!.ParagraphStyleId!.Val!.Value![^1]} {p.InnerText}").ToList();
        Assert.Equal(
        [
            "1 Executive summary", "2 Key findings", "3 Community engagement, participation and capacity", "2 Decisions", "2 Who was heard",
            "1 Findings by thematic area", "2 Community engagement, participation and capacity", "3 Community engagement", "3 Transparency and accountability",
            "1 Disposition annex",
        ], headings);
        Assert.Contains("Of 3 comments, 1 has a decision (1 accepted in part); 2 are not yet decided.", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("3 comments and 0 room takeaways, from 2 stakeholder groups in 2 regions.", body.InnerText, StringComparison.Ordinal);

        // the annex: one row per comment, each bookmarked; every number in the details links to one
        var annex = body.Elements<Table>().Last();
        var rows = annex.Elements<TableRow>().Skip(1).ToList();
        Assert.Equal(seeded.CommentIds.Select(S), rows.Select(r => r.Elements<TableCell>().First().InnerText));
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToList();
        Assert.Equal(bookmarks.Distinct(), bookmarks);
        var references = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).ToList();
        Assert.Equal(2 * seeded.CommentIds.Length, references.Count); // each comment under community and under transparency
        Assert.All(references, r => Assert.Contains(r.Anchor!.Value!, bookmarks));
        Assert.All(references, r => Assert.Equal(r.Anchor!.Value, $"comment_{r.InnerText}"));
        Assert.Equal(seeded.Place, rows[0].Elements<TableCell>().ElementAt(1).Elements<Paragraph>().First().InnerText);
        Assert.DoesNotContain(seeded.Anchor, annex.InnerText, StringComparison.Ordinal);
        Assert.Contains("Tagged under: Community engagement, participation and capacity › Community engagement, Transparency and accountability", rows[0].InnerText, StringComparison.Ordinal);
        Assert.Contains("Accepted in part", rows[2].InnerText, StringComparison.Ordinal);

        // Markdown as Word formatting: no marks left, bold and italic runs, a list, a real link
        var runs = body.Descendants<Run>().ToList();
        Assert.DoesNotContain(runs, r => r.InnerText.Contains("**", StringComparison.Ordinal) || r.InnerText.Contains("__", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.InnerText == "binding" && r.RunProperties?.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "real" && r.RunProperties?.Italic is not null);
        Assert.Contains(runs, r => r.InnerText == "guaranteed" && r.RunProperties?.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "resources" && r.RunProperties?.Bold is not null);
        Assert.Contains(rows[0].Descendants<Paragraph>(), p => p.InnerText == "•\tneighbourhood assemblies");
        var link = Assert.Single(rows[0].Descendants<Hyperlink>());
        Assert.Equal("open data", link.InnerText);
        Assert.Equal(new Uri("https://example.org/data"), document.MainDocumentPart.HyperlinkRelationships.Single(h => h.Id == link.Id).Uri);
        Assert.Contains(rows[0].Descendants<Paragraph>(), p => p.InnerText == "Nothing about us without us." && p.ParagraphProperties?.ParagraphBorders is not null);
        Assert.Null(body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!.Orient);
    }

    [Fact]
    public async Task The_findings_report_downloads_as_markdown_and_a_csv_spreadsheets_read_correctly()
    {
        var seeded = await SeedAsync();
        var secretariat = await WithFindingAsync(seeded);

        var md = await secretariat.GetAsync($"{Findings}?format=md&{Q(seeded.Org)}");
        var mdText = await md.Content.ReadAsStringAsync();
        var csv = await secretariat.GetAsync($"{Findings}?format=csv&{Q(seeded.Org)}");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var noFormat = await secretariat.GetAsync(Findings);

        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);
        Assert.Equal("people-centred-smart-cities-v3-findings.md", md.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.StartsWith("# Consultation findings: ", mdText, StringComparison.Ordinal);
        Assert.Contains($"Feedback matching: organisation: {seeded.Org}.", mdText, StringComparison.Ordinal);
        Assert.True(mdText.IndexOf("## Executive summary", StringComparison.Ordinal) < mdText.IndexOf("### Community engagement, participation and capacity", StringComparison.Ordinal));
        Assert.Contains($"- Participation needs **resources** ({seeded.Org}). *(covers 1 item)*", mdText, StringComparison.Ordinal);
        Assert.Contains("| Accepted in part | 1 |", mdText, StringComparison.Ordinal);
        Assert.Contains("| Not yet decided | 2 |", mdText, StringComparison.Ordinal);
        Assert.Contains("**Decision:** Accepted in part", mdText, StringComparison.Ordinal);
        Assert.Contains("Seats are now **guaranteed** in 8.1.", mdText, StringComparison.Ordinal);
        Assert.Contains("> Budgets need **binding** votes and _real_ say:", mdText, StringComparison.Ordinal);
        Assert.Contains("3 items. By stakeholder group: Local and regional government 2, National government 1. By region: Africa 2, Europe and Central Asia 1.", mdText, StringComparison.Ordinal);
        foreach (var id in seeded.CommentIds)
        {
            Assert.Single(Regex.Matches(mdText, $"^### Comment {id}$", RegexOptions.Multiline));
            Assert.Equal(2, Regex.Matches(mdText, $@"\[{id}\]\(#comment-{id}\)").Count);
        }

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Comment,Section,Paragraph,Author,Organisation,Stakeholder group,Region,Type,Language,Comment text,Proposed change,Decision,Observation,Where addressed", lines[0]);
        Assert.Contains(lines, l => l.Contains("\"Ministries need a \"\"clear\"\" mandate, too.\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Accepted in part,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, noFormat.StatusCode);
        Assert.Contains("format=docx", await noFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
