using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>Two (and three) real browsers on the consultation draft at once.</summary>
[Collection(AppServerCollection.Name)]
public sealed class CommentTests(AppServer app)
{
    private const string V3 = $"/guidelines/{AppServer.SampleSlug}/v/3";

    private static async Task OpenDraftAsync(IPage page, string anchor = "s2.1-p1")
    {
        await page.GotoAsync(V3 + "#" + anchor);
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
    }

    /// <summary>Selects <paramref name="words"/> inside a block as a mouse drag would.</summary>
    private static Task SelectAsync(IPage page, string anchor, string words) => page.EvaluateAsync(
        @"([anchor, words]) => {
            const block = document.getElementById(anchor);
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.nodeValue.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    const selection = document.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
            throw new Error('words not found');
        }", new object[] { anchor, words });

    private static ILocator Column(IPage page, string anchor) => page.Locator($"[data-comments-for='{anchor}']");

    /// <summary>Opens a block's thread in the margin when it is folded to its badge (a long thread beside a short paragraph).</summary>
    private static async Task OpenThreadAsync(IPage page, string anchor)
    {
        var badge = page.Locator($"[data-badge-for='{anchor}']");
        await page.WaitForTimeoutAsync(100); // the margin is laid out in the next frame
        if (await badge.IsVisibleAsync() && await badge.GetAttributeAsync("aria-expanded") == "false")
        {
            await badge.ClickAsync();
        }
    }

