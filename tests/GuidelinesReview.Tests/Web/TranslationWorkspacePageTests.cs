using System.Net;
using System.Text.RegularExpressions;
using GuidelinesReview.Web.Translations;

namespace GuidelinesReview.Tests.Web;

/// <summary>The translation workspace page: who may open it, what it shows, and its filters without JavaScript.</summary>
[Collection(AppCollection.Name)]
public sealed partial class TranslationWorkspacePageTests(AppFactory app)
{
    private const string V3 = $"/guidelines/{AppFactory.SampleSlug}/v/3/translate";

    private async Task<(HttpStatusCode Status, string Html)> OpenAsync(string who, string path)
    {
        var client = await app.SignInAsync($"{who}@demo.local");
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("<article class=\"tr-row\"[^>]*>")]
    private static partial Regex RowTag();

    private static List<string> Rows(string html) => RowTag().Matches(html).Select(m => m.Value).ToList();

    [Fact]
    public async Task A_french_translator_gets_every_segment_beside_its_french_translation()
    {
        var (status, html) = await OpenAsync("translator", $"{V3}/fr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 class=\"tr-title\">", html, StringComparison.Ordinal);
        Assert.Contains("Le présent projet tient compte des débats tenus lors de deux réunions du groupe d'experts", html, StringComparison.Ordinal); // v3.fr.yml, s1.3-p3
        Assert.Contains("<div class=\"tr-target\" lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"tr-source\" lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("You translate and review French here.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/guidelines/{AppFactory.SampleSlug}/v/3/translations\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr/xliff?format=2.0\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{V3}/fr/xliff?format=1.2\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/translate.js?v=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal); // its forms go through the hub
        Assert.All(Rows(html), row => Assert.DoesNotContain(" hidden", row, StringComparison.Ordinal));
        Assert.Contains(Rows(html), row => row.Contains("data-state=\"untranslated\"", StringComparison.Ordinal));
        Assert.Contains(Rows(html), row => row.Contains("data-state=\"approved\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Glossary_terms_are_marked_with_their_french_rendering_and_a_table_cell_is_named_by_row_and_column()
    {
        var (_, html) = await OpenAsync("translator2", $"{V3}/fr");

        Assert.Matches("<mark class=\"gl-term\" title=\"open data → données ouvertes \\(not: open data\\)[^\"]*\">open data</mark>", html);
        Assert.Contains("<span class=\"tr-preferred\" lang=\"fr\" dir=\"ltr\">données ouvertes</span>", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"tr-label\" id=\"label-s3-t1-r1c0\"><span class=\"visually-hidden\">Segment </span>s3-t1 · row 1, col 1</p>", html);
        Assert.Contains("s3-t1 · header row, col 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outdated_translation_shows_how_the_english_changed_word_by_word()
    {
        var (_, html) = await OpenAsync("translator", $"{V3}/fr");
        var outdated = Rows(html).FirstOrDefault(r => r.Contains("data-state=\"outdated\"", StringComparison.Ordinal));
        Assert.NotNull(outdated);
        var id = Regex.Match(outdated, "data-segment=\"([^\"]+)\"").Groups[1].Value;
        var row = html[html.IndexOf(outdated, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</article>", StringComparison.Ordinal)];

        Assert.Contains("<p class=\"tr-diff-label\">English changed since this was translated</p>", row, StringComparison.Ordinal);
        Assert.Matches("<(del|ins)><span class=\"visually-hidden\">\\[(deleted|inserted): </span>", row);
        Assert.Contains("<span class=\"visually-hidden\">State: </span>Outdated", row, StringComparison.Ordinal);
        Assert.Contains($"French translation of {id}", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_arabic_workspace_writes_the_translation_right_to_left()
    {
        var (status, html) = await OpenAsync("translator4", $"{V3}/ar");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<div class=\"tr-target\" lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-direction=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translator_of_another_language_is_refused_with_a_sentence()
    {
        var (status, html) = await OpenAsync("translator3", $"{V3}/fr");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You are not assigned to translate French (fr). Ask the secretariat to add it to the languages on your profile.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tr-row", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_is_told_who_works_on_translations()
    {
        var (status, html) = await OpenAsync("expert", $"{V3}/fr");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Only translators of French and the secretariat work on its translation.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xx", "'xx' is not a language 'Guidelines on People-Centred Smart Cities' is translated into;")]
    [InlineData("en", "'en' is not a language")]
    public async Task A_language_the_guideline_is_not_translated_into_is_not_found(string language, string sentence)
    {
        var (status, html) = await OpenAsync("translator", $"{V3}/{language}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(sentence, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_is_not_found()
    {
        var (status, html) = await OpenAsync("translator", $"/guidelines/{AppFactory.SampleSlug}/v/99/translate/fr");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("'people-centred-smart-cities' has no version 99.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_reads_the_workspace_without_writing_in_it()
    {
        var (status, html) = await OpenAsync("secretariat", $"{V3}/fr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You can read this workspace and take part in the discussion", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"submit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"approve\"", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"tx-[^\"]+\" class=\"form-control tr-text\"[^>]* readonly", html);
    }

    [Fact]
    public async Task Without_javascript_the_filters_work_from_the_address()
    {
        var (_, html) = await OpenAsync("translator", $"{V3}/fr?state=untranslated&section=s4");
        var (_, unknown) = await OpenAsync("translator", $"{V3}/fr?state=nonsense&section=s999");

        var shown = Rows(html).Where(r => !r.Contains(" hidden", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, r => Assert.Contains("data-state=\"untranslated\"", r, StringComparison.Ordinal));
        Assert.All(shown, r => Assert.Matches("data-sections=\"s4( |\")", r));
        Assert.Contains(Rows(html), r => r.Contains("data-state=\"approved\"", StringComparison.Ordinal) && r.Contains(" hidden", StringComparison.Ordinal));
        Assert.Contains("<option value=\"untranslated\" selected=\"selected\">Untranslated</option>", html, StringComparison.Ordinal);
        Assert.All(Rows(unknown), r => Assert.DoesNotContain(" hidden", r, StringComparison.Ordinal)); // not understood: everything
    }

    [Fact]
    public async Task A_translation_is_shown_as_text_never_as_markup()
    {
        var versionId = await app.VersionIdAsync();
        const string Script = "<script>alert('x')</script> <img src=x onerror=alert(1)>";
        var segment = await app.UntranslatedIdAsync(Script);
        await using var tomas = await app.TranslatorAsync("translator");
        await tomas.InvokeAsync<TranslationSaveResult>("SaveTranslation", versionId, "fr", segment, Script, 0, false);

        var client = await app.SignInAsync("translator2@demo.local");
        var raw = await client.GetStringAsync($"{V3}/fr");

        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", raw, StringComparison.Ordinal);
    }
}
