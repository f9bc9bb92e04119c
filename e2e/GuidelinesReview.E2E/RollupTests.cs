using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class RollupTests(AppServer app)
{
    /// <summary>Posts a comment through the JSON API as the signed-in person of <paramref name="page"/>, on the paragraph after the heading that starts with <paramref name="heading"/>.</summary>
    private static async Task CommentAsync(IPage page, string heading, string body)
    {
        await page.GotoAsync("/guidelines/people-centred-smart-cities/v/3");
        var found = await page.EvaluateAsync<string[]>(
            """
            heading => {
              const rows = [...document.querySelectorAll('[data-block-row]')];
              const at = rows.findIndex(r => r.querySelector('.blk-heading') && r.querySelector('.blk').textContent.trim().startsWith(heading));
              const paragraph = rows.slice(at + 1).find(r => r.querySelector('.blk-paragraph'));
              return [document.getElementById('draft').dataset.versionId, paragraph.dataset.blockRow];
            }
            """, heading);
        var (versionId, anchor) = (int.Parse(found[0], System.Globalization.CultureInfo.InvariantCulture), found[1]);
        var response = await page.APIRequest.PostAsync($"/api/versions/{versionId}/comments", new()
        {
            DataObject = new { clientId = Guid.NewGuid(), versionId, anchor, type = "general", body },
        });
        Assert.True(response.Ok, await response.TextAsync());
    }

    [Fact]
    public async Task The_secretariat_drills_into_community_engagement_filters_to_african_local_governments_and_exports_the_findings()
    {
        // feedback from a local government in Africa (Ebo), one in Europe (Eitan) and civil society in Africa (Emeka)
        foreach (var (who, heading, body) in new[]
        {
            ("expert7", "8.1", "Harbourview asks for neighbourhood budgets decided with residents."),
            ("expert7", "8.2", "Co-design sessions need interpreters; ville inclusive, مدينة شاملة."),
            ("expert3", "8.1", "Regional agencies can host the participation platform."),
            ("expert5", "8.1", "Civil society wants a seat on the steering group."),
        })
        {
            var author = await app.NewPageAsync(signInAs: who);
            await CommentAsync(author, heading, body);
            await author.Context.CloseAsync();
        }

        var page = await app.NewPageAsync(signInAs: "secretariat");
        var accept = false;
        await page.GotoAsync("/guidelines/people-centred-smart-cities/v/3");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rollup and findings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What was heard on v3" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "rollup-matrix");

        // Chart.js (bundled into rollup.js) draws bars in the page's blue on every chart's canvas.
        var charts = page.Locator("canvas[data-chart]");
        Assert.True(await charts.CountAsync() >= 2, "the page has charts of comments by group and by region");
        await page.WaitForFunctionAsync(@"() => [...document.querySelectorAll('canvas[data-chart]')].every(c => {
            const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
            for (let i = 0; i < data.length; i += 4) if (data[i] < 40 && data[i + 2] > 120 && data[i + 3] > 200) return true;
            return false;
        })");
        await charts.First.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "rollup-charts");

        // the app also holds the Development demo consultation: the test follows its own four comments
        var ebo = page.Locator(".rollup-item", new() { HasText = "Harbourview asks for neighbourhood budgets" });
        var eboSecond = page.Locator(".rollup-item", new() { HasText = "Co-design sessions need interpreters" });
        var eitan = page.Locator(".rollup-item", new() { HasText = "Regional agencies can host" });
        var emeka = page.Locator(".rollup-item", new() { HasText = "Civil society wants a seat" });
        await page.GetByRole(AriaRole.Link, new() { Name = "Community engagement, participation and capacity", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#items-h")).ToContainTextAsync("Community engagement, participation and capacity");
        foreach (var item in new[] { ebo, eboSecond, eitan, emeka })
        {
            await Assertions.Expect(item).ToBeVisibleAsync();
        }

        await page.Locator("summary", new() { HasText = "Filters" }).ClickAsync();
        await page.GetByLabel("Local and regional government").CheckAsync();
        await page.GetByLabel("Africa", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("group=LocalAndRegionalGovernment.*region=Africa"));
        await Assertions.Expect(ebo).ToBeVisibleAsync();
        await Assertions.Expect(eboSecond).ToBeVisibleAsync();
        await Assertions.Expect(eitan).ToHaveCountAsync(0);
        await Assertions.Expect(emeka).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("groups-table").Locator("tr", new() { HasText = "Civil society" })).ToHaveTextAsync("Civil society0");
        await Assertions.Expect(page.GetByTestId("regions-table").Locator("tr", new() { HasText = "Europe and Central Asia" })).ToHaveTextAsync("Europe and Central Asia0");

        // a key finding from Ebo's first comment: his second stays "not yet in a finding"
        await ebo.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByLabel("Finding (Markdown); tick the items that support it").FillAsync("African local governments want **budgets decided with residents**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the key finding" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The key finding was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".key-finding")).ToContainTextAsync("Covers 1 item matching the filters");
        await Assertions.Expect(ebo).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("uncovered"));
        await Assertions.Expect(eboSecond).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("uncovered"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "rollup-drilldown");

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word" }).ClickAsync());
        var docx = Path.Combine(AppServer.ArtifactsDirectory, "findings-report.docx");
        await word.SaveAsAsync(docx);
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Feedback matching: stakeholder group: Local and regional government; region: Africa.", text, StringComparison.Ordinal);
            Assert.Contains("African local governments want budgets decided with residents.", text, StringComparison.Ordinal);
            Assert.Contains(document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>(),
                r => r.InnerText == "budgets decided with residents" && r.RunProperties?.Bold is not null);
            Assert.Contains("ville inclusive, مدينة شاملة.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Regional agencies can host", text, StringComparison.Ordinal);
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Disposition table (CSV)" }).ClickAsync());
        var csvPath = Path.Combine(AppServer.ArtifactsDirectory, "dispositions.csv");
        await csv.SaveAsAsync(csvPath);
        var bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var table = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Comment,Section,Paragraph,Author,", table, StringComparison.Ordinal);
        Assert.Contains("Co-design sessions need interpreters; ville inclusive, مدينة شاملة.", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Regional agencies can host", table, StringComparison.Ordinal);

        var markdown = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Markdown" }).ClickAsync());
        Assert.Equal("people-centred-smart-cities-v3-findings.md", markdown.SuggestedFilename);

        // deleting asks first: dismissed, the finding stays; accepted, it goes
        page.Dialog += async (_, dialog) => await (dialog.Message.StartsWith("Delete this key finding?", StringComparison.Ordinal) && accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        await page.Locator(".key-finding").GetByRole(AriaRole.Button, new() { Name = "Delete this finding" }).ClickAsync();
        await Assertions.Expect(page.Locator(".key-finding")).ToHaveCountAsync(1);
        accept = true;
        await page.Locator(".key-finding").GetByRole(AriaRole.Button, new() { Name = "Delete this finding" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The key finding was deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".key-finding")).ToHaveCountAsync(0);

        var phone = await app.NewPageAsync(signInAs: "secretariat", width: 375, height: 800);
        await phone.GotoAsync(page.Url);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await AppServer.ScreenshotAsync(phone, "rollup-phone");
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), "The rollup scrolls sideways on a phone (only the matrix may).");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
