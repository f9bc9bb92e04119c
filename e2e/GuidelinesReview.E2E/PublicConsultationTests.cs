using System.Text.RegularExpressions;
using GuidelinesReview.Fixtures;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

/// <summary>The app as in Development with its sample public consultation on v3, sending mail to a sink of its own.</summary>
public sealed class PublicConsultationServer : AppServer
{
    private MailSink? sink;

    public MailSink Mail => sink!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["GuidelinesReview__SamplePublicConsultationDays"] = "30",
        ["GuidelinesReview__Mail__Enabled"] = "true",
        ["GuidelinesReview__Mail__Host"] = "127.0.0.1",
        ["GuidelinesReview__Mail__Port"] = sink!.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GuidelinesReview__Mail__Security"] = "None",
        ["GuidelinesReview__Mail__PollSeconds"] = "1",
    };

    public override async Task InitializeAsync()
    {
        sink = await MailSink.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await sink!.DisposeAsync();
    }
}

/// <summary>A member of the public reads the public draft signed out, registers, confirms by mail, comments; the secretariat sees the registration.</summary>
public sealed partial class PublicConsultationTests : IClassFixture<PublicConsultationServer>
{
    private const string V3 = $"/guidelines/{AppServer.SampleSlug}/v/3";
    private readonly PublicConsultationServer app;

    public PublicConsultationTests(PublicConsultationServer app) => this.app = app;

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways on a phone.");

    [GeneratedRegex(@"https?://\S+(/account/confirm-email\?\S+)")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task A_member_of_the_public_reads_the_draft_registers_confirms_by_mail_and_comments()
    {
        var email = $"ana-{Guid.NewGuid():N}"[..16] + "@example.org";
        var ana = await app.NewPageAsync();
        await ana.GotoAsync(V3);
        await Assertions.Expect(ana.GetByTestId("public-reading")).ToContainTextAsync("comments are shown to participants only");
        await Assertions.Expect(ana.Locator("#live-status")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(ana);
        await AppServer.ScreenshotAsync(ana, "public-draft-anonymous");

        var phone = await app.NewPageAsync(width: 375, height: 800);
        await phone.GotoAsync(V3);
        await Assertions.Expect(phone.GetByTestId("register-link")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(phone);
        await AppServer.ScreenshotAsync(phone, "public-draft-anonymous-phone");
        await phone.GotoAsync("/account/register");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await AssertNoSidewaysScrollAsync(phone);
        await AppServer.ScreenshotAsync(phone, "register-phone");

        await ana.GetByTestId("register-link").ClickAsync();
        await Assertions.Expect(ana.GetByTestId("open-consultations")).ToContainTextAsync("Public online consultation");
        await ana.GetByLabel("E-mail").FillAsync(email);
        await ana.GetByLabel("Display name").FillAsync("Ana Lima");
        await ana.GetByLabel("Organisation").FillAsync("Barrio residents' association");
        await ana.GetByLabel("Stakeholder group").SelectOptionAsync(new SelectOptionValue { Label = "Civil society" });
        await ana.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Latin America and the Caribbean" });
        await ana.GetByLabel("Choose a password").FillAsync("a-long-password-1");
        await Accessibility.AssertNoSeriousViolationsAsync(ana);
        await AppServer.ScreenshotAsync(ana, "register");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("registered")).ToContainTextAsync("Check your mail to confirm your address.");

        var mail = await app.Mail.WaitForAsync(email, "confirm-address", TimeSpan.FromSeconds(60));
        var link = ConfirmLink().Match(mail.Text).Groups[1].Value;
        await ana.GotoAsync(link);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await ana.GotoAsync("/account/login");
        await ana.GetByLabel("Email").FillAsync(email);
        await ana.GetByLabel("Password").FillAsync("a-long-password-1");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await ana.WaitForURLAsync("**/guidelines");

        await ana.GotoAsync(V3);
        await Assertions.Expect(ana.Locator("#live-status")).ToHaveTextAsync("Live: new comments appear as they are posted.");
        await ana.Locator("[data-add-comment='s2.2-p1']").ClickAsync();
        await ana.GetByLabel("Comment", new() { Exact = true }).FillAsync("Residents should be asked before sensors go up in their street.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(ana.Locator("[data-comments-for='s2.2-p1']")).ToContainTextAsync("Residents should be asked before sensors go up");

        var sam = await app.NewPageAsync(signInAs: "secretariat");
        await sam.GotoAsync("/admin/registrations");
        var row = sam.GetByTestId("registration").Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Confirmed");
        await Assertions.Expect(row).ToContainTextAsync("Civil society");
        await Accessibility.AssertNoSeriousViolationsAsync(sam);
        await AppServer.ScreenshotAsync(sam, "registrations");
        var samPhone = await app.NewPageAsync(signInAs: "secretariat", width: 375, height: 800);
        await samPhone.GotoAsync("/admin/registrations");
        await Accessibility.AssertNoSeriousViolationsAsync(samPhone);
        await AppServer.ScreenshotAsync(samPhone, "registrations-phone");
    }
}
