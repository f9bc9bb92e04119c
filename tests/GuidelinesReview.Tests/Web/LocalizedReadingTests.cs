using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Translations;
using WordLanguages = DocumentFormat.OpenXml.Wordprocessing.Languages;
using GuidelinesReview.Web.Comments;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Reading a version in one of the guideline's target languages (<c>/v/{n}/{lang}</c>), commenting on
/// it, and downloading it. The sample content approves much of French v2, carried to v3; Arabic has no
/// approved text in the sample, so the Arabic tests approve a few of its carried translations first.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LocalizedReadingTests(AppFactory app)
{
    private const string V3 = $"/guidelines/{AppFactory.SampleSlug}/v/3";

    /// <summary>The approved French text of s1.1-p1 in the sample (v2's, carried to v3 unchanged).</summary>
    private const string FrenchSentence = "Partout dans le monde, les villes, grandes et petites, adoptent des technologies numériques pour gérer la circulation";

    /// <summary>s1.3-p3 is new in v3 and its French translation is not approved.</summary>
    private const string Untranslated = "s1.3-p3";

    [GeneratedRegex("<div class=\"blk-row\" data-block-row=\"(?<anchor>[^\"]+)\"[^>]*>(?<row>.*?)<section class=\"blk-comments\"", RegexOptions.Singleline)]
    private static partial Regex BlockRow();

    /// <summary>Each block row of a draft page (the block, its mark and tools; not its comments), by anchor, entities decoded.</summary>
    private static Dictionary<string, string> Rows(string html) =>
        BlockRow().Matches(html).ToDictionary(m => m.Groups["anchor"].Value, m => WebUtility.HtmlDecode(m.Groups["row"].Value));

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task The_french_page_shows_approved_french_text_with_the_same_anchors_and_marks_an_untranslated_block_in_french()
    {
        var client = await app.SignInAsync("expert@demo.local");

        var html = await client.GetStringAsync(V3 + "/fr");
        var english = await client.GetStringAsync(V3);

        var rows = Rows(html);
        Assert.Equal(Rows(english).Keys, rows.Keys);
        Assert.Contains($"id=\"s1.1-p1\" data-anchor=\"s1.1-p1\">{FrenchSentence}", rows["s1.1-p1"], StringComparison.Ordinal);
        Assert.DoesNotContain("not-translated", rows["s1.1-p1"], StringComparison.Ordinal);
        Assert.Contains("<div class=\"draft-layout\" lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);

        var untranslated = rows[Untranslated];
        Assert.Matches("class=\"blk blk-paragraph +blk-untranslated blk-source-ltr\" lang=\"en\">", untranslated);
        Assert.Contains("<p class=\"not-translated\" lang=\"fr\" dir=\"ltr\" data-testid=\"not-translated\">Pas encore traduit</p>", untranslated, StringComparison.Ordinal);
        Assert.Contains("The present draft takes account of the discussions", untranslated, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr#{Untranslated}\"", untranslated, StringComparison.Ordinal);

        // The contents use the translated headings; the English page has no marks.
        Assert.Contains("<a href=\"#s1.1\">1.1 Objet des lignes directrices</a>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s1\">1. Introduction</a>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("not-translated", english, StringComparison.Ordinal);
        Assert.DoesNotContain(FrenchSentence, WebUtility.HtmlDecode(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switcher_names_each_language_in_itself_with_the_share_approved_and_works_as_plain_links()
    {
        var client = await app.SignInAsync("observer@demo.local");
        var (approved, segments) = await app.DbAsync(async db =>
        {
            var versionId = (await ConsultationDraftAsync(app)).VersionId;
            var count = await db.Translations.CountAsync(t => t.VersionId == versionId && t.Language == "fr" && t.ApprovedText != null && t.State != TranslationState.Outdated);
            var all = await db.Blocks.Where(b => b.VersionId == versionId).Select(b => new { b.Kind, b.Anchor, b.Source }).ToListAsync();
            return (count, all.Sum(b => Segments.Of(b.Kind, b.Anchor, b.Source).Count));
        });

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(V3 + "/fr"));

        var percent = new ApprovedShare(approved, segments).Percent;
        Assert.InRange(percent, 10, 99);
        var nav = html[html.IndexOf("data-testid=\"language-switch\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Contains($"<span class=\"current\" aria-current=\"page\" title=\"French: {approved} of {segments} segments approved\"><span lang=\"fr\" dir=\"ltr\">Français</span><span class=\"visually-hidden\"> (French)</span> — {percent}\u00a0%</span>", nav, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{V3}/ar\" hreflang=\"ar\"", nav, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>", nav, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{V3}\" hreflang=\"en\"", nav, StringComparison.Ordinal);
        Assert.Contains("English</span><span class=\"visually-hidden\"></span> — original</a>", nav, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(nav, "<li>").Count);
    }

    [Fact]
    public async Task The_arabic_page_reads_right_to_left_and_keeps_untranslated_english_left_to_right()
    {
        await ApproveArabicAsync();
        var client = await app.SignInAsync("expert@demo.local");

        var html = await client.GetStringAsync(V3 + "/ar");

        Assert.Contains("<div class=\"draft-layout\" lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        var rows = Rows(html);
        Assert.Matches("^\\s*<div class=\"blk blk-paragraph *\">", rows["s-foreword-p1"]); // in the page's language and direction
        Assert.Contains("تقدّم هذه المبادئ التوجيهية", rows["s-foreword-p1"], StringComparison.Ordinal);
        Assert.Matches("class=\"blk blk-paragraph +blk-untranslated blk-source-ltr\" lang=\"en\">", rows[Untranslated]);
        Assert.Contains("<p class=\"not-translated\" lang=\"ar\" dir=\"rtl\" data-testid=\"not-translated\">لم تُترجم بعد</p>", rows[Untranslated], StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s-foreword\">تصدير</a>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s1.2\" lang=\"en\" dir=\"ltr\">1.2 Intended users</a>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "&#x27;de&#x27; is not a language")]
    [InlineData("xx-Latn", "&#x27;xx-Latn&#x27; is not a language")]
    public async Task A_language_the_guideline_is_not_translated_into_is_a_404_that_lists_its_languages(string language, string start)
    {
        var client = await app.SignInAsync("expert@demo.local");

        var response = await client.GetAsync($"{V3}/{language}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<p data-testid=\"language-refusal\">{start}", html, StringComparison.Ordinal);
        Assert.Contains("its target languages are Arabic (ar), Chinese (zh), French (fr), Russian (ru), Spanish (es).", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-anchor=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_s_own_language_redirects_to_the_version_and_the_pages_under_it_still_answer()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var own = await secretariat.GetAsync($"{V3}/en?area=engagement");
        var missing = await secretariat.GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/99/fr");
        var word = await secretariat.GetAsync($"{V3}/fr?format=pdf");

        Assert.Equal((HttpStatusCode.Redirect, $"{V3}?area=engagement"), (own.StatusCode, own.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        foreach (var (path, marker) in new[]
        {
            ("/consultation", "Consultation windows"), ("/dispositions", "Disposition of comments"), ("/rollup", "What was heard on v3"),
        })
        {
            var page = await secretariat.GetAsync(V3 + path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(marker, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("text/markdown", (await secretariat.GetAsync($"{V3}/findings?format=md")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_comment_on_the_french_view_is_on_the_block_marked_french_in_the_dispositions_rollup_and_report()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var org = $"Lang Test {Guid.NewGuid():N}"[..22];
        var email = $"lang-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, AppFactory.Password, Roles.Expert, "Fatou Francophone");
        await app.DbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Organisation = org;
            return await db.SaveChangesAsync();
        });
        var expert = await app.SignInAsync(email);
        var body = $"Le terme « ville intelligente » mérite une définition ({Guid.NewGuid():N}).";

        var posted = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, body, "s1.1-p1") with { Language = "FR" }, HubTestClient.Json);
        var english = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "Written on the English text.", "s1.1-p1") with { Language = "en" }, HubTestClient.Json);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var comment = (await posted.Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json))!;
        Assert.Equal(("fr", "s1.1-p1", null), (comment.Language, comment.Anchor, comment.Quote));
        Assert.Null((await english.Content.ReadFromJsonAsync<CommentView>(HubTestClient.Json))!.Language);
        Assert.Equal("fr", await app.DbAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.Language).SingleAsync()));

        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var french = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/dispositions?lang=fr"));
        var spanish = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/dispositions?lang=es"));
        var row = french[french.IndexOf($"<tr id=\"row-{comment.Id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(body, row, StringComparison.Ordinal);
        Assert.Contains("data-lang=\"fr\"><span class=\"visually-hidden\">Written on the French version: </span><span aria-hidden=\"true\">FR</span>", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr#s1.1-p1\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Written on the English text.", french, StringComparison.Ordinal);
        Assert.DoesNotContain(body, spanish, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fr\" selected=\"selected\">French</option>", french, StringComparison.Ordinal);

        var orgFilter = $"org={Uri.EscapeDataString(org)}";
        var rollupFr = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/rollup?{orgFilter}&lang=fr"));
        var rollupEs = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/rollup?{orgFilter}&lang=es"));
        var rollupAll = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{V3}/rollup?{orgFilter}"));
        Assert.Contains("<strong>1 item</strong> match the filters", rollupFr, StringComparison.Ordinal);
        Assert.Contains("<strong>0 items</strong> match the filters", rollupEs, StringComparison.Ordinal);
        Assert.Contains("name=\"lang\" value=\"fr\" id=\"l-fr\" checked=\"checked\"", rollupFr, StringComparison.Ordinal);
        var languages = rollupAll[rollupAll.IndexOf("data-testid=\"languages-table\"", StringComparison.Ordinal)..];
        Assert.Contains("<tr><td>English (en)</td><td>1</td></tr>", languages, StringComparison.Ordinal);
        Assert.Contains("<tr><td>French (fr)</td><td>1</td></tr>", languages, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString((await secretariat.GetByteArrayAsync($"{V3}/findings?format=csv&{orgFilter}&lang=fr"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(",Type,Language,Comment text,", csv[0], StringComparison.Ordinal);
        Assert.Equal(2, csv.Length);
        Assert.Contains($",Technical,FR,{body},", csv[1], StringComparison.Ordinal);
        var md = await secretariat.GetStringAsync($"{V3}/findings?format=md&{orgFilter}");
        var entry = md[md.IndexOf($"### Comment {comment.Id}\n", StringComparison.Ordinal)..];
        Assert.Matches(@"^### Comment \d+\n\n\*\*Place:\*\* 1\\?\.1 Purpose of the guidelines", entry);
        Assert.Matches(@"^[^#]*\*\*Language:\*\* FR", entry[3..]);
        Assert.Contains("Feedback matching: organisation: " + org, md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_in_a_language_the_guideline_does_not_list_or_quoting_a_translation_is_refused_and_nothing_is_saved()
    {
        var (versionId, text) = await ConsultationDraftAsync(app);
        var expert = await app.SignInAsync("expert@demo.local");
        var before = await app.DbAsync(db => db.Comments.CountAsync());

        var german = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId) with { Language = "de" }, HubTestClient.Json);
        var quoted = await expert.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, quote: QuoteOf(text, 0, 20)) with { Language = "fr" }, HubTestClient.Json);
        await using var hub = await app.HubAsync("expert@demo.local");
        await hub.InvokeAsync("JoinVersion", versionId, 0);
        var overHub = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(versionId) with { Language = "klingon" }));

        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Equal("'de' is not one of this guideline's languages (English (en), Arabic (ar), Chinese (zh), French (fr), Russian (ru), Spanish (es)); nothing was saved.", await ErrorOf(german));
        Assert.Equal(HttpStatusCode.BadRequest, quoted.StatusCode);
        Assert.StartsWith("A passage can be quoted only on the English text. On the French version, comment on the whole paragraph", await ErrorOf(quoted), StringComparison.Ordinal);
        Assert.StartsWith("'klingon' is not one of this guideline's languages", overHub.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.DbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task The_french_version_downloads_as_markdown_and_as_a_word_document_in_french()
    {
        var client = await app.SignInAsync("observer@demo.local");

        var md = await client.GetAsync($"{V3}/fr?format=md");
        var docx = await client.GetAsync($"{V3}/fr?format=docx");
        var page = await client.GetStringAsync($"{V3}/fr");

        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);
        Assert.Equal("people-centred-smart-cities-v3-fr.md", md.Content.Headers.ContentDisposition!.FileNameStar);
        var markdown = await md.Content.ReadAsStringAsync();
        Assert.StartsWith("# Avant-propos\n", markdown, StringComparison.Ordinal);
        Assert.Contains(FrenchSentence, markdown, StringComparison.Ordinal);
        Assert.Contains("The present draft takes account of the discussions", markdown, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr?format=md\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr?format=docx\"", page, StringComparison.Ordinal);

        Assert.Equal("people-centred-smart-cities-v3-fr.docx", docx.Content.Headers.ContentDisposition!.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        AssertValid(document);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText.StartsWith(FrenchSentence, StringComparison.Ordinal) && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Normal");
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "1.1 Objet des lignes directrices" && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2");
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("fr", defaults.Descendants<WordLanguages>().Single().Val!.Value);
        var english = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("The present draft takes account", StringComparison.Ordinal));
        Assert.All(english.Elements<Run>(), r => Assert.Equal("en", r.RunProperties!.GetFirstChild<WordLanguages>()!.Val!.Value));
    }

    [Fact]
    public async Task The_arabic_word_document_is_right_to_left_where_translated()
    {
        await ApproveArabicAsync();
        var client = await app.SignInAsync("observer@demo.local");

        var docx = await client.GetByteArrayAsync($"{V3}/ar?format=docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        AssertValid(document);
        var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("ar", defaults.Descendants<WordLanguages>().Single().Bidi!.Value);
        Assert.NotNull(defaults.ParagraphPropertiesDefault!.Descendants<BiDi>().SingleOrDefault());
        var body = document.MainDocumentPart.Document.Body!;
        var arabic = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("تقدّم هذه المبادئ التوجيهية", StringComparison.Ordinal));
        Assert.All(arabic.Elements<Run>(), r => Assert.NotNull(r.RunProperties!.GetFirstChild<RightToLeftText>()));
        var english = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("The present draft takes account", StringComparison.Ordinal));
        Assert.False(english.ParagraphProperties!.GetFirstChild<BiDi>()!.Val!.Value);
    }

    /// <summary>Word opens what the Office schema allows: every element in its place.</summary>
    private static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Approves the Arabic translations the sample carried to v3 for the foreword and §1.1 (none is approved in the sample).</summary>
    private Task ApproveArabicAsync() => app.DbAsync(async db =>
    {
        var versionId = (await ConsultationDraftAsync(app)).VersionId;
        string[] segments = ["s-foreword", "s-foreword-p1", "s1.1", "s1.1-p1"];
        var rows = await db.Translations.Where(t => t.VersionId == versionId && t.Language == "ar" && segments.Contains(t.SegmentId)).ToListAsync();
        Assert.Equal(segments.Length, rows.Count);
        foreach (var row in rows)
        {
            (row.State, row.ApprovedText) = (TranslationState.Approved, row.Text);
        }

        return await db.SaveChangesAsync();
    });
}
