using System.Globalization;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>
/// The secretariat keeps v1 open although v3 is published, and opens a consultation window on it (no other
/// test comments there); experts see it on the draft.
/// </summary>
[Collection(AppServerCollection.Name)]
public sealed class ConsultationTests(AppServer app)
{
    private const string V1 = $"/guidelines/{AppServer.SampleSlug}/v/1";

    private static string Local(DateTime utc, string format = "yyyy-MM-dd'T'HH:mm") => utc.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Fails naming the elements that stick out on the right, so a failure says where to look.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).join(', ')
            """);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways on a phone: {wide}");
    }

    [Fact]
    public async Task The_secretariat_opens_a_consultation_an_expert_sees_the_time_left_and_a_form_left_open_says_when_it_closed()
    {
        var now = DateTime.UtcNow;
        var sam = await app.NewPageAsync(signInAs: "secretariat");
        await sam.GotoAsync(V1);
        await sam.GetByRole(AriaRole.Link, new() { Name = "Consultation windows" }).ClickAsync();
        await sam.GetByLabel("Keep v1 open for comments although v3 is published").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save the setting for v1" }).ClickAsync();
        await Assertions.Expect(sam.GetByTestId("superseded-state")).ToContainTextAsync("kept open");
        await Assertions.Expect(sam.GetByTestId("no-windows")).ToBeVisibleAsync();
        await sam.GetByLabel("Title").FillAsync("Online consultation on the zero draft");
        await Assertions.Expect(sam.GetByLabel("Time zone of the times below")).ToHaveValueAsync("UTC");
        await sam.GetByLabel("Opens").FillAsync(Local(now.AddHours(-1)));
        await sam.GetByLabel("Closes").FillAsync(Local(now.AddDays(2).AddHours(3).AddMinutes(30)));
        await Assertions.Expect(sam.GetByLabel("Everyone signed in whose role may comment")).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(sam);
        await AppServer.ScreenshotAsync(sam, "consultation-form");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("The consultation window 'Online consultation on the zero draft' was added.")).ToBeVisibleAsync();
        await Assertions.Expect(sam.GetByTestId("window")).ToContainTextAsync("Open now");

        // An expert in Nairobi reads v1: the banner gives the closing time in her time zone and the time left.
        var nairobi = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, TimezoneId = "Africa/Nairobi", ReducedMotion = ReducedMotion.Reduce });
        var esi = await nairobi.NewPageAsync();
        await AppServer.SignInAsync(esi, "expert");
        await esi.GotoAsync(V1);
        var banner = esi.GetByTestId("consultation-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Consultation open until");
        await Assertions.Expect(banner).ToContainTextAsync("— 2 days 3 hours left.");
        await Assertions.Expect(banner.Locator("time")).ToContainTextAsync(Local(now.AddDays(2).AddHours(6).AddMinutes(30), "MMMM d, yyyy") + " at "); // UTC+3
        await Assertions.Expect(banner.Locator("time")).ToContainTextAsync("GMT+3");
        await Assertions.Expect(banner).ToContainTextAsync("Online consultation on the zero draft · for everyone signed in who may comment");
        await Assertions.Expect(esi.Locator("#live-status")).ToHaveTextAsync("Live: new comments appear as they are posted.");
        await Accessibility.AssertNoSeriousViolationsAsync(esi);
        await AppServer.ScreenshotAsync(esi, "consultation-banner");

        var phone = await app.NewPageAsync(signInAs: "expert2", width: 375, height: 800);
        await phone.GotoAsync(V1);
        await Assertions.Expect(phone.GetByTestId("consultation-banner")).ToContainTextAsync("2 days 3 hours left");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await AssertNoSidewaysScrollAsync(phone);
        await AppServer.ScreenshotAsync(phone, "consultation-banner-phone");
        await phone.GotoAsync(V1 + "/consultation");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));

        var samPhone = await app.NewPageAsync(signInAs: "secretariat", width: 375, height: 800);
        await samPhone.GotoAsync(V1 + "/consultation");
        await Accessibility.AssertNoSeriousViolationsAsync(samPhone);
        await AppServer.ScreenshotAsync(samPhone, "consultation-page-phone");
        await AssertNoSidewaysScrollAsync(samPhone);

        // The secretariat closes it early, a few seconds from now (to the second).
        await sam.GetByRole(AriaRole.Link, new() { Name = "Change Online consultation on the zero draft" }).ClickAsync();
        var closes = DateTime.UtcNow.AddSeconds(20);
        if (closes.Second == 0)
        {
            closes = closes.AddSeconds(1); // the browser writes hh:mm:00 as hh:mm, which Playwright's fill takes for a refused value
        }

        await sam.GetByLabel("Closes").FillAsync(Local(closes, "yyyy-MM-dd'T'HH:mm:ss"));
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("The consultation window 'Online consultation on the zero draft' was saved.")).ToBeVisibleAsync();

        // Esi starts a comment by keyboard and leaves the form open past the closing instant.
        await esi.ReloadAsync();
        await Assertions.Expect(esi.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var add = esi.Locator("[data-add-comment]").Nth(2);
        await add.FocusAsync();
        await esi.Keyboard.PressAsync("Enter");
        var composer = esi.Locator("form.comment-form");
        await composer.GetByLabel("Comment", new() { Exact = true }).FillAsync("Written just before the consultation closed.");
        await Assertions.Expect(composer.GetByRole(AriaRole.Alert)).ToContainTextAsync("The consultation on v1 closed on", new() { Timeout = 40_000 });
        await Assertions.Expect(composer.GetByRole(AriaRole.Button, new() { Name = "Post comment" })).ToBeDisabledAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Consultation closed on");
        await Assertions.Expect(esi.Locator("#live-status")).ToContainTextAsync("The consultation on v1 closed on");
        await Assertions.Expect(composer.GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("Written just before the consultation closed."); // kept to copy
        await Accessibility.AssertNoSeriousViolationsAsync(esi);
        await AppServer.ScreenshotAsync(esi, "consultation-closed");

        foreach (var page in new[] { sam, esi, phone, samPhone })
        {
            await page.Context.CloseAsync();
        }
    }
}
