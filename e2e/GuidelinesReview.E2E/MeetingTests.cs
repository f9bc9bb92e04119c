using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class MeetingTests(AppServer app)
{
    [Fact]
    public async Task A_moderator_finds_their_room_in_the_agenda_and_an_outsider_is_refused()
    {
        var moderator = await app.NewPageAsync(signInAs: "moderator2");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Second expert group meeting on the people-centred smart city guidelines" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await AppServer.ScreenshotAsync(moderator, "meeting-agenda");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Community engagement, participation and capacity" }).ClickAsync();

        await Assertions.Expect(moderator.GetByText("You are in this room as its moderator.")).ToBeVisibleAsync();
        await Assertions.Expect(moderator.Locator(".room-draft [data-anchor]").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await AppServer.ScreenshotAsync(moderator, "room-workspace");

        var outsider = await app.NewPageAsync(signInAs: "expert");
        await outsider.GotoAsync(moderator.Url);
        await Assertions.Expect(outsider.GetByTestId("room-refusal")).ToContainTextAsync("You are not a member of this breakout room.");
        await moderator.Context.CloseAsync();
        await outsider.Context.CloseAsync();
    }
}