    [Fact]
    public async Task Two_experts_see_each_others_comments_replies_support_and_the_secretariats_decision_live()
    {
        var esi = await app.NewPageAsync(signInAs: "expert", width: 1400);
        var elias = await app.NewPageAsync(signInAs: "expert2", width: 1400);
        await OpenDraftAsync(esi);
        await OpenDraftAsync(elias);
        await Assertions.Expect(esi.Locator("#presence")).ToContainTextAsync("Elias Expert");

        // Esi selects a passage and comments on it.
        var passage = (await esi.Locator("#s2\\.1-p1").InnerTextAsync()).Split(' ').Skip(3).Take(5);
        var words = string.Join(' ', passage);
        await SelectAsync(esi, "s2.1-p1", words);
        await esi.GetByRole(AriaRole.Button, new() { Name = "Comment on selection" }).ClickAsync();
        var composer = esi.GetByRole(AriaRole.Form, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Comment on 2\.1 .+: “") });
        Assert.Equal(words, await composer.GetByLabel("Passage (optional)").InputValueAsync());
        await composer.GetByLabel("Type").SelectOptionAsync("technical");
        await composer.GetByLabel("Comment", new() { Exact = true }).FillAsync("Name the rights this refers to.");
        await composer.GetByLabel("Proposed replacement text (optional)").FillAsync("…the rights set out in national law…");
        await composer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        // Elias sees it beside the same paragraph, with the passage highlighted, without reloading.
        var seen = Column(elias, "s2.1-p1").Locator(".comment", new() { HasText = "Name the rights this refers to." });
        await Assertions.Expect(seen).ToHaveCountAsync(1, new() { Timeout = 5000 });
        await OpenThreadAsync(elias, "s2.1-p1");
        await Assertions.Expect(seen).ToBeVisibleAsync();
        await Assertions.Expect(seen).ToContainTextAsync("Esi Expert");
        await Assertions.Expect(seen).ToContainTextAsync("Technical");
        await Assertions.Expect(seen).ToContainTextAsync("the rights set out in national law");
        await Assertions.Expect(elias.Locator("#s2\\.1-p1 mark.hl")).ToHaveTextAsync(words);
        await AppServer.ScreenshotAsync(elias, "comments-live");

        // Elias replies and supports; Esi sees both.
        await seen.GetByRole(AriaRole.Button, new() { Name = "+1 Support" }).ClickAsync();
        await seen.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        var reply = elias.GetByRole(AriaRole.Form, new() { Name = "Reply to Esi Expert" });
        await reply.GetByLabel("Reply").FillAsync("Agreed: national law varies, so name the principle instead.");
        await reply.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        var mine = Column(esi, "s2.1-p1").Locator(".comment", new() { HasText = "Name the rights this refers to." }).First;
        await OpenThreadAsync(esi, "s2.1-p1");
        await Assertions.Expect(mine.Locator(".replies")).ToContainTextAsync("Agreed: national law varies");
        await Assertions.Expect(mine).ToContainTextAsync("1 support");
        await Assertions.Expect(mine).ToContainTextAsync("Supported by Elias Expert");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0); // it has a reply now

        // The secretariat records a decision; both experts see it.
        var sam = await app.NewPageAsync(signInAs: "secretariat", width: 1400);
        await OpenDraftAsync(sam);
        var samComment = Column(sam, "s2.1-p1").Locator(".comment", new() { HasText = "Name the rights this refers to." }).First;
        await OpenThreadAsync(sam, "s2.1-p1");
        await samComment.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        var decision = sam.GetByRole(AriaRole.Form, new() { Name = "Decision on the comment by Esi Expert" });
        await decision.GetByLabel("Decision").SelectOptionAsync(new SelectOptionValue { Label = "Accepted in part" });
        await decision.GetByLabel("Observation").FillAsync("The definition now names the principle of non-discrimination.");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(mine).ToContainTextAsync("Secretariat decision: Accepted in part.");
        await Assertions.Expect(seen).ToContainTextAsync("non-discrimination");
        await AppServer.ScreenshotAsync(esi, "comments-decision");
        await Accessibility.AssertNoSeriousViolationsAsync(esi);

        foreach (var page in new[] { esi, elias, sam })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_comment_written_offline_is_sent_once_when_the_connection_is_back()
    {
        var esi = await app.NewPageAsync(signInAs: "expert", width: 1400);
        var elias = await app.NewPageAsync(signInAs: "expert2", width: 1400);
        await OpenDraftAsync(esi, "s2.2-p1");
        await OpenDraftAsync(elias, "s2.2-p1");
        var text = $"Written on a train without signal {Guid.NewGuid():N}";

        await esi.Context.SetOfflineAsync(true);
        await Assertions.Expect(esi.Locator("#live-status")).ToContainTextAsync("offline");
        await esi.Locator("[data-add-comment='s2.2-p1']").ClickAsync();
        await esi.GetByLabel("Comment", new() { Exact = true }).FillAsync(text);
        await esi.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(Column(esi, "s2.2-p1")).ToContainTextAsync("will be sent automatically");
        await AppServer.ScreenshotAsync(esi, "comment-queued-offline");
        await esi.Context.SetOfflineAsync(false);

        var onElias = Column(elias, "s2.2-p1").Locator(".comment", new() { HasText = text });
        await Assertions.Expect(onElias).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await Assertions.Expect(Column(esi, "s2.2-p1").Locator(".comment", new() { HasText = text })).ToHaveCountAsync(1);
        await Assertions.Expect(Column(esi, "s2.2-p1").Locator(".comment-pending")).ToHaveCountAsync(0);

        // A reload shows it once too: it is in the database, not only on the screens.
        await elias.ReloadAsync();
        await Assertions.Expect(elias.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(Column(elias, "s2.2-p1").Locator(".comment", new() { HasText = text })).ToHaveCountAsync(1);
        await esi.Context.CloseAsync();
        await elias.Context.CloseAsync();
    }

    [Fact]
    public async Task A_comment_can_be_written_by_keyboard_and_an_invalid_one_keeps_its_text()
    {
        var page = await app.NewPageAsync(signInAs: "expert2");
        await OpenDraftAsync(page, "s2.2-p2");

        await page.Locator("[data-add-comment='s2.2-p2']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Form, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Comment on 2\.2 ") });
        await Assertions.Expect(form.GetByLabel("Type")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("words that are not in this paragraph");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("A keyboard-only comment.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("The passage you gave is not in this paragraph.");
        Assert.Equal("A keyboard-only comment.", await form.GetByLabel("Comment", new() { Exact = true }).InputValueAsync());
        await Assertions.Expect(form.GetByLabel("Passage (optional)")).ToBeFocusedAsync(); // not the page body
        await form.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "comment-refused");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await form.GetByLabel("Passage (optional)").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(Column(page, "s2.2-p2").Locator(".comment", new() { HasText = "A keyboard-only comment." })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_secretariat_works_through_the_disposition_table()
    {
        var esi = await app.NewPageAsync(signInAs: "expert", width: 1400);
        await OpenDraftAsync(esi, "s3-p1");
        var text = $"Please add an example from a small town {Guid.NewGuid():N}"[..50];
        await esi.Locator("[data-add-comment='s3-p1']").ClickAsync();
        await esi.GetByLabel("Comment", new() { Exact = true }).FillAsync(text);
        await esi.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(Column(esi, "s3-p1").Locator(".comment", new() { HasText = text })).ToHaveCountAsync(1);

        var sam = await app.NewPageAsync(signInAs: "secretariat", width: 1400);
        await sam.GotoAsync(V3);
        await sam.GetByRole(AriaRole.Link, new() { Name = "Disposition table" }).ClickAsync();
        await sam.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("none");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = sam.Locator("tr", new() { HasText = text });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(sam);
        await row.GetByLabel("Decision on comment").SelectOptionAsync("Accepted");
        await row.GetByLabel("Observation").FillAsync("An example from a town of 20,000 was added.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();

        // Recorded in place: the confirmation stands beside the row; reloaded, the row has left "not yet decided".
        await Assertions.Expect(row.GetByTestId("row-status")).ToContainTextAsync("Decision recorded");
        await sam.ReloadAsync();
        await Assertions.Expect(sam.Locator("tr", new() { HasText = text })).ToHaveCountAsync(0);
        await Assertions.Expect(Column(esi, "s3-p1").Locator(".comment", new() { HasText = text })).ToContainTextAsync("Secretariat decision: Accepted.");
        await sam.GotoAsync($"{V3}/dispositions");
        await AppServer.ScreenshotAsync(sam, "dispositions");
        await esi.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }
}
