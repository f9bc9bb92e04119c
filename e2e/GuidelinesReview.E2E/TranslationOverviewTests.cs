using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The secretariat's translation overview: the progress matrix of a version, and the glossary.</summary>
[Collection(AppServerCollection.Name)]
public sealed class TranslationOverviewTests(AppServer app)
{
    /// <summary>The outermost elements that reach past the right edge of the screen, for the failure message.</summary>
    private const string Widest = """
        () => {
          const w = document.documentElement.clientWidth;
          const wide = e => e.getBoundingClientRect().right > w + 1;
          return [...document.querySelectorAll('body *')]
            .filter(e => wide(e) && !(e.parentElement && e.parentElement !== document.body && wide(e.parentElement)))
            .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`).join(', ');
        }
        """;

    [Fact]
    public async Task The_secretariat_follows_the_translation_of_v3_and_keeps_the_glossary_also_on_a_phone()
    {
        var page = await app.NewPageAsync(signInAs: "secretariat");
        await page.GotoAsync("/admin/translators");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amal Translator" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Amal Translator reviews Arabic")).ToBeCheckedAsync();
        await AppServer.ScreenshotAsync(page, "translators");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/guidelines/{AppServer.SampleSlug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Translations of v3" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Translations of v3" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("left-fr")).ToContainTextAsync("segments approved;");
        var french = page.GetByRole(AriaRole.Columnheader).GetByRole(AriaRole.Link, new() { Name = "French" });
        Assert.Equal($"/guidelines/{AppServer.SampleSlug}/v/3/translate/fr", await french.GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("tr[data-section='s4.1'] td[data-lang='fr'] .cell-main")).ToContainTextAsync("approved");
        await AppServer.ScreenshotAsync(page, "translation-progress");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "the glossary", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "smart city", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // add a term, refused first because its French rendering is also listed as forbidden
        var term = $"civic tech {Guid.NewGuid():N}"[..18];
        await page.GetByText("Add a term").ClickAsync();
        await page.GetByLabel("Term", new() { Exact = true }).FillAsync(term);
        await page.GetByLabel("Preferred in French").FillAsync("technologies civiques");
        await page.GetByLabel("Forbidden in French").FillAsync("civic tech\ntechnologies civiques");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be both the preferred French rendering and a forbidden one");
        await AppServer.ScreenshotAsync(page, "glossary-refused");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Forbidden in French").FillAsync("civic tech");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the term" }).ClickAsync();
        var entry = page.GetByTestId("glossary-term").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = term }) });
        await Assertions.Expect(entry).ToContainTextAsync("technologies civiques");
        await entry.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "glossary");
        await page.Context.CloseAsync();

        var phone = await app.NewPageAsync(signInAs: "secretariat", width: 375, height: 800);
        await phone.GotoAsync($"/guidelines/{AppServer.SampleSlug}/v/3/translations");
        await Assertions.Expect(phone.GetByTestId("left-ar")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(phone, "translation-progress-phone");
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px (only the matrix should): " + await phone.EvaluateAsync<string>(Widest));
        await phone.EvaluateAsync("() => document.querySelector('.progress-matrix').scrollIntoView({ block: 'start' })");
        await AppServer.ScreenshotAsync(phone, "translation-progress-phone-matrix");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);

        await phone.GotoAsync($"/guidelines/{AppServer.SampleSlug}/glossary");
        var added = phone.GetByTestId("glossary-term").Filter(new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = term }) });
        await added.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(phone, "glossary-phone");
        overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the glossary scrolls sideways by {overflow}px: " + await phone.EvaluateAsync<string>(Widest));
        await Accessibility.AssertNoSeriousViolationsAsync(phone);

        // and take it out again, leaving the sample glossary as it was
        await added.GetByRole(AriaRole.Button, new() { Name = $"Delete “{term}”" }).ClickAsync();
        await Assertions.Expect(phone.GetByText($"'{term}' was deleted from the glossary.")).ToBeVisibleAsync();
        await Assertions.Expect(added).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }
}
