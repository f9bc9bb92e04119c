using System.Net;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The languages on translators' profiles (/admin/translators): set by the secretariat, read-only to the translator.</summary>
[Collection(AppCollection.Name)]
public sealed class TranslatorLanguagesTests(AppFactory app)
{
    private const string Page = "/admin/translators";

    /// <summary>A translator of its own, so that the demo translators' languages stay as other tests expect them.</summary>
    private async Task<(string Email, string Id)> NewTranslatorAsync(string name)
    {
        var email = $"tr-{Guid.NewGuid():N}"[..14] + "@example.org";
        await app.CreateUserAsync(email, AppFactory.Password, Roles.Translator, name);
        return (email, await UserIdAsync(email));
    }

    private Task<string> UserIdAsync(string email) => app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<(string Language, bool Reviews)>> LanguagesOfAsync(string userId) => app.DbAsync(async db =>
        (await db.TranslatorLanguages.Where(l => l.UserId == userId).OrderBy(l => l.Language).ToListAsync()).Select(l => (l.Language, l.Reviews)).ToList());

    /// <summary>Posts the form with repeated fields (several languages), the token taken from <paramref name="formPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userId, string[] translates, string[] reviews, string formPage = Page)
    {
        var token = await AppFactory.AntiforgeryTokenAsync(client, formPage);
        var fields = new List<KeyValuePair<string, string>> { new("userId", userId), new("__RequestVerificationToken", token) };
        fields.AddRange(translates.Select(t => KeyValuePair.Create("translates", t)));
        fields.AddRange(reviews.Select(r => KeyValuePair.Create("reviews", r)));
        return await client.PostAsync(Page, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_secretariat_sets_a_translators_languages_and_the_translator_sees_them_read_only_on_their_profile()
    {
        var (email, id) = await NewTranslatorAsync("Paz Translator");
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var response = await PostAsync(secretariat, id, ["es"], ["fr"]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([("es", false), ("fr", true)], await LanguagesOfAsync(id)); // reviewing French includes translating it
        var list = WebUtility.HtmlDecode(await secretariat.GetStringAsync(Page));
        Assert.Contains("Languages of Paz Translator saved: French (reviews), Spanish.", list, StringComparison.Ordinal);
        Assert.Contains("French (translates and reviews); Spanish (translates)", list, StringComparison.Ordinal);

        var translator = await app.SignInAsync(email);
        var profileHtml = await translator.GetStringAsync("/account/profile");
        var profile = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(profileHtml, "<[^>]+>", ""));
        Assert.Contains("Español (Spanish): you translate it", profile, StringComparison.Ordinal);
        Assert.Contains("Français (French): you translate and review it", profile, StringComparison.Ordinal);
        Assert.Contains("Set by the secretariat", profile, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"es\" dir=\"ltr\">Español</span>", WebUtility.HtmlDecode(profileHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"translates\"", profileHtml, StringComparison.Ordinal);

        // a later save sets exactly what is ticked: French dropped, Spanish now reviewed
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, id, [], ["es"])).StatusCode);
        Assert.Equal([("es", true)], await LanguagesOfAsync(id));
    }

    [Fact]
    public async Task The_page_lists_every_translator_and_offers_the_guidelines_target_languages()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var html = WebUtility.HtmlDecode(await secretariat.GetStringAsync(Page));

        foreach (var name in new[] { "Tomás Translator", "Fanny Translator", "Sofía Translator", "Amal Translator" })
        {
            Assert.Contains($">{name} <span", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Esi Expert", html, StringComparison.Ordinal);
        var known = await app.ScopedAsync(sp => sp.GetRequiredService<TranslatorLanguagesService>().KnownTargetsAsync(CancellationToken.None));
        Assert.Equal(["ar", "zh", "fr", "ru", "es"], known); // the sample guideline's languages but English, by English name
        Assert.Contains("value=\"ar\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translator_cannot_set_their_own_languages_and_nothing_changes()
    {
        var (email, id) = await NewTranslatorAsync("Ivo Translator");
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await PostAsync(secretariat, id, ["fr"], []);
        var translator = await app.SignInAsync(email);

        var response = await PostAsync(translator, id, ["fr", "es", "ar"], ["fr", "es", "ar"], formPage: "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal([("fr", false)], await LanguagesOfAsync(id));

        // and the service refuses them too, whatever page calls it
        var refused = await Assert.ThrowsAsync<RefusedException>(() => app.ScopedAsync(sp =>
            sp.GetRequiredService<TranslatorLanguagesService>().SetAsync(new Caller(id, new HashSet<string> { Roles.Translator }), id, ["es"], ["es"], CancellationToken.None)));
        Assert.Equal(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden, refused.StatusCode);
        Assert.Equal([("fr", false)], await LanguagesOfAsync(id));
    }

    [Fact]
    public async Task Someone_who_is_not_a_translator_gets_no_languages_and_is_told_why()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var expert = await UserIdAsync("expert@demo.local");

        var response = await PostAsync(secretariat, expert, ["fr"], []);
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Esi Expert is not a Translator: only translators have languages on their profile.", html, StringComparison.Ordinal);
        Assert.Empty(await LanguagesOfAsync(expert));

        var nobody = await TextAsync(await PostAsync(secretariat, "no-such-user", ["fr"], []));
        Assert.Contains("That account does not exist (any more). Nothing was changed.", nobody, StringComparison.Ordinal);
        Assert.False(await app.DbAsync(db => db.TranslatorLanguages.AnyAsync(l => l.UserId == "no-such-user")));
    }

    [Fact]
    public async Task An_invalid_language_code_is_refused_and_the_languages_stay_as_they_were()
    {
        var (_, id) = await NewTranslatorAsync("Noor Translator");
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        await PostAsync(secretariat, id, ["ar"], ["ar"]);

        var response = await PostAsync(secretariat, id, ["es", "FR"], ["fr; drop"]);
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'FR' is not a language code", html, StringComparison.Ordinal);
        Assert.Contains("'fr; drop' is not a language code", html, StringComparison.Ordinal);
        Assert.Contains("The languages of Noor Translator were not changed.", html, StringComparison.Ordinal);
        Assert.Equal([("ar", true)], await LanguagesOfAsync(id));
    }
}
