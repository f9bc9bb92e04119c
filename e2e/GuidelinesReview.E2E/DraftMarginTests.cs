using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// The draft page as a reader meets it (issue 14): one steady column of text with the comments in
/// a margin beside it, a bottom sheet on phones, live comments that never move the reader, the
/// keyboard path to a passage comment, and the notice on a superseded version.
/// </summary>
[Collection(AppServerCollection.Name)]
public sealed class DraftMarginTests(AppServer app)
{
    private const string V2 = $"/guidelines/{AppServer.SampleSlug}/v/2";
    private const string V3 = $"/guidelines/{AppServer.SampleSlug}/v/3";

    private static async Task OpenDraftAsync(IPage page, string? anchor = null)
    {
        await page.GotoAsync(V3 + (anchor is null ? "" : "#" + anchor));
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
    }

    private static string Id(string anchor) => "#" + anchor.Replace(".", "\\.", StringComparison.Ordinal);

    /// <summary>Posts a comment on a block through its + button and waits until it is saved.</summary>
    private static async Task PostAsync(IPage page, string anchor, string text)
    {
        await page.Locator($"[data-add-comment='{anchor}']").ClickAsync();
        var form = page.Locator("form.comment-form");
        await form.GetByLabel("Comment", new() { Exact = true }).FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-comments-for='{anchor}'] .comment", new() { HasText = text })).ToHaveCountAsync(1);
    }

    /// <summary>
    /// Two paragraphs that follow each other, neither with comments yet, the first pair from
    /// <paramref name="from"/> (a share of the page) on: each test takes its own place in the draft.
    /// </summary>
    private static Task<string[]> QuietParagraphsAsync(IPage page, double from) => page.EvaluateAsync<string[]>(
        """
        from => {
          const rows = [...document.querySelectorAll('[data-block-row]')];
          const quiet = r => r.querySelector('.blk-paragraph') && !r.querySelector('.thread-badge:not([hidden])') && r.querySelector('[data-comments-for]').hidden;
          for (let i = Math.floor(rows.length * from); i + 1 < rows.length; i++) if (quiet(rows[i]) && quiet(rows[i + 1])) return [rows[i].dataset.blockRow, rows[i + 1].dataset.blockRow];
          throw new Error('no two quiet paragraphs after ' + from);
        }
        """, from);

    [Fact]
    public async Task Comments_float_beside_their_block_without_pushing_the_text_apart_and_a_long_thread_collapses_to_a_badge()
    {
        var page = await app.NewPageAsync(signInAs: "expert", width: 1280, height: 900);
        await OpenDraftAsync(page);
        var pair = await QuietParagraphsAsync(page, 0.2);
        var (first, next) = (pair[0], pair[1]);
        await page.Locator(Id(first)).ScrollIntoViewIfNeededAsync();
        var gapBefore = await GapAsync(page, first, next);

        for (var i = 1; i <= 3; i++)
        {
            await PostAsync(page, first, $"Margin comment {i}: this thread is long enough to need more room than its paragraph has. {new string('x', 40)} {Guid.NewGuid():N}");
        }

        await PostAsync(page, next, "A short note on the paragraph after it.");
        await page.Locator(Id(first)).ScrollIntoViewIfNeededAsync();

        // The text did not move apart: the next paragraph is as far from this one as before.
        Assert.InRange(await GapAsync(page, first, next), gapBefore - 1, gapBefore + 1);

        // The long thread folds to a badge at the top of its block, in the margin beside the text.
        var badge = page.Locator($"[data-badge-for='{first}']");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await Assertions.Expect(badge).ToHaveAccessibleNameAsync(new Regex(@"^3 comments on \d+(\.\d+)* .+: “"));
        await Assertions.Expect(badge).ToHaveAttributeAsync("aria-expanded", "false");
        var text = (await page.Locator(Id(first)).BoundingBoxAsync())!;
        var badgeBox = (await badge.BoundingBoxAsync())!;
        Assert.True(badgeBox.X >= text.X + text.Width, $"the badge ({badgeBox.X}) stands in the margin, right of the text ({text.X + text.Width})");
        Assert.InRange(badgeBox.Y, text.Y - 8, text.Y + 8);
        var nextColumn = page.Locator($"[data-comments-for='{next}']");
        await Assertions.Expect(nextColumn.Locator(".comment")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-comments-for='{first}'] .comment").First).Not.ToBeVisibleAsync();
        await NoOverlapAsync(page);
        await AppServer.ScreenshotAsync(page, "draft-margin");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Opened on demand: the whole thread shows, the text still does not move, and Esc folds it back.
        await badge.ClickAsync();
        var column = page.Locator($"[data-comments-for='{first}']");
        await Assertions.Expect(column.Locator(".comment")).ToHaveCountAsync(3);
        await Assertions.Expect(column.Locator(".comment").Nth(2)).ToBeVisibleAsync();
        await Assertions.Expect(column.Locator(".comment").First).ToBeFocusedAsync();
        Assert.InRange(await GapAsync(page, first, next), gapBefore - 1, gapBefore + 1);
        await NoOverlapAsync(page);
        await AppServer.ScreenshotAsync(page, "draft-margin-expanded");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(badge).ToBeFocusedAsync();
        await Assertions.Expect(badge).ToHaveAttributeAsync("aria-expanded", "false");

        // Narrower, the layout is done again (no overlap, still beside the text).
        await page.SetViewportSizeAsync(1024, 800);
        await page.WaitForTimeoutAsync(300);
        await NoOverlapAsync(page);
        await AppServer.ScreenshotAsync(page, "draft-margin-1024");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 740)]
    public async Task A_live_comment_above_the_reader_does_not_move_the_first_visible_line_and_is_counted_as_new(int width, int height)
    {
        var reader = await app.NewPageAsync(signInAs: "expert", width: width, height: height);
        await OpenDraftAsync(reader);
        var pair = await QuietParagraphsAsync(reader, width > 500 ? 0.4 : 0.5);
        var above = pair[0];

        // The reader is well below that paragraph.
        await reader.EvaluateAsync("a => window.scrollTo(0, document.getElementById(a).getBoundingClientRect().bottom + window.scrollY + 1500)", above);
        await reader.WaitForTimeoutAsync(300);
        var (firstVisible, topBefore) = await FirstVisibleAsync(reader);

        // Someone else joins (presence changes above the reader) and posts on that paragraph.
        var other = await app.NewPageAsync(signInAs: "expert2", width: 1280);
        await OpenDraftAsync(other, above);
        await PostAsync(other, above, $"Posted live above the reader {Guid.NewGuid():N}");

        var counter = reader.GetByTestId("new-comments");
        await Assertions.Expect(counter).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(counter).ToContainTextAsync("1 new comment");
        await Assertions.Expect(reader.Locator($"[data-badge-for='{above}']")).ToContainTextAsync("new");
        await reader.WaitForTimeoutAsync(300); // a layout frame or two
        var topAfter = await reader.EvaluateAsync<double>("id => document.getElementById(id).closest('.blk').getBoundingClientRect().top", firstVisible);
        Assert.InRange(topAfter, topBefore - 1, topBefore + 1);
        await Assertions.Expect(reader.Locator("#live-announce")).ToContainTextAsync("New comment by Elias Expert on", new() { Timeout = 5000 });
        await AppServer.ScreenshotAsync(reader, $"draft-new-counter-{width}");
        await Accessibility.AssertNoSeriousViolationsAsync(reader);

        // The counter goes to the comment, which stops being new.
        await counter.ClickAsync();
        var comment = reader.Locator($"[data-comments-for='{above}'] .comment", new() { HasText = "Posted live above the reader" });
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await Assertions.Expect(comment).ToBeInViewportAsync();
        await Assertions.Expect(counter).ToBeHiddenAsync();
        await reader.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_threads_open_in_a_bottom_sheet_and_every_touch_target_is_44_px()
    {
        var page = await app.NewPageAsync(signInAs: "expert", width: 375, height: 740);
        await OpenDraftAsync(page);
        await Accessibility.AssertTouchTargetsAsync(page.Locator("main"));
        var anchor = (await QuietParagraphsAsync(page, 0.3))[0];
        var add = page.Locator($"[data-add-comment='{anchor}']");
        await add.ScrollIntoViewIfNeededAsync();

        // + opens the sheet with the form, focus in it.
        await add.ClickAsync();
        var sheet = page.Locator("#thread-sheet");
        await Assertions.Expect(sheet).ToBeVisibleAsync();
        await Assertions.Expect(sheet.Locator("h2")).ToContainTextAsync(new Regex(@"^Comments on \d"));
        await Assertions.Expect(sheet.GetByLabel("Type")).ToBeFocusedAsync();
        var body = sheet.GetByLabel("Comment", new() { Exact = true });
        await body.FillAsync("Posted from a phone: please cite the SDG targets.");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(sheet.Locator(".comment", new() { HasText = "Posted from a phone" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(sheet).ToBeHiddenAsync();
        await Assertions.Expect(add).ToBeFocusedAsync();

        // Under the block: a count, not the thread; the page does not scroll sideways.
        var badge = page.Locator($"[data-badge-for='{anchor}']");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await Assertions.Expect(badge).ToHaveAccessibleNameAsync(new Regex(@"^1 comment on \d"));
        await Assertions.Expect(page.Locator($".blk-row > [data-comments-for='{anchor}']")).ToBeHiddenAsync();
        var paragraph = (await page.Locator(Id(anchor)).BoundingBoxAsync())!;
        var badgeBox = (await badge.BoundingBoxAsync())!;
        Assert.True(badgeBox.Y >= paragraph.Y + paragraph.Height - 1, "the count is under its paragraph");
        Assert.True(await OverflowAsync(page) <= 0, "no sideways scrolling");

        // Tapping the count opens the thread; Close returns to the count.
        await badge.ClickAsync();
        await Assertions.Expect(sheet.Locator(".comment", new() { HasText = "Posted from a phone" })).ToBeVisibleAsync();
        await Accessibility.AssertTouchTargetsAsync(sheet);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "draft-phone-sheet");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(sheet).ToBeHiddenAsync();
        await Assertions.Expect(badge).ToBeFocusedAsync();
        await badge.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "draft-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task By_keyboard_the_reader_skips_the_contents_comments_on_a_selection_snapped_to_words_and_a_refusal_keeps_the_focus_on_the_field()
    {
        var page = await app.NewPageAsync(signInAs: "expert2");
        await OpenDraftAsync(page);
        var anchor = (await QuietParagraphsAsync(page, 0.6))[0];

        // The skip link takes the focus past the table of contents to the text.
        var skip = page.GetByTestId("skip-to-text");
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#draft")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("keyboard-help")).ToContainTextAsync("Alt + Shift + C");

        // A selection made as caret browsing makes it (a caret inside a word, then Shift+arrows by word),
        // starting in the middle of a word: the passage is whole words.
        var expected = await page.EvaluateAsync<string>(
            """
            anchor => {
              const block = document.getElementById(anchor);
              const node = [...block.childNodes].find(n => n.nodeType === 3 && n.nodeValue.split(' ').length > 8);
              const text = node.nodeValue;
              const letter = /[\p{L}\p{N}]/u;
              // Two letters into the first word of five letters or more after the third word.
              const word = text.split(' ').findIndex((w, i) => i >= 3 && /^[\p{L}]{5,}$/u.test(w));
              const wordStart = text.split(' ').slice(0, word).join(' ').length + 1;
              const selection = document.getSelection();
              selection.collapse(node, wordStart + 2);
              block.scrollIntoView({ block: 'center' });
              for (let i = 0; i < 3; i++) selection.modify('extend', 'forward', 'word');
              let end = wordStart + 2 + selection.toString().length;
              while (end < text.length && letter.test(text[end])) end++;
              return text.slice(wordStart, end).trim();
            }
            """, anchor);
        await page.Keyboard.PressAsync("Alt+Shift+C");
        var form = page.Locator("form.comment-form");
        await Assertions.Expect(form).ToHaveAccessibleNameAsync(new Regex(@"^Comment on \d+(\.\d+)* .+: “"));
        var passage = form.GetByLabel("Passage (optional)");
        Assert.Equal(expected.Trim(), await passage.InputValueAsync());

        // A typed passage with a typo: refused with the nearest passage offered; focus on the field.
        var typo = expected.Trim().ToUpperInvariant();
        typo = typo[..2] + (typo[2] == 'Q' ? 'Z' : 'Q') + typo[3..];
        await passage.FillAsync(typo);
        var body = form.GetByLabel("Comment", new() { Exact = true });
        await body.FillAsync("A keyboard-only comment on typed words.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Did you mean “");
        await Assertions.Expect(passage).ToBeFocusedAsync();
        await Assertions.Expect(passage).ToHaveAttributeAsync("aria-invalid", "true");
        var described = await passage.GetAttributeAsync("aria-describedby");
        Assert.Contains(await form.GetByRole(AriaRole.Alert).GetAttributeAsync("id") ?? "?", described ?? "", StringComparison.Ordinal);
        Assert.Equal("A keyboard-only comment on typed words.", await body.InputValueAsync());
        await AppServer.ScreenshotAsync(page, "comment-did-you-mean");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Use “") }).ClickAsync();
        await Assertions.Expect(passage).ToHaveValueAsync(new Regex(Regex.Escape(expected.Trim()), RegexOptions.IgnoreCase));
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var posted = page.Locator($"[data-comments-for='{anchor}'] .comment", new() { HasText = "A keyboard-only comment on typed words." });
        await Assertions.Expect(posted).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"{Id(anchor)} mark.hl")).ToHaveTextAsync(expected.Trim());

        // An empty comment is refused on the comment field, which keeps the focus.
        await page.Locator($"[data-add-comment='{anchor}']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("form.comment-form").GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var empty = page.Locator("form.comment-form").GetByLabel("Comment", new() { Exact = true });
        await Assertions.Expect(empty).ToBeFocusedAsync();
        await Assertions.Expect(empty).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_superseded_version_says_which_is_current_and_links_each_paragraph_to_it(int width)
    {
        var page = await app.NewPageAsync(signInAs: "expert", width: width);
        await page.GotoAsync(V2);
        var notice = page.GetByTestId("superseded-notice");
        await Assertions.Expect(notice).ToContainTextAsync("You are reading v2. v3 is the current draft");
        await notice.GetByRole(AriaRole.Link, new() { Name = "v3 is the current draft" }).ClickAsync();
        await page.WaitForURLAsync("**" + V3);
        await Assertions.Expect(page.GetByTestId("superseded-notice")).ToHaveCountAsync(0);

        await page.GotoAsync(V2);
        var links = page.Locator("a[data-in-current]");
        Assert.True(await links.CountAsync() > 100, "most paragraphs of v2 are in v3");
        var link = links.Nth(20);
        var href = await link.GetAttributeAsync("href");
        Assert.Matches(@"/v/3#s[\w.-]+$", href ?? "");
        await Assertions.Expect(link).ToHaveAccessibleNameAsync(new Regex(@"^v3 ?: .+, in the current draft$"));
        await AppServer.ScreenshotAsync(page, $"draft-superseded-{width}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (width < 500)
        {
            await Accessibility.AssertTouchTargetsAsync(page.Locator("#draft"));
        }

        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/v/3#"));
        await Assertions.Expect(page.Locator(".blk.is-highlighted")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    /// <summary>The distance from the top of one block to the top of the next: what a margin that reflowed the text would change.</summary>
    private static Task<double> GapAsync(IPage page, string first, string next) => page.EvaluateAsync<double>(
        "([a, b]) => document.getElementById(b).getBoundingClientRect().top - document.getElementById(a).getBoundingClientRect().top",
        new[] { first, next });

    private static async Task<(string Anchor, double Top)> FirstVisibleAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>(
            "() => { const b = [...document.querySelectorAll('.blk')].find(b => b.getBoundingClientRect().bottom > 0); return [b.querySelector('[data-anchor]').id, String(b.getBoundingClientRect().top)]; }");
        return (found[0], double.Parse(found[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Fails when two of the margin's shown threads or badges overlap.</summary>
    private static async Task NoOverlapAsync(IPage page)
    {
        var overlaps = await page.EvaluateAsync<string[]>(
            """
            () => {
              const shown = [...document.querySelectorAll('.blk-row > .blk-comments:not([hidden]):not(.is-collapsed), .blk-row > .thread-badge.is-shown')]
                .map(e => [e.dataset.commentsFor || e.dataset.badgeFor, e.getBoundingClientRect()])
                .sort((a, b) => a[1].top - b[1].top);
              const bad = [];
              for (let i = 1; i < shown.length; i++) if (shown[i][1].top < shown[i - 1][1].bottom - 0.5) bad.push(`${shown[i - 1][0]} / ${shown[i][0]}`);
              return bad;
            }
            """);
        Assert.True(overlaps.Length == 0, "overlapping threads in the margin: " + string.Join(", ", overlaps));
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
