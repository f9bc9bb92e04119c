using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The dispositions table decided in place (no reload), in bulk, against a stale form, and reset; the rollup matrix in its card.</summary>
[Collection(AppServerCollection.Name)]
public sealed class DispositionTests(AppServer app)
{
    private const string Draft = $"/guidelines/{AppServer.SampleSlug}/v/3";

    /// <summary>Posts a comment through the JSON API as the signed-in person of <paramref name="page"/> on the paragraph after section 8.1's heading (tagged with a thematic area); returns its id.</summary>
    private static async Task<int> CommentAsync(IPage page, string body)
    {
        await page.GotoAsync(Draft);
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const rows = [...document.querySelectorAll('[data-block-row]')];
              const at = rows.findIndex(r => r.querySelector('.blk-heading') && r.querySelector('.blk').textContent.trim().startsWith('8.1'));
              const paragraph = rows.slice(at + 1).find(r => r.querySelector('.blk-paragraph'));
              return [document.getElementById('draft').dataset.versionId, paragraph.dataset.blockRow];
            }
            """);
        var versionId = int.Parse(found[0], CultureInfo.InvariantCulture);
        var response = await page.APIRequest.PostAsync($"/api/versions/{versionId}/comments", new()
        {
            DataObject = new { clientId = Guid.NewGuid(), versionId, anchor = found[1], type = "general", body },
        });
        Assert.True(response.Ok, await response.TextAsync());
        var json = await response.JsonAsync();
        return json!.Value.GetProperty("id").GetInt32();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Decisions_are_recorded_in_place_in_bulk_refused_when_stale_and_reset(int width)
    {
        var tag = $"w{width}-{Guid.NewGuid().ToString("N")[..6]}";
        var expert = await app.NewPageAsync(signInAs: "expert");
        var a = await CommentAsync(expert, $"First **point** {tag}.");
        var b = await CommentAsync(expert, $"Second point {tag}.");
        var c = await CommentAsync(expert, $"Third point {tag}.");
        await expert.Context.CloseAsync();

        var page = await app.NewPageAsync(signInAs: "secretariat", width: width);
        await page.GotoAsync($"{Draft}/dispositions?decision=none");
        await Assertions.Expect(page.Locator("body[data-dispositions-live='true']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var rowA = page.Locator($"#row-{a}");
        var rowB = page.Locator($"#row-{b}");
        var rowC = page.Locator($"#row-{c}");

        // Beside the form: the paragraph in words and its text, and the comment rendered (no raw **).
        await Assertions.Expect(rowA.Locator(".place-link")).ToHaveTextAsync(new Regex(@"^8\.1 .+: “"));
        await Assertions.Expect(rowA.Locator("[data-testid='paragraph']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(rowA.Locator(".comment-body strong")).ToHaveTextAsync("point");

        // 1. Decide in place: the row updates, the confirmation is beside it, focus stays on the button.
        await rowA.GetByLabel($"Decision on comment #{a}").SelectOptionAsync(new SelectOptionValue { Label = "Noted" });
        await rowA.GetByLabel("Observation").FillAsync("Noted for the next draft.");
        await rowA.GetByRole(AriaRole.Button, new() { Name = $"Save decision on #{a}" }).ClickAsync();
        await Assertions.Expect(rowA.Locator("[data-testid='row-status']")).ToHaveTextAsync($"Decision recorded on comment #{a}: Noted.");
        await Assertions.Expect(rowA.Locator("[data-testid='current-decision']")).ToContainTextAsync("Noted");
        await Assertions.Expect(page.Locator("[data-testid='live']")).ToHaveTextAsync($"Decision recorded on comment #{a}: Noted.");
        Assert.Equal($"save-{a}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was not reloaded");
        await Assertions.Expect(rowA.Locator("[data-testid='row-status']")).ToBeInViewportAsync();
        await AppServer.ScreenshotAsync(page, $"dispositions-decided-{width}");

        // 2. A colleague decides B meanwhile: the stale form is refused and the row shows their decision.
        var admin = await app.NewPageAsync(signInAs: "admin");
        var put = await admin.APIRequest.PutAsync($"/api/comments/{b}/disposition", new() { DataObject = new { commentId = b, decision = "accepted", observation = "Taken on board." } });
        Assert.True(put.Ok, await put.TextAsync());
        await admin.Context.CloseAsync();
        await rowB.GetByLabel($"Decision on comment #{b}").SelectOptionAsync(new SelectOptionValue { Label = "Not accepted" });
        await rowB.GetByRole(AriaRole.Button, new() { Name = $"Save decision on #{b}" }).ClickAsync();
        await Assertions.Expect(rowB.Locator("[data-testid='row-status']")).ToContainTextAsync($"Comment #{b}: Since this form was loaded, Ada Admin recorded “Accepted” on ");
        await Assertions.Expect(rowB.Locator("[data-testid='current-decision']")).ToContainTextAsync("Accepted · Ada Admin");
        Assert.Equal("NotAccepted", await rowB.GetByLabel($"Decision on comment #{b}").InputValueAsync()); // what the person chose stays in the form
        await rowB.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, $"dispositions-stale-{width}");

        // 3. Bulk: A and C get one decision in one step, with a summary.
        await rowA.GetByLabel(new Regex($"^#{a}")).CheckAsync();
        await rowC.GetByLabel(new Regex($"^#{c}")).CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid='picked-count']")).ToHaveTextAsync("2");
        await page.GetByLabel("Decision for the selected comments").SelectOptionAsync(new SelectOptionValue { Label = "Out of scope" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected comments" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='bulk-summary']")).ToHaveTextAsync($"Recorded “Out of scope” on 2 comments (#{a}, #{c}).");
        await Assertions.Expect(rowC.Locator("[data-testid='current-decision']")).ToContainTextAsync("Out of scope");
        await Assertions.Expect(page.Locator("[data-testid='picked-count']")).ToHaveTextAsync("0");

        // 4. Reset C to "not yet decided".
        await rowC.GetByRole(AriaRole.Button, new() { Name = "Reset to not yet decided" }).ClickAsync();
        await Assertions.Expect(rowC.Locator("[data-testid='row-status']")).ToHaveTextAsync($"Comment #{c} is back to “not yet decided”.");
        await Assertions.Expect(rowC.Locator("[data-testid='current-decision']")).ToContainTextAsync("Not yet decided");
        Assert.Equal($"save-{c}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was not reloaded");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways");
        await rowC.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, $"dispositions-reset-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_rollup_matrix_keeps_its_last_column_inside_its_card_with_sticky_headers(int width)
    {
        var tag = $"r{width}-{Guid.NewGuid().ToString("N")[..6]}";
        var expert = await app.NewPageAsync(signInAs: "expert");
        await CommentAsync(expert, $"Rollup item with **bold words** {tag}.");
        await expert.Context.CloseAsync();
        var page = await app.NewPageAsync(signInAs: "secretariat", width: width);
        await page.GotoAsync($"{Draft}/rollup");
        var wrap = page.Locator("[data-testid='matrix-wrap']");
        var card = page.Locator(".rollup-matrix-card");
        var last = page.Locator("[data-testid='matrix'] thead th").Last;
        await Assertions.Expect(last).ToHaveTextAsync("Total");

        // Scrolled to its end, the last column is whole inside the card (the card never wider than the page).
        await wrap.EvaluateAsync("w => { w.scrollLeft = w.scrollWidth; }");
        var cardBox = (await card.BoundingBoxAsync())!;
        var lastBox = (await last.BoundingBoxAsync())!;
        Assert.True(lastBox.X >= cardBox.X - 1 && lastBox.X + lastBox.Width <= cardBox.X + cardBox.Width + 1,
            $"the Total column ({lastBox.X}..{lastBox.X + lastBox.Width}) is inside the card ({cardBox.X}..{cardBox.X + cardBox.Width})");
        Assert.True(cardBox.X + cardBox.Width <= width, "the card fits the page");

        // Sticky headers: the area column stays at the card's start when scrolled sideways, the principle row at its top when scrolled down.
        var rowHead = page.Locator("[data-testid='matrix'] tbody th[scope='row']").First;
        var rowHeadBox = (await rowHead.BoundingBoxAsync())!;
        Assert.True(Math.Abs(rowHeadBox.X - cardBox.X) <= 2, $"the area column stays at the start ({rowHeadBox.X} vs {cardBox.X})");
        Assert.Equal("sticky", await last.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.Equal("sticky", await rowHead.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await wrap.EvaluateAsync("w => { w.scrollLeft = 0; }");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, $"rollup-matrix-card-{width}");

        // Drill-down: items render Markdown; the key-finding form is beside them on desktop, first on phones.
        var areas = await page.Locator("[data-testid='matrix'] tbody th[scope='row'] a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var mine = page.Locator(".rollup-item", new() { HasText = tag });
        foreach (var href in areas)
        {
            await page.GotoAsync($"{Draft}/rollup{href}");
            if (await mine.CountAsync() > 0)
            {
                break;
            }
        }

        await Assertions.Expect(mine.Locator("[data-testid='item-text'] strong")).ToHaveTextAsync("bold words");
        var panel = page.Locator("[data-testid='finding-panel']");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var firstItem = page.Locator(".rollup-item").First;
        await Assertions.Expect(firstItem).ToBeVisibleAsync();
        var panelBox = (await panel.BoundingBoxAsync())!;
        var itemBox = (await firstItem.BoundingBoxAsync())!;
        if (width >= 992)
        {
            Assert.True(panelBox.X > itemBox.X + itemBox.Width - 1, "the form is beside the items");
            Assert.True(Math.Abs(panelBox.Y - itemBox.Y) < 200, "the form starts level with the items");
        }
        else
        {
            Assert.True(panelBox.Y < itemBox.Y, "on a phone the form comes before the items");
        }

        Assert.Equal(0, await page.Locator("[data-testid='item-text']").Filter(new() { HasText = "**" }).CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page does not scroll sideways");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, $"rollup-drill-{width}");
        await page.Context.CloseAsync();
    }
}
