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

    [Fact]
    public async Task The_admin_users_page_passes_axe_and_shows_every_demo_account()
    {
        var page = await app.NewPageAsync(signInAs: "admin");

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Olu Observer" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "admin-users");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/account/profile");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AppServer.ScreenshotAsync(page, "profile");
        await page.Context.CloseAsync();
    }
}
