using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// Issue 14, versions: the compare view with the demo comments behind each change, My comments with
/// every status, and commenting refused on a superseded version, at desktop and phone width.
/// </summary>
[Collection(AppServerCollection.Name)]
public sealed class VersionsTests(AppServer app)
{
    private const string Guideline = $"/guidelines/{AppServer.SampleSlug}";

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways");

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(375, "phone")]
    public async Task Compare_shows_the_comments_behind_each_change_and_keeps_replaced_words_apart(int width, string name)
    {
        var page = await app.NewPageAsync(signInAs: "expert2", width: width, height: 900);

        await page.GotoAsync($"{Guideline}/compare?from=2&to=3");
        var rewritten = page.Locator(".diff-text", new() { HasText = "The present draft takes account of the discussions held at" }).First;
        await Assertions.Expect(rewritten).ToBeVisibleAsync();
        Assert.Contains("held at [deleted: the] [inserted: two] [deleted: first ]expert group", await rewritten.TextContentAsync()); // "~~the~~ two ~~first~~", not "thetwo"
        var behind = page.Locator("details.diff-comments", new() { HasText = "1 comment on the older version · 1 decided" })
            .Filter(new() { Has = page.GetByText("Once the second meeting and the regional consultations") });
        await behind.Locator("summary").ClickAsync();
        await Assertions.Expect(behind.GetByText("Rewritten in v3 to reflect both meetings")).ToBeVisibleAsync();
        await behind.ScrollIntoViewIfNeededAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await AppServer.ScreenshotAsync(page, $"versions-compare-{name}");

        await page.GotoAsync($"{Guideline}/compare?from=1&to=2&view=side");
        var definition = page.Locator("details.diff-comments").Filter(new() { Has = page.GetByText("is the heart of the definition") });
        await definition.Locator("summary").ClickAsync();
        await Assertions.Expect(definition.GetByText("Decision: Accepted in part.")).ToBeVisibleAsync();
        await Assertions.Expect(definition.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^2\\.1 .*For the purposes of these guidelines") })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await AppServer.ScreenshotAsync(page, $"versions-compare-side-{name}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(375, "phone")]
    public async Task My_comments_says_what_became_of_each_demo_comment_and_lists_replies(int width, string name)
    {
        var page = await app.NewPageAsync(signInAs: "expert", width: width, height: 900);

        await page.GotoAsync($"{Guideline}/my-comments");
        var definition = page.GetByTestId("my-comment").Filter(new() { HasText = "is the heart of the definition" });
        await Assertions.Expect(definition.GetByTestId("standing")).ToContainTextAsync("Decided: Accepted in part, addressed in v2.");
        await Assertions.Expect(definition.GetByTestId("standing")).ToContainTextAsync("Carried to v3");
        await Assertions.Expect(definition.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^2\\.1 ") }).First).ToBeVisibleAsync();
        var water = page.GetByTestId("my-comment").Filter(new() { HasText = "Add water use in drought-prone regions" });
        await Assertions.Expect(water.GetByTestId("standing")).ToContainTextAsync("Carried to v3");
        await Assertions.Expect(page.GetByTestId("my-reply").Filter(new() { HasText = "Could it appear in both places" })).ToContainTextAsync("In reply to");
        await Assertions.Expect(page.GetByText("withdrawn or hidden before")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await AppServer.ScreenshotAsync(page, $"versions-my-comments-{name}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(375, "phone")]
    public async Task A_reader_of_a_superseded_version_is_told_to_comment_on_the_current_draft(int width, string name)
    {
        var page = await app.NewPageAsync(signInAs: "expert3", width: width, height: 900);

        await page.GotoAsync($"{Guideline}/v/2");
        await Assertions.Expect(page.Locator("#live-status")).ToContainTextAsync("v2 has been superseded by v3 (published 3 March 2025); comment on v3.", new() { Timeout = 15_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoSidewaysScrollAsync(page);
        await AppServer.ScreenshotAsync(page, $"versions-superseded-{name}");
        await page.Context.CloseAsync();
    }
}
