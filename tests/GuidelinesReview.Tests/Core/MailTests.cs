using GuidelinesReview.Core.Mail;

namespace GuidelinesReview.Tests.Core;

public sealed class MailBodyTests
{
    [Fact]
    public void Words_from_people_are_escaped_in_the_html_part_and_kept_as_typed_in_the_text_part()
    {
        var mail = MailBody.Start()
            .Paragraph("Hello <script>alert(1)</script> & \"friends\",")
            .Link("Open <b>this</b>", "https://review.example.org/x?a=1&b=\"2\"")
            .WithSubject("A <subject>", "fr");

        Assert.Equal("Hello <script>alert(1)</script> & \"friends\",\r\n\r\nOpen <b>this</b>:\r\nhttps://review.example.org/x?a=1&b=\"2\"\r\n", mail.Text);
        Assert.Contains("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;,</p>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://review.example.org/x?a=1&amp;b=&quot;2&quot;\">Open &lt;b&gt;this&lt;/b&gt;</a>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<title>A &lt;subject&gt;</title>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Equal("A <subject>", mail.Subject);
    }
}

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(MaxAttempts: 5, FirstDelay: TimeSpan.FromSeconds(30), MaxDelay: TimeSpan.FromMinutes(3));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 180)] // 240 s, capped at 3 minutes
    [InlineData(1000, 180)]
    public void Each_retry_waits_twice_as_long_as_the_one_before_up_to_the_cap(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule.DelayAfter(failedAttempts));

    [Fact]
    public void A_mail_is_given_up_after_the_last_allowed_attempt_only()
    {
        Assert.False(Schedule.GivesUp(4));
        Assert.True(Schedule.GivesUp(5));
    }
}

public sealed class AccountTokenTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccountToken Token = new(Issued, "user-1", "ResetPassword", "stamp-1");

    [Fact]
    public void A_token_reads_back_as_written()
    {
        Assert.Equal(Token, AccountToken.FromBytes(Token.ToBytes()));
    }

    [Fact]
    public void Cut_or_padded_bytes_are_not_a_token()
    {
        var bytes = Token.ToBytes();
        Assert.Null(AccountToken.FromBytes(bytes[..^3]));
        Assert.Null(AccountToken.FromBytes([.. bytes, 0]));
        Assert.Null(AccountToken.FromBytes([]));
    }

    [Fact]
    public void A_token_says_why_it_does_not_open_an_account()
    {
        var lifetime = TimeSpan.FromHours(2);
        Assert.Equal(TokenCheck.Valid, Token.Check("user-1", "ResetPassword", "stamp-1", Issued.AddHours(2), lifetime));
        Assert.Equal(TokenCheck.Expired, Token.Check("user-1", "ResetPassword", "stamp-1", Issued.AddHours(2).AddSeconds(1), lifetime));
        Assert.Equal(TokenCheck.Used, Token.Check("user-1", "ResetPassword", "stamp-2", Issued.AddMinutes(5), lifetime));
        Assert.Equal(TokenCheck.Invalid, Token.Check("user-2", "ResetPassword", "stamp-1", Issued, lifetime));
        Assert.Equal(TokenCheck.Invalid, Token.Check("user-1", "EmailConfirmation", "stamp-1", Issued, lifetime));
    }
}

public sealed class AccountMailTextsTests
{
    [Theory]
    [InlineData("fr")] // no French texts yet: English, and the mail says so in Content-Language
    [InlineData("")]
    [InlineData(null)]
    public void Languages_without_texts_get_the_english_ones(string? language) =>
        Assert.Equal("en", AccountMailTexts.For(language).Language);

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("ar-EG", "ar")] // a regional variant gets its language's texts
    [InlineData("zh", "en")]
    public void Texts_are_looked_up_by_the_primary_language(string language, string expected)
    {
        var byLanguage = new Dictionary<string, IAccountMailTexts>(StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = AccountMailTexts.For("en"),
            ["ar"] = new TextsIn("ar"),
        };

        Assert.Equal(expected, AccountMailTexts.Pick(language, byLanguage).Language);
    }

    /// <summary>A language's texts for the lookup only: the platform has no Arabic mail texts yet.</summary>
    private sealed class TextsIn(string language) : IAccountMailTexts
    {
        public string Language => language;

        public MailContent Invitation(InvitationMail mail) => new(language, "", "");

        public MailContent AddressConfirmation(string displayName, string link, TimeSpan validFor) => new(language, "", "");

        public MailContent PasswordReset(string displayName, string link, TimeSpan validFor) => new(language, "", "");
    }

    [Fact]
    public void The_invitation_says_who_invited_for_which_role_and_until_when()
    {
        var mail = AccountMailTexts.For("en").Invitation(new InvitationMail("Ana", "Sam Secretariat", "Expert", new DateTime(2026, 12, 15, 17, 30, 0, DateTimeKind.Utc), "https://r.example/account/invite/t"));

        Assert.Equal("Sam Secretariat invited you to GuidelinesReview", mail.Subject);
        Assert.StartsWith("Hello Ana,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("with the role Expert", mail.Text, StringComparison.Ordinal);
        Assert.Contains("until 15 December 2026, 17:30 UTC", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Create your account:\r\nhttps://r.example/account/invite/t", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_lifetimes_read_as_hours_or_minutes()
    {
        Assert.Contains("for 2 hours", AccountMailTexts.For("en").PasswordReset("", "https://x", TimeSpan.FromHours(2)).Text, StringComparison.Ordinal);
        Assert.Contains("for 1 hour.", AccountMailTexts.For("en").PasswordReset("", "https://x", TimeSpan.FromHours(1)).Text, StringComparison.Ordinal);
        Assert.Contains("for 90 minutes", AccountMailTexts.For("en").AddressConfirmation("", "https://x", TimeSpan.FromMinutes(90)).Text, StringComparison.Ordinal);
        Assert.StartsWith("Hello,", AccountMailTexts.For("en").PasswordReset(" ", "https://x", TimeSpan.FromHours(1)).Text, StringComparison.Ordinal);
    }
}
