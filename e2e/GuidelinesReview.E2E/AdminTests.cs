using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

[Collection(AppServerCollection.Name)]
public sealed class AdminTests(AppServer app)
{
    [Fact]
    public async Task The_secretariat_invites_a_translator_who_signs_up_through_the_link()
    {
        var secretariat = await app.NewPageAsync(signInAs: "secretariat");
        await secretariat.GotoAsync("/admin/invitations");
        await Accessibility.AssertNoSeriousViolationsAsync(secretariat);
        var email = $"translator-{Guid.NewGuid():N}"[..22] + "@example.org";

        await secretariat.GetByLabel("Email").FillAsync(email);
        await secretariat.GetByLabel("Role").SelectOptionAsync("Translator");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await secretariat.GetByTestId("invite-link").InputValueAsync();
        await AppServer.ScreenshotAsync(secretariat, "invitations");
        await Accessibility.AssertNoSeriousViolationsAsync(secretariat);

        var invitee = await app.NewPageAsync();
        await invitee.GotoAsync(link);
        await Accessibility.AssertNoSeriousViolationsAsync(invitee);
        await invitee.GetByLabel("Display name").FillAsync("Teresa Translator");
        await invitee.GetByLabel("Stakeholder group").SelectOptionAsync(new SelectOptionValue { Label = "Academia" });
        await invitee.GetByLabel("Choose a password").FillAsync("translator-password");
        await AppServer.ScreenshotAsync(invitee, "accept-invite");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await invitee.WaitForURLAsync("**/guidelines");
        await Assertions.Expect(invitee.GetByText("Welcome, Teresa Translator")).ToBeVisibleAsync();
        await invitee.GotoAsync("/account/profile");
        await Assertions.Expect(invitee.GetByText("Translator", new() { Exact = false }).First).ToBeVisibleAsync();

        await secretariat.GotoAsync("/admin/invitations");
        await Assertions.Expect(secretariat.Locator("tr", new() { HasText = email })).ToContainTextAsync("Accepted");
        await secretariat.Context.CloseAsync();
        await invitee.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_admin_finds_an_account_by_search_and_role_pages_through_the_rest_and_confirms_a_role_change(int width)
    {
        var page = await app.NewPageAsync(signInAs: "admin", width: width);
        var size = width < 600 ? "phone" : "desktop";

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page.GetByTestId("user-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Accounts 1–25 of \d+\.$"));
        await Assertions.Expect(page.Locator(".user-card")).ToHaveCountAsync(25);
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertTouchTargetsAsync(page.GetByRole(AriaRole.Search));
        await Accessibility.AssertTouchTargetsAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of accounts" }));
        await AppServer.ScreenshotAsync(page, $"admin-users-{size}");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < (width < 600 ? 12000 : 8000), $"the users page is {height} px long");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of accounts" }).GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Accounts 26–"));

        await page.GetByLabel("Name, e-mail or organisation").FillAsync("observer@demo");
        await page.GetByLabel("Role").SelectOptionAsync("Observer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/users?q=observer%40demo*role=Observer");
        await Assertions.Expect(page.Locator(".user-card")).ToHaveCountAsync(1);
        var card = page.Locator(".user-card", new() { HasText = "Olu Observer" });
        await Assertions.Expect(card).ToContainTextAsync("Saving signs Olu Observer out everywhere; you confirm first.");

        await card.GetByLabel("Expert").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Save roles of Olu Observer…" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Change the roles of Olu Observer?" });
        await Assertions.Expect(confirm).ToContainTextAsync("Saving signs Olu Observer (observer@demo.local) out everywhere");
        await Assertions.Expect(confirm).ToBeInViewportAsync();
        await AssertFitsAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.AssertTouchTargetsAsync(confirm);
        await AppServer.ScreenshotAsync(page, $"admin-users-confirm-{size}");
        await Assertions.Expect(page.Locator(".user-card", new() { HasText = "Olu Observer" }).GetByLabel("Expert")).Not.ToBeCheckedAsync();

        if (width < 600)
        {
            // cancelled: nothing changes, and the filtered list comes back
            await confirm.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            Assert.Contains("q=observer", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(".user-card", new() { HasText = "Olu Observer" }).GetByLabel("Expert")).Not.ToBeCheckedAsync();
        }
        else
        {
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Save and sign Olu Observer out everywhere" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Roles saved for Olu Observer (observer@demo.local): Expert, Observer. They were signed out everywhere and sign in again with the new roles.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".user-card", new() { HasText = "Olu Observer" }).GetByLabel("Expert")).ToBeCheckedAsync();
            await AppServer.ScreenshotAsync(page, "admin-users-saved");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_profile_page_passes_axe()
    {
        var page = await app.NewPageAsync(signInAs: "admin");
        await page.GotoAsync("/account/profile");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "profile");
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways");
}
