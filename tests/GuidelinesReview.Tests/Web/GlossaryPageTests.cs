using System.Globalization;
using System.Net;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>A guideline's glossary (/guidelines/{slug}/glossary): read by everyone, kept by the secretariat, every rule checked on the server.</summary>
[Collection(AppCollection.Name)]
public sealed class GlossaryPageTests(AppFactory app)
{
    private const string Page = $"/guidelines/{AppFactory.SampleSlug}/glossary";

    private static string Unique(string term) => $"{term} {Guid.NewGuid():N}"[..(term.Length + 9)];

    private static Dictionary<string, string> Form(string? term, string? note = null, params (string Language, string Preferred, string Forbidden)[] renderings)
    {
        var fields = new Dictionary<string, string> { ["Form.Term"] = term ?? "", ["Form.Note"] = note ?? "" };
        for (var i = 0; i < renderings.Length; i++)
        {
            var at = i.ToString(CultureInfo.InvariantCulture);
            fields[$"Form.Renderings[{at}].Language"] = renderings[i].Language;
            fields[$"Form.Renderings[{at}].Preferred"] = renderings[i].Preferred;
            fields[$"Form.Renderings[{at}].Forbidden"] = renderings[i].Forbidden;
        }

        return fields;
    }

    private Task<GlossaryItem?> ItemAsync(string term) =>
        app.DbAsync(db => db.GlossaryItems.AsNoTracking().Include(g => g.Renderings).SingleOrDefaultAsync(g => g.Guideline.Slug == AppFactory.SampleSlug && g.Term == term));

    private Task<int> CountAsync() => app.DbAsync(db => db.GlossaryItems.CountAsync(g => g.Guideline.Slug == AppFactory.SampleSlug));

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_secretariat_adds_edits_and_deletes_a_term()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var term = Unique("civic technology");

        var added = await AppFactory.PostFormAsync(secretariat, Page + "?handler=Add", Form($"  {term} ", "Tools residents use to take part.",
            ("fr", "technologie civique", "tech civique\n\n civic tech \ntech civique"), ("ar", "التكنولوجيا المدنية", ""), ("es", "", "")), formPage: Page);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var item = await ItemAsync(term);
        Assert.NotNull(item);
        Assert.Equal("Tools residents use to take part.", item.Note);
        Assert.Equal(["ar", "fr"], item.Renderings.Select(r => r.Language).Order(StringComparer.Ordinal));
        Assert.Equal("tech civique\ncivic tech", item.Renderings.Single(r => r.Language == "fr").Forbidden);
        var page = WebUtility.HtmlDecode(await secretariat.GetStringAsync(Page));
        Assert.Contains($"'{term}' was added to the glossary.", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"preferred\" lang=\"ar\" dir=\"rtl\">التكنولوجيا المدنية</span>", page, StringComparison.Ordinal);
        Assert.Contains("<s lang=\"fr\" dir=\"ltr\">civic tech</s>", page, StringComparison.Ordinal);

