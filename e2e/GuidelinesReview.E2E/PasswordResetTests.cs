using GuidelinesReview.Fixtures;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The app sending its mail to a sink of its own (maildev on loopback).</summary>
public sealed class MailServer : AppServer
{
    public MailSink Sink { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["GuidelinesReview__Mail__Enabled"] = "true",
        ["GuidelinesReview__Mail__Host"] = "127.0.0.1",
        ["GuidelinesReview__Mail__Port"] = Sink.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GuidelinesReview__Mail__Security"] = "None",
    };

    public override async Task InitializeAsync()
    {
        Sink = await MailSink.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServer>
{
    public const string Name = "app server with a mail sink";
}

[Collection(MailServerCollection.Name)]
public sealed class PasswordResetTests(MailServer app)
{
    [Theory]
    [InlineData("expert2", 1280, "desktop")]
    [InlineData("expert3", 375, "phone")]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_the_new_one_signs_in(string who, int width, string device)
    {
        var email = $"{who}@demo.local";
        var page = await app.NewPageAsync(width: width, height: width < 500 ? 740 : 900);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, $"forgot-password-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mail me a link" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-answer")).ToContainTextAsync($"If an account uses {email}, a mail with a link");
        await AppServer.ScreenshotAsync(page, $"forgot-password-sent-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var mail = await app.Sink.WaitForAsync(email, "password-reset");
        var link = mail.Text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(app.BaseUrl + "/account/reset-password?", StringComparison.Ordinal));
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, $"reset-password-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel($"New password for {email}").FillAsync("my-new-password-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();

        await page.WaitForURLAsync("**/account/login");
        await Assertions.Expect(page.GetByText("Your password was changed")).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("my-new-password-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/guidelines");

        // The link worked once.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This reset link has been used already");
        await AppServer.ScreenshotAsync(page, $"reset-password-used-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(375, "phone")]
    public async Task A_broken_confirmation_link_says_so(int width, string device)
    {
        var page = await app.NewPageAsync(width: width, height: width < 500 ? 740 : 900);

        await page.GotoAsync("/account/confirm-email?userId=nobody&code=broken");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This confirmation link is not valid.");
        await AppServer.ScreenshotAsync(page, $"confirm-email-broken-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
