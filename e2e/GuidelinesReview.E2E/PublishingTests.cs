using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The secretariat publishes v3; v2's comments follow the text, and the comparison shows what became of them.</summary>
[Collection(TwoVersionCollection.Name)]
public sealed class PublishingTests(TwoVersionServer app)
{
    private const string Slug = AppServer.SampleSlug;

    private static async Task CommentAsync(IPage page, string paragraphStart, string text)
    {
        var anchor = await page.Locator("[data-anchor]", new() { HasText = paragraphStart }).First.GetAttributeAsync("data-anchor");
        await page.Locator($"[data-add-comment='{anchor}']").ClickAsync();
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-comments-for='{anchor}'] .comment", new() { HasText = text })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Publishing_v3_shows_the_comparison_with_v2s_comments_and_carries_them_to_v3()
    {
        // Esi comments on v2: on a paragraph v3 rewords and on one v3 deletes.
        var esi = await app.NewPageAsync(signInAs: "expert", width: 1400);
        await esi.GotoAsync($"/guidelines/{Slug}/v/2");
        await Assertions.Expect(esi.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        await CommentAsync(esi, "A smart city can only be people-centred if", "Please list which meetings these were.");
        await CommentAsync(esi, "Limited access to finance is one of the obstacles", "Cite the survey this comes from.");

        // The secretariat decides on the first, then publishes v3.
        var sam = await app.NewPageAsync(signInAs: "secretariat", width: 1400);
        await sam.GotoAsync($"/guidelines/{Slug}/v/2");
        var samComment = sam.Locator(".comment", new() { HasText = "Please list which meetings these were." });
        await samComment.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await sam.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("accepted");
        await sam.GetByLabel("Observation").FillAsync("v3 names both expert group meetings.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(samComment).ToContainTextAsync("Secretariat decision: Accepted.");

        await sam.GotoAsync($"/guidelines/{Slug}");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Publish a new version" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(sam);
        await sam.GetByLabel("Draft file").SetInputFilesAsync(TwoVersionServer.SampleFile("v3.md"));
        await AppServer.ScreenshotAsync(sam, "publish");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        // Landed on compare v2 → v3 (inline), told what became of the comments.
        await sam.WaitForURLAsync($"**/guidelines/{Slug}/compare?from=2&to=3");
        await Assertions.Expect(sam.Locator("main .alert")).ToContainTextAsync("Comments from v2: 0 unchanged, 1 on changed text, 1 whose text is gone.");
        await Assertions.Expect(sam.GetByTestId("change-totals")).ToContainTextAsync("modified");
        // The block that had the decided comment (its text is interleaved with deleted/inserted words).
        var changed = sam.Locator(".diff-row", new() { HasText = "1 comment on the older version · 1 decided" });
        await Assertions.Expect(changed.Locator(".change-badge")).ToHaveTextAsync("Modified");
        await Assertions.Expect(changed.Locator("ins").First).ToBeVisibleAsync();
        await changed.GetByText("1 comment on the older version · 1 decided").ClickAsync();
        await Assertions.Expect(changed).ToContainTextAsync("Please list which meetings these were.");
        await Assertions.Expect(changed).ToContainTextAsync("Decision: Accepted.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Next change" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".change-position")).ToContainTextAsync("Change ");
        await changed.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(sam, "compare-inline");
        await Accessibility.AssertNoSeriousViolationsAsync(sam);

        await sam.GetByRole(AriaRole.Link, new() { Name = "Side-by-side view" }).ClickAsync();
        await sam.WaitForURLAsync("**view=side**");
        var side = sam.Locator(".diff-row", new() { HasText = "1 comment on the older version · 1 decided" });
        await Assertions.Expect(side.Locator(".diff-old del").First).ToBeVisibleAsync();
        await Assertions.Expect(side.Locator(".diff-new ins").First).ToBeVisibleAsync();
        await side.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(sam, "compare-side");
        await Accessibility.AssertNoSeriousViolationsAsync(sam);

        // On v3 the comment stands beside its reworded paragraph, marked as from v2; the other is listed apart.
        await esi.GotoAsync($"/guidelines/{Slug}/v/3");
        await Assertions.Expect(esi.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var carried = esi.Locator(".comment-carried", new() { HasText = "Please list which meetings these were." });
        await Assertions.Expect(carried).ToContainTextAsync("From v2");
        await Assertions.Expect(carried).ToContainTextAsync("Secretariat decision: Accepted.");
        var orphans = esi.Locator("#orphaned");
        await Assertions.Expect(orphans).ToBeVisibleAsync();
        await orphans.Locator("summary").ClickAsync();
        await Assertions.Expect(orphans).ToContainTextAsync("Cite the survey this comes from.");
        await carried.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(esi, "carried-on-v3");
        await Accessibility.AssertNoSeriousViolationsAsync(esi);

        // "What changed since I commented."
        await esi.GotoAsync($"/guidelines/{Slug}/my-comments");
        await Assertions.Expect(esi.GetByTestId("standing-counts")).ToContainTextAsync("2 comments");
        await Assertions.Expect(esi.GetByTestId("my-comment").Filter(new() { HasText = "Please list which meetings these were." })).ToContainTextAsync("Decided: Accepted");
        await Assertions.Expect(esi.GetByTestId("my-comment").Filter(new() { HasText = "Cite the survey this comes from." })).ToContainTextAsync("could not be placed");
        await AppServer.ScreenshotAsync(esi, "my-comments");
        await Accessibility.AssertNoSeriousViolationsAsync(esi);

        await esi.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task The_inline_comparison_is_readable_on_a_phone()
    {
        var page = await app.NewPageAsync(signInAs: "observer", width: 375, height: 740);

        await page.GotoAsync($"/guidelines/{Slug}/compare?from=1&to=2");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next change" }).ClickAsync();
        await AppServer.ScreenshotAsync(page, "compare-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
