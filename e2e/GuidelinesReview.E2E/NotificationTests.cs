using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class NotificationTests(AppServer app)
{
    [Fact]
    public async Task An_expert_chooses_on_the_profile_how_often_mail_comes_on_a_desktop_and_on_a_phone()
    {
        var page = await app.NewPageAsync(signInAs: "expert3");
        await page.GotoAsync("/account/profile");
        var section = page.GetByTestId("mail-notifications");
        await Assertions.Expect(section.GetByRole(AriaRole.Radio, new() { Name = "Once a day" })).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await section.GetByRole(AriaRole.Radio, new() { Name = "Immediately" }).CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Save mail notifications" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mail notifications: immediately.")).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Radio, new() { Name = "Immediately" })).ToBeCheckedAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "profile-notifications");
        await page.Context.CloseAsync();

        var phone = await app.NewPageAsync(signInAs: "expert3", width: 375, height: 740);
        await phone.GotoAsync("/account/profile");
        var onPhone = phone.GetByTestId("mail-notifications");
        await Assertions.Expect(onPhone.GetByRole(AriaRole.Radio, new() { Name = "Immediately" })).ToBeCheckedAsync();
        var box = await onPhone.Locator("form").BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 375, $"the mail notifications form fits the phone's width (x {box?.X}, width {box?.Width})");
        var wide = await phone.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).slice(0, 8).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the profile does not scroll sideways on a phone: " + wide);
        await onPhone.GetByRole(AriaRole.Radio, new() { Name = "Never" }).CheckAsync();
        await onPhone.GetByRole(AriaRole.Button, new() { Name = "Save mail notifications" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Mail notifications: never.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await onPhone.ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(phone, "profile-notifications-phone");
        await phone.Context.CloseAsync();
    }
}