        var form = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"{Page}?edit={item.Id}"));
        Assert.Contains($"value=\"{term}\"", form, StringComparison.Ordinal);
        Assert.Contains("tech civique\ncivic tech</textarea>", form, StringComparison.Ordinal);

        var edited = await AppFactory.PostFormAsync(secretariat, $"{Page}?handler=Edit&id={item.Id}", Form(term.ToUpperInvariant(), "",
            ("fr", "technologies civiques", ""), ("es", "tecnología cívica", "civic tech"), ("ar", "", "")), formPage: Page);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await ItemAsync(term.ToUpperInvariant());
        Assert.NotNull(changed);
        Assert.Equal(item.Id, changed.Id);
        Assert.Equal("", changed.Note);
        Assert.Equal([("es", "tecnología cívica", "civic tech"), ("fr", "technologies civiques", "")],
            changed.Renderings.OrderBy(r => r.Language, StringComparer.Ordinal).Select(r => (r.Language, r.Preferred, r.Forbidden)));

        var deleted = await AppFactory.PostFormAsync(secretariat, $"{Page}?handler=Delete&id={item.Id}", new(), formPage: Page);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await ItemAsync(term.ToUpperInvariant()));
        Assert.False(await app.DbAsync(db => db.GlossaryItemRenderings.AnyAsync(r => r.GlossaryItemId == item.Id)));
        Assert.Contains($"'{term.ToUpperInvariant()}' was deleted from the glossary.", WebUtility.HtmlDecode(await secretariat.GetStringAsync(Page)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> Refused() => new()
    {
        // term, language, preferred, forbidden → the message
        { "", "fr", "x", "", "Give the term: the word or phrase of the guideline that translators should render one way." },
        { "   ", "fr", "x", "", "Give the term" },
        { new string('t', 201), "fr", "x", "", "The term is 201 characters long; a term has at most 200." },
        { "SMART City", "fr", "x", "", "'smart city' is already in this glossary: edit it instead of adding it again." },
        { "Unique term", "de", "Bürgerbeteiligung", "", "'de' is not a language Guidelines on People-Centred Smart Cities is translated into; its target languages are Arabic (ar), Chinese (zh), French (fr), Russian (ru), Spanish (es)." },
        { "Unique term", "en", "participation", "", "'en' is not a language" },
        { "Unique term", "fr", new string('p', 201), "", "The preferred French rendering is 201 characters long; at most 200." },
        { "Unique term", "fr", "", "participation citoyenne", "Give the preferred French rendering of 'Unique term', or leave its forbidden variants empty." },
        { "Unique term", "fr", "participation", "PARTICIPATION", "'PARTICIPATION' cannot be both the preferred French rendering and a forbidden one." },
        { "Unique term", "fr", "participation", new string('f', 201), "A forbidden French variant is 201 characters long; at most 200 each." },
        { "Unique term", "fr", "participation", string.Join('\n', Enumerable.Range(0, 12).Select(i => new string((char)('a' + i), 90))), "The forbidden French variants take 1091 characters; at most 1000 together." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_term_that_breaks_a_rule_is_refused_with_a_specific_message_and_nothing_is_saved(string term, string language, string preferred, string forbidden, string message)
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var before = await CountAsync();

        var response = await AppFactory.PostFormAsync(secretariat, Page + "?handler=Add", Form(term, null, (language, preferred, forbidden)), formPage: Page);
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The term was not saved:", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Null(await ItemAsync("Unique term"));
    }

    [Fact]
    public async Task Every_problem_of_a_form_is_reported_together_and_an_edit_refused_changes_nothing()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var smartCity = await ItemAsync("smart city");
        Assert.NotNull(smartCity);

        var response = await AppFactory.PostFormAsync(secretariat, $"{Page}?handler=Edit&id={smartCity.Id}", Form("Digital divide", new string('n', 1001),
            ("fr", "ville intelligente", "ville intelligente"), ("es", "", "smart city")), formPage: Page);
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'digital divide' is already in this glossary", html, StringComparison.Ordinal);
        Assert.Contains("The note is 1001 characters long; at most 1000.", html, StringComparison.Ordinal);
        Assert.Contains("'ville intelligente' cannot be both the preferred French rendering and a forbidden one.", html, StringComparison.Ordinal);
        Assert.Contains("Give the preferred Spanish rendering of 'Digital divide', or leave its forbidden variants empty.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Digital divide\"", html, StringComparison.Ordinal); // the form keeps what was typed
        var after = await ItemAsync("smart city");
        Assert.NotNull(after);
        Assert.Equal(smartCity.Note, after.Note);
        Assert.Equal(smartCity.Renderings.Select(r => (r.Language, r.Preferred, r.Forbidden)).Order(), after.Renderings.Select(r => (r.Language, r.Preferred, r.Forbidden)).Order());
    }

    [Fact]
    public async Task Everyone_signed_in_reads_the_glossary_and_only_the_secretariat_may_change_it()
    {
        var expert = await app.SignInAsync("expert@demo.local");
        var html = WebUtility.HtmlDecode(await expert.GetStringAsync(Page));
        Assert.Contains(">smart city</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"preferred\" lang=\"fr\" dir=\"ltr\">ville intelligente</span>", html, StringComparison.Ordinal);
        Assert.Matches("Avoid:\\s*<s lang=\"fr\" dir=\"ltr\">cité intelligente</s>,\\s*<s lang=\"fr\" dir=\"ltr\">smart city</s>\\s*</span>", html);
        Assert.Contains("Use the plural where the source speaks of smart city initiatives", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a term", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Delete", html, StringComparison.Ordinal);

        var smartCity = (await ItemAsync("smart city"))!;
        var before = await CountAsync();
        foreach (var who in new[] { "expert", "translator", "observer", "moderator" })
        {
            var client = await app.SignInAsync($"{who}@demo.local");
            foreach (var (handler, fields) in new[]
            {
                ("?handler=Add", Form("sneaky term", null, ("fr", "terme", ""))),
                ($"?handler=Edit&id={smartCity.Id}", Form("smart city", "changed", ("fr", "cité intelligente", ""))),
                ($"?handler=Delete&id={smartCity.Id}", new Dictionary<string, string>()),
            })
            {
                var response = await AppFactory.PostFormAsync(client, Page + handler, fields, formPage: "/account/profile");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await CountAsync());
        var after = (await ItemAsync("smart city"))!;
        Assert.Equal((smartCity.Note, "ville intelligente"), (after.Note, after.Renderings.Single(r => r.Language == "fr").Preferred));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task The_entries_come_in_alphabetical_order_with_their_renderings_by_language()
    {
        var guideline = await app.DbAsync(db => db.Guidelines.SingleAsync(g => g.Slug == AppFactory.SampleSlug));
        var entries = await app.ScopedAsync(sp => sp.GetRequiredService<GlossaryService>().EntriesAsync(guideline.Id, CancellationToken.None));

        Assert.Equal(entries.Select(e => e.Term).Order(StringComparer.InvariantCultureIgnoreCase), entries.Select(e => e.Term));
        var smartCity = entries.Single(e => e.Term == "smart city");
        Assert.Equal(["cité intelligente", "smart city"], smartCity.Renderings["fr"].Forbidden);
        Assert.Equal("المدينة الذكية", smartCity.Renderings["ar"].Preferred);
        Assert.Empty(smartCity.Renderings["ar"].Forbidden);
    }
}
