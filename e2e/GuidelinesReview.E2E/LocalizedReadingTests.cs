using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// Reading v3 in French and Arabic: the language switcher, approved text and "not translated yet"
/// marks, a comment written on the French view, and the right-to-left layout on a wide screen and a phone.
/// </summary>
[Collection(AppServerCollection.Name)]
public sealed class LocalizedReadingTests(AppServer app)
{
    private const string V3 = $"/guidelines/{AppServer.SampleSlug}/v/3";

    /// <summary>The approved French text of s1.1-p1 in the sample content.</summary>
    private const string FrenchSentence = "Partout dans le monde, les villes, grandes et petites, adoptent des technologies numériques";

    /// <summary>
    /// The sample approves no Arabic, and the app has no translation workspace page yet: approve the
    /// Arabic translations carried to v3 for the foreword and §1.1 in the app's database, as a reviewer would.
    /// </summary>
    private async Task ApproveArabicAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "guidelines.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE Translations SET State = 'Approved', ApprovedText = Text
            WHERE Language = 'ar' AND SegmentId IN ('s-foreword', 's-foreword-p1', 's1.1', 's1.1-p1')
              AND VersionId = (SELECT v.Id FROM DraftVersions v JOIN Guidelines g ON g.Id = v.GuidelineId WHERE g.Slug = $slug AND v.Number = 3)
            """;
        command.Parameters.AddWithValue("$slug", AppServer.SampleSlug);
        Assert.Equal(4, await command.ExecuteNonQueryAsync());
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task An_expert_reads_v3_in_french_comments_on_it_and_switches_to_arabic_which_reads_right_to_left()
    {
        await ApproveArabicAsync();
        var page = await app.NewPageAsync(signInAs: "expert", width: 1280);
        await page.GotoAsync(V3);

        // The switcher names each language in itself with the share approved; it is plain links.
        var switcher = page.GetByRole(AriaRole.Navigation, new() { Name = "Languages" });
        await Assertions.Expect(switcher.GetByRole(AriaRole.Link)).ToHaveCountAsync(5);
        await Assertions.Expect(switcher.Locator("[aria-current='page']")).ToContainTextAsync("English — original");
        var french = switcher.GetByRole(AriaRole.Link, new() { Name = "Français" });
        Assert.Equal("fr", await french.GetAttributeAsync("hreflang"));
        Assert.Matches(@"^Français \(French\) — \d{1,2} %$", (await french.TextContentAsync())!.Replace('\u00a0', ' '));
        await french.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + V3 + "/fr");

        // An approved paragraph in French; a new one in English, marked in French.
        await Assertions.Expect(page.Locator("#s1\\.1-p1")).ToContainTextAsync(FrenchSentence);
        var untranslated = page.Locator(".blk", new() { Has = page.Locator("#s1\\.3-p3") });
        await Assertions.Expect(untranslated.GetByTestId("not-translated")).ToHaveTextAsync("Pas encore traduit");
        Assert.Equal("en", await untranslated.GetAttributeAsync("lang"));
        Assert.Equal("fr", await page.Locator(".draft-layout").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator(".draft-toc")).ToContainTextAsync("1.1 Objet des lignes directrices");
        await AppServer.ScreenshotAsync(page, "localized-fr");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A comment on the French text: the selected words go into it as a quote; it is marked FR.
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        await page.EvaluateAsync(
            @"words => {
                const block = document.getElementById('s1.1-p1');
                const node = block.firstChild;
                const at = node.nodeValue.indexOf(words);
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                document.getSelection().removeAllRanges();
                document.getSelection().addRange(range);
            }", "grandes et petites");
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment on this paragraph, quoting the selection" }).ClickAsync();
        var composer = page.GetByRole(AriaRole.Form, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Comment on 1\.1 ") });
        await Assertions.Expect(composer.GetByLabel("Passage (optional)")).ToHaveCountAsync(0);
        var body = composer.GetByLabel("Comment", new() { Exact = true });
        Assert.Equal("> grandes et petites\n\n", await body.InputValueAsync());
        await body.PressSequentiallyAsync("Les villes moyennes aussi.");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var posted = page.Locator("[data-comments-for='s1.1-p1'] .comment", new() { HasText = "Les villes moyennes aussi." });
        await Assertions.Expect(posted.Locator(".lang-badge")).ToHaveTextAsync("Written on the French version: FR");
        await Assertions.Expect(posted.Locator("blockquote")).ToHaveTextAsync("grandes et petites");
        await Assertions.Expect(page.Locator("#s1\\.1-p1 mark")).ToHaveCountAsync(0);

        // Arabic, from the switcher: right to left, the contents on the right and the comments on the left.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Languages" }).GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await page.WaitForURLAsync("**" + V3 + "/ar");
        var layout = page.Locator(".draft-layout");
        Assert.Equal(("ar", "rtl"), (await layout.GetAttributeAsync("lang"), await layout.GetAttributeAsync("dir")));
        Assert.Equal("rtl", await page.Locator("#s-foreword-p1").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Assertions.Expect(page.Locator("#s-foreword-p1")).ToContainTextAsync("تقدّم هذه المبادئ التوجيهية");
        var english = page.Locator(".blk", new() { Has = page.Locator("#s1\\.3-p3") });
        Assert.Equal("ltr", await page.Locator("#s1\\.3-p3").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("rtl", await english.GetByTestId("not-translated").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Assertions.Expect(english.GetByTestId("not-translated")).ToHaveTextAsync("لم تُترجم بعد");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var aside = (await page.Locator(".draft-aside").BoundingBoxAsync())!;
        var article = (await page.Locator("#draft").BoundingBoxAsync())!;
        Assert.True(aside.X > article.X, $"the contents ({aside.X}) stand to the right of the text ({article.X})");
        var comments = (await page.Locator("[data-comments-for='s1.1-p1']").BoundingBoxAsync())!;
        var text = (await page.Locator("#s1\\.1-p1").BoundingBoxAsync())!;
        Assert.True(comments.X + comments.Width <= text.X + 1, $"the comments ({comments.X}+{comments.Width}) stand to the left of the text ({text.X})");
        var tools = (await page.Locator(".blk", new() { Has = page.Locator("#s-foreword-p1") }).Locator(".blk-tools").BoundingBoxAsync())!;
        Assert.True(tools.X < text.X + 40, "the permalink and + sit at the block's left (its end in Arabic)");
        var englishTools = (await english.Locator(".blk-tools").BoundingBoxAsync())!;
        var englishText = (await page.Locator("#s1\\.3-p3").BoundingBoxAsync())!;
        Assert.True(englishTools.X < englishText.X, "and so they do beside a block still in English");
        Assert.True(await OverflowAsync(page) <= 0, "no sideways scrolling");
        await page.Locator("#s1\\.1").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, document.getElementById('s1.1').getBoundingClientRect().top - 16)");
        await AppServer.ScreenshotAsync(page, "localized-ar-comments");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await AppServer.ScreenshotAsync(page, "localized-ar");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_arabic_version_is_usable_on_a_375px_phone_screen()
    {
        await ApproveArabicAsync();
        var page = await app.NewPageAsync(signInAs: "expert", width: 375, height: 740);

        await page.GotoAsync(V3 + "/ar#s-foreword-p1");

        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px");
        Assert.Equal("rtl", await page.Locator(".draft-layout").GetAttributeAsync("dir"));
        await Assertions.Expect(page.Locator(".blk.is-highlighted #s-foreword-p1")).ToHaveCountAsync(1);
        await AppServer.ScreenshotAsync(page, "localized-ar-phone");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await AppServer.ScreenshotAsync(page, "localized-ar-phone-top");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
