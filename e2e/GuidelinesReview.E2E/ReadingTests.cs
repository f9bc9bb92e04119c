using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class ReadingTests(AppServer app)
{
    private const string V3 = $"/guidelines/{AppServer.SampleSlug}/v/3";

    [Fact]
    public async Task An_expert_signs_in_reads_the_consultation_draft_filters_by_principle_and_follows_a_permalink()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await AppServer.ScreenshotAsync(page, "login");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync("expert@demo.local");
        await page.GetByLabel("Password").FillAsync(AppServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/guidelines");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "guidelines");

        // Open the consultation draft from the guideline list.
        await page.GetByRole(AriaRole.Link, new() { Name = "v3 · Draft for online consultation" }).ClickAsync();
        await page.WaitForURLAsync("**" + V3);
        Assert.Equal("Open for consultation", await page.GetByTestId("version-status").InnerTextAsync());
        var allBlocks = await page.Locator(".draft-body [data-anchor]").CountAsync();
        Assert.True(allBlocks > 150, $"{allBlocks} blocks shown");
        await AppServer.ScreenshotAsync(page, "draft-v3");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Filter by a principle.
        await page.GetByLabel("Principle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Financing and procurement" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**principle=financing**");
        var notice = page.GetByTestId("filter-notice");
        Assert.Contains("Financing and procurement", await notice.InnerTextAsync(), StringComparison.Ordinal);
        var filteredBlocks = await page.Locator(".draft-body [data-anchor]").CountAsync();
        Assert.InRange(filteredBlocks, 1, allBlocks / 2);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "12. Financing and procurement" }).IsVisibleAsync());
        await AppServer.ScreenshotAsync(page, "draft-v3-filtered");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Copy a block's permalink, then follow it in a new tab.
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filter" }).ClickAsync();
        var permalink = page.Locator("a[data-anchor-link='s2.1-p1']");
        await permalink.ClickAsync();
        Assert.Contains("Link copied", await page.Locator("#toast").InnerTextAsync(), StringComparison.Ordinal);
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.EndsWith(V3 + "#s2.1-p1", copied, StringComparison.Ordinal);

        var followed = await page.Context.NewPageAsync();
        await followed.GotoAsync(copied);
        var block = followed.Locator(".blk.is-highlighted");
        await Assertions.Expect(block).ToHaveCountAsync(1);
        Assert.Equal("s2.1-p1", await block.Locator("[data-anchor]").GetAttributeAsync("data-anchor"));
        await Assertions.Expect(followed.Locator("#s2\\.1-p1")).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await AppServer.ScreenshotAsync(followed, "permalink-followed");
        await Accessibility.AssertNoSeriousViolationsAsync(followed);

        // Sign out: the draft is no longer reachable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync(V3);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_observer_is_refused_a_write_page()
    {
        var page = await app.NewPageAsync(signInAs: "observer");

        await page.GotoAsync("/admin/invitations");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Invitations" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_draft_is_usable_on_a_375px_phone_screen()
    {
        var page = await app.NewPageAsync(signInAs: "expert", width: 375, height: 740);

        await page.GotoAsync(V3 + "#s2.1-p1");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px");
        await Assertions.Expect(page.Locator(".blk.is-highlighted")).ToHaveCountAsync(1);
        await AppServer.ScreenshotAsync(page, "draft-v3-phone");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await AppServer.ScreenshotAsync(page, "draft-v3-phone-top");

        // Contents and filter start folded so the text is near the top; they open on demand.
        Assert.False(await page.Locator("details.draft-toc").GetAttributeAsync("open") is not null);
        await page.GetByText("Contents", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "12. Financing and procurement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "12. Financing and procurement" })).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show menu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "menu-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_draft_page_works_by_keyboard()
    {
        var page = await app.NewPageAsync(signInAs: "expert");
        await page.GotoAsync(V3);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Choose a thematic area and apply the filter without a mouse.
        await page.Locator("#filter-area").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**area=**");
        await Assertions.Expect(page.GetByTestId("filter-notice")).ToBeVisibleAsync();

        // A permalink is reachable and works with Enter.
        var permalink = page.Locator(".draft-body a.permalink").First;
        await permalink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".blk.is-highlighted")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_print_view_shows_the_text_without_navigation()
    {
        var page = await app.NewPageAsync(signInAs: "expert");
        await page.GotoAsync(V3);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".draft-aside")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".permalink").First).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2.1 What we mean by a people-centred smart city" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "draft-v3-print");
        await page.Context.CloseAsync();
    }
}
