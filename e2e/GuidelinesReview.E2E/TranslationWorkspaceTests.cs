using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// The translation workspace in real browsers, on an app of its own (its reviews and the v4 it
/// publishes would change what the other classes read): two French translators translate, submit
/// and review live; a conflict shows both texts; a new version marks the changed paragraph outdated.
/// </summary>
public sealed class TranslationWorkspaceTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Slug = AppServer.SampleSlug;

    private static string Workspace(int version, string language) => $"/guidelines/{Slug}/v/{version}/translate/{language}";

    private static ILocator Row(IPage page, string segment) => page.Locator($".tr-row[data-segment='{segment}']");

    private static ILocator Badge(IPage page, string segment) => Row(page, segment).Locator("[data-role='badge']");

    private static async Task OpenAsync(IPage page, int version, string language)
    {
        await page.GotoAsync(Workspace(version, language));
        await Assertions.Expect(page.Locator("#tr-status")).ToHaveAttributeAsync("data-state", "live");
    }

    /// <summary>
    /// Three paragraphs one after the other among the rows shown, untranslated, whose English has no
    /// glossary term, number, link, code or emphasis (so a plain French sentence passes the checks);
    /// with <paramref name="other"/>, one such paragraph outside those three (for the other test).
    /// </summary>
    private static async Task<string[]> PlainParagraphsAsync(IPage page, bool other = false) => await page.EvaluateAsync<string[]>(@"other => {
        const shown = [...document.querySelectorAll('#tr-rows .tr-row:not([hidden])')];
        const plain = r => r.dataset.kind === 'paragraph' && r.dataset.state === 'untranslated' && r.dataset.glossary === '0'
            && !/[\d\[\]`*_]/.test(r.querySelector('.tr-source-text').textContent);
        for (let i = 0; i + 2 < shown.length; i++) {
            const three = shown.slice(i, i + 3);
            if (!three.every(plain)) continue;
            if (!other) return three.map(r => r.dataset.segment);
            const outside = shown.filter(r => plain(r) && !three.includes(r)).pop();
            if (outside) return [outside.dataset.segment];
            break;
        }
        throw new Error('No three plain untranslated paragraphs in a row.');
    }", other);

    private static readonly string[] French =
    [
        "Les collectivités locales associent les habitants à chaque étape du projet.",
        "Les services publics restent accessibles à celles et ceux qui ne sont pas en ligne.",
        "Les résultats des projets pilotes sont publiés et discutés avec les habitants.",
    ];

    [Fact]
    public async Task Two_french_translators_translate_submit_and_review_live_and_a_new_version_marks_the_changed_paragraph_outdated()
    {
        var fanny = await app.NewPageAsync(signInAs: "translator2", width: 1400);
        await OpenAsync(fanny, 3, "fr");
        var tomas = await app.NewPageAsync(signInAs: "translator", width: 1400);
        await OpenAsync(tomas, 3, "fr");
        await Assertions.Expect(tomas.Locator("#tr-people")).ToContainTextAsync("Fanny Translator");
        await Assertions.Expect(fanny.Locator("#tr-people")).ToContainTextAsync("Tomás Translator");

        // Tomás shows only what is still untranslated, without reloading.
        var url = tomas.Url;
        await tomas.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("untranslated");
        Assert.Equal(url + "?state=untranslated", tomas.Url);
        await Assertions.Expect(tomas.Locator("#filter-count")).ToContainTextAsync(new Regex(@"Showing \d+ of \d+ segments\."));
        Assert.Equal(0, await tomas.Locator(".tr-row:not([hidden]):not([data-state='untranslated'])").CountAsync());
        var picked = await PlainParagraphsAsync(tomas);

        // He types the first, sees the draft saved, and submits it with Ctrl+Enter: on to the next one.
        var first = Row(tomas, picked[0]).GetByLabel($"French translation of {picked[0]}");
        await first.FillAsync(French[0]);
        await Assertions.Expect(Row(tomas, picked[0]).Locator("[data-role='saved']")).ToContainTextAsync("Draft saved");
        await Assertions.Expect(Badge(fanny, picked[0])).ToContainTextAsync("Draft");
        await first.PressAsync("Control+Enter");
        var second = Row(tomas, picked[1]).GetByLabel($"French translation of {picked[1]}");
        await Assertions.Expect(second).ToBeFocusedAsync();
        await tomas.Keyboard.InsertTextAsync(French[1]);
        await tomas.Keyboard.PressAsync("Control+Enter");
        var third = Row(tomas, picked[2]).GetByLabel($"French translation of {picked[2]}");
        await Assertions.Expect(third).ToBeFocusedAsync();
        await tomas.Keyboard.InsertTextAsync(French[2]);
        await tomas.Keyboard.PressAsync("Meta+Enter");
        foreach (var segment in picked)
        {
            await Assertions.Expect(Badge(tomas, segment)).ToContainTextAsync("Waiting for review");
        }

        // Alt+ArrowUp goes back a segment.
        await third.FocusAsync();
        await tomas.Keyboard.PressAsync("Alt+ArrowUp");
        await Assertions.Expect(second).ToBeFocusedAsync();

        // Fanny sees the three arrive waiting for review, with Tomás's text, and reviews them.
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(Badge(fanny, picked[i])).ToContainTextAsync("Waiting for review");
            await Assertions.Expect(Row(fanny, picked[i]).Locator("textarea[data-role='text']")).ToHaveValueAsync(French[i]);
            await Assertions.Expect(Row(fanny, picked[i]).Locator("[data-role='meta']")).ToContainTextAsync("Written by Tomás Translator");
        }

        await Assertions.Expect(fanny.Locator("[data-count='translated']")).Not.ToHaveTextAsync("0");
        await Row(fanny, picked[0]).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Row(fanny, picked[1]).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var rejectRow = Row(fanny, picked[2]);
        await rejectRow.GetByRole(AriaRole.Button, new() { Name = "Reject…" }).ClickAsync();
        await rejectRow.GetByRole(AriaRole.Button, new() { Name = "Reject with this reason" }).ClickAsync();
        await Assertions.Expect(rejectRow.Locator("[data-role='error']")).ToHaveTextAsync("Say why it is rejected: the translator needs the reason to revise it.");
        await rejectRow.GetByLabel("Why is it rejected?").FillAsync("« Projets pilotes » : dites « projets expérimentaux », comme au chapitre 7.");
        await rejectRow.GetByRole(AriaRole.Button, new() { Name = "Reject with this reason" }).ClickAsync();
        await Assertions.Expect(Badge(fanny, picked[0])).ToContainTextAsync("Approved");
        await Assertions.Expect(Badge(fanny, picked[1])).ToContainTextAsync("Approved");
        await Assertions.Expect(Badge(fanny, picked[2])).ToContainTextAsync("Rejected");
        await Assertions.Expect(rejectRow.Locator("[data-role='reject-form']")).ToBeHiddenAsync();

        // Tomás sees the states change live, with who reviewed them and the reason.
        await Assertions.Expect(Badge(tomas, picked[0])).ToContainTextAsync("Approved");
        await Assertions.Expect(Badge(tomas, picked[1])).ToContainTextAsync("Approved");
        await Assertions.Expect(Badge(tomas, picked[2])).ToContainTextAsync("Rejected");
        await Assertions.Expect(Row(tomas, picked[0]).Locator("[data-role='meta']")).ToContainTextAsync("Approved by Fanny Translator");
        await Assertions.Expect(Row(tomas, picked[2]).Locator("[data-role='reject-reason']")).ToContainTextAsync("dites « projets expérimentaux »");
        await Assertions.Expect(Row(tomas, picked[0]).GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeHiddenAsync();

        // The history, loaded when opened.
        await Row(tomas, picked[2]).Locator("[data-role='history'] summary").ClickAsync();
        await Assertions.Expect(Row(tomas, picked[2]).Locator("[data-role='history-list'] li").First).ToContainTextAsync("Rejected");
        await Assertions.Expect(Row(tomas, picked[2]).Locator("[data-role='history-list']")).ToContainTextAsync("Submitted for review");

        // A review comment reaches the other page.
        var thread = Row(tomas, picked[2]).Locator("[data-role='thread']");
        await thread.Locator("summary").ClickAsync();
        await thread.GetByLabel($"Comment on {picked[2]}").FillAsync("D'accord, je corrige.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(Row(tomas, picked[2]).Locator("[data-role='error']")).ToHaveTextAsync("");
        await Assertions.Expect(thread.Locator("[data-role='comments']")).ToContainTextAsync("D'accord, je corrige.");
        await Assertions.Expect(Row(fanny, picked[2]).Locator("[data-role='comments']")).ToContainTextAsync("D'accord, je corrige.");

        // Tomás reviews Fanny's s4.2-p1, which uses a forbidden variant: refused, then waived with a reason.
        await tomas.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("translated");
        var glossaryRow = Row(tomas, "s4.2-p1");
        await glossaryRow.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(glossaryRow.Locator(".tr-issue-blocking").First).ToContainTextAsync("Blocks approval:");
        await glossaryRow.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(glossaryRow.Locator("[data-role='error']")).ToContainTextAsync("The translation fails 2 checks that block approval");
        await Assertions.Expect(glossaryRow.GetByLabel("Waive the blocking checks with a reason")).ToBeFocusedAsync();
        await AppServer.ScreenshotAsync(tomas, "translate-waiver");
        await glossaryRow.GetByLabel("Waive the blocking checks with a reason").FillAsync("The quoted law uses this term.");
        await glossaryRow.GetByRole(AriaRole.Button, new() { Name = "Approve, waiving the checks" }).ClickAsync();
        await Assertions.Expect(Badge(tomas, "s4.2-p1")).ToContainTextAsync("Approved");
        await Assertions.Expect(glossaryRow.Locator("[data-role='meta']")).ToContainTextAsync("Checks waived (glossary-missing,glossary-forbidden): The quoted law uses this term.");
        await Assertions.Expect(Badge(fanny, "s4.2-p1")).ToContainTextAsync("Approved");

        await tomas.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("");
        await Row(tomas, picked[0]).ScrollIntoViewIfNeededAsync();
        await tomas.EvaluateAsync("() => window.scrollBy(0, -260)");
        await Accessibility.AssertNoSeriousViolationsAsync(tomas);
        await AppServer.ScreenshotAsync(tomas, "translate-fr-reviewed");
        await tomas.EvaluateAsync("() => window.scrollTo(0, 0)");
        await AppServer.ScreenshotAsync(tomas, "translate-fr");
        await Accessibility.AssertNoSeriousViolationsAsync(fanny);

        // The secretariat publishes v4 with the first of the three paragraphs changed.
        var source = await Row(tomas, picked[0]).Locator(".tr-source-text").InnerTextAsync();
        var v3 = await File.ReadAllTextAsync(Path.Combine(AppServer.RepoRoot, "content", "guidelines", Slug, "v3.md"));
        Assert.Contains(source, v3, StringComparison.Ordinal);
        var changed = source.TrimEnd('.') + ", and report back to residents on what was done.";
        var v4 = Regex.Replace(v3.Replace(source, changed, StringComparison.Ordinal), @"\A---\n(.*?)\n---\n", """
            ---
            number: 4
            label: Draft after the online consultation
            date: 2025-06-02
            status: draft
            language: en
            summary: One paragraph answers the consultation.
            ---

            """, RegexOptions.Singleline);
        var v4File = Path.Combine(app.DataDirectory, "v4.md");
        await File.WriteAllTextAsync(v4File, v4);
        var sam = await app.NewPageAsync(signInAs: "secretariat", width: 1400);
        await sam.GotoAsync($"/guidelines/{Slug}/publish");
        await sam.GetByLabel("Draft file").SetInputFilesAsync(v4File);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        // The file changes translated blocks: the page lists them first, so that an editorial change can keep its approvals.
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Before publishing" })).ToBeVisibleAsync();
        var choice = sam.Locator($"input[name='Editorial'][value='{picked[0]}']");
        await Assertions.Expect(choice).ToBeVisibleAsync();
        await Assertions.Expect(choice).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(sam);
        await AppServer.ScreenshotAsync(sam, "publish-editorial");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Publish v4.md" }).ClickAsync();
        await sam.WaitForURLAsync($"**/guidelines/{Slug}/compare?from=3&to=4");
        await sam.Context.CloseAsync();

        // On v4 the changed paragraph is outdated, its English diff shown; the others kept their states.
        await OpenAsync(tomas, 4, "fr");
        await Assertions.Expect(Badge(tomas, picked[0])).ToContainTextAsync("Outdated");
        var diff = Row(tomas, picked[0]).Locator("[data-role='diff']");
        await Assertions.Expect(diff).ToBeVisibleAsync();
        await Assertions.Expect(diff).ToContainTextAsync("English changed since this was translated");
        await Assertions.Expect(diff.Locator("ins")).ToContainTextAsync("report back to residents");
        await Assertions.Expect(Row(tomas, picked[0]).Locator("textarea[data-role='text']")).ToHaveValueAsync(French[0]);
        await Assertions.Expect(Badge(tomas, picked[1])).ToContainTextAsync("Approved");
        await Assertions.Expect(Badge(tomas, picked[2])).ToContainTextAsync("Rejected");
        await Assertions.Expect(Row(tomas, picked[2]).Locator("[data-role='reject-reason']")).ToContainTextAsync("projets expérimentaux");
        await Row(tomas, picked[0]).ScrollIntoViewIfNeededAsync();
        await tomas.EvaluateAsync("() => window.scrollBy(0, -120)");
        await AppServer.ScreenshotAsync(tomas, "translate-outdated");
        await Accessibility.AssertNoSeriousViolationsAsync(tomas);

        await tomas.Context.CloseAsync();
        await fanny.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_translators_typing_in_one_segment_see_both_texts_and_nothing_is_lost()
    {
        var fanny = await app.NewPageAsync(signInAs: "translator2", width: 1400);
        await OpenAsync(fanny, 3, "fr");
        await fanny.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("untranslated");
        var segment = (await PlainParagraphsAsync(fanny, other: true)).Single();

        // Tomás's page cannot reach the hub for a while: what he types waits in his browser.
        var tomas = await app.NewPageAsync(signInAs: "translator", width: 1400);
        await tomas.RouteAsync("**/hubs/translate**", route => route.AbortAsync());
        await tomas.GotoAsync(Workspace(3, "fr"));
        await Assertions.Expect(tomas.Locator("#tr-status")).ToContainTextAsync("Not connected");
        await Row(tomas, segment).Locator("textarea[data-role='text']").FillAsync("Version de Tomás, écrite hors ligne.");
        await Assertions.Expect(Row(tomas, segment).Locator("[data-role='saved']")).ToContainTextAsync("Not saved yet");

        // Fanny saves the same segment meanwhile.
        await Row(fanny, segment).Locator("textarea[data-role='text']").FillAsync("Version de Fanny.");
        await Assertions.Expect(Row(fanny, segment).Locator("[data-role='saved']")).ToContainTextAsync("Draft saved");

        // Back online, Tomás's save meets hers: both texts side by side, nothing overwritten.
        await tomas.UnrouteAllAsync();
        var conflict = Row(tomas, segment).Locator("[data-role='conflict']");
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = 60_000 }); // the page retries every 5 s
        await Assertions.Expect(conflict).ToContainTextAsync("Fanny Translator saved it while you were typing.");
        await Assertions.Expect(conflict.Locator("[data-role='theirs']")).ToHaveTextAsync("Version de Fanny.");
        await Assertions.Expect(conflict.Locator("[data-role='mine']")).ToHaveTextAsync("Version de Tomás, écrite hors ligne.");
        await Assertions.Expect(Row(tomas, segment).Locator("textarea[data-role='text']")).ToHaveValueAsync("Version de Tomás, écrite hors ligne.");
        await conflict.ScrollIntoViewIfNeededAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tomas);
        await AppServer.ScreenshotAsync(tomas, "translate-conflict");

        // He keeps his: saved on her revision; her page, with nothing unsaved, shows it.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine (save again)" }).ClickAsync();
        await Assertions.Expect(conflict).ToBeHiddenAsync();
        await Assertions.Expect(Row(tomas, segment).Locator("[data-role='saved']")).ToContainTextAsync("Draft saved");
        await Assertions.Expect(Row(fanny, segment).Locator("textarea[data-role='text']")).ToHaveValueAsync("Version de Tomás, écrite hors ligne.");

        // Her earlier text is in the history.
        await Row(fanny, segment).Locator("[data-role='history'] summary").ClickAsync();
        await Assertions.Expect(Row(fanny, segment).Locator("[data-role='history-list']")).ToContainTextAsync("Version de Fanny.");
        await Assertions.Expect(Row(fanny, segment).Locator("[data-role='history-list']")).ToContainTextAsync("Saved on an older revision");

        await tomas.Context.CloseAsync();
        await fanny.Context.CloseAsync();
    }

    [Fact]
    public async Task The_arabic_workspace_is_right_to_left_and_the_workspace_reads_on_a_phone()
    {
        var amal = await app.NewPageAsync(signInAs: "translator4", width: 1400);
        await OpenAsync(amal, 3, "ar");
        var target = amal.Locator(".tr-row .tr-target").First;
        Assert.Equal("rtl", await target.GetAttributeAsync("dir"));
        Assert.Equal("rtl", await target.Locator("textarea[data-role='text']").EvaluateAsync<string>("t => getComputedStyle(t).direction"));
        await amal.Locator(".tr-row[data-state='approved'], .tr-row[data-state='translated']").First.ScrollIntoViewIfNeededAsync();
        await amal.EvaluateAsync("() => window.scrollBy(0, -200)");
        await Accessibility.AssertNoSeriousViolationsAsync(amal);
        await AppServer.ScreenshotAsync(amal, "translate-ar");
        await amal.Context.CloseAsync();

        var phone = await app.NewPageAsync(signInAs: "translator", width: 375, height: 800);
        await OpenAsync(phone, 3, "fr");
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the workspace scrolls sideways by {overflow}px on a phone");
        var row = phone.Locator(".tr-row[data-state='outdated']").First;
        var source = await row.Locator(".tr-source").BoundingBoxAsync();
        var translation = await row.Locator(".tr-target").BoundingBoxAsync();
        Assert.True(translation!.Y >= source!.Y + source.Height - 1, "on a phone the translation comes under the English");
        await AppServer.ScreenshotAsync(phone, "translate-phone-top");
        await row.ScrollIntoViewIfNeededAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await AppServer.ScreenshotAsync(phone, "translate-phone");
        await phone.Context.CloseAsync();
    }
}
