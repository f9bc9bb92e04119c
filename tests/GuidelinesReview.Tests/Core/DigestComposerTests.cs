using GuidelinesReview.Core.Notifications;

namespace GuidelinesReview.Tests.Core;

/// <summary>Runs the cases of Specs/notification-digests.md (format at the top of that file) and checks the digest schedule.</summary>
public sealed class DigestComposerTests
{
    private const string FileName = "notification-digests.md";
    private const string BaseUrl = "https://review.example.org";

    private static readonly Lazy<List<SpecCase>> Cases = new(() => SpecFile.ReadCases(FileName).Cases);

    public static TheoryData<string> CaseNames() => SpecFile.NamesOf(Cases.Value);

    [Fact]
    public void The_spec_file_holds_cases_and_each_names_its_recipient_and_an_outcome()
    {
        Assert.True(Cases.Value.Count >= 5, $"only {Cases.Value.Count} cases in {FileName}");
        foreach (var specCase in Cases.Value)
        {
            Assert.True(specCase.Expectations.Count(e => e.Name == "recipient") == 1, $"case '{specCase.Name}' needs one '@@@ recipient'");
            Assert.True(specCase.Expectations.Any(e => e.Name is "subject" or "nothing"), $"case '{specCase.Name}' needs '@@@ subject' or '@@@ nothing'");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Digest_is_composed_as_the_spec_says(string name)
    {
        var specCase = Cases.Value.Single(c => c.Name == name);
        var recipientParts = specCase.Expectations.Single(e => e.Name == "recipient").Argument.Split('|', StringSplitOptions.TrimEntries);
        var recipient = new DigestRecipient(
            recipientParts[0],
            Enum.Parse<NotificationFrequency>(recipientParts[1]),
            DailyHourUtc: 7,
            BaseUrl,
            BaseUrl + "/account/profile",
            BaseUrl + "/notifications/unsubscribe?token=T");
        var events = specCase.Expectations.Where(e => e.Name == "event").Select(ToEvent).ToList();

        var digest = DigestComposer.Compose(recipient, events);

        if (specCase.Expectations.Any(e => e.Name == "nothing"))
        {
            Assert.Null(digest);
            return;
        }

        Assert.NotNull(digest);
        Assert.Equal(specCase.Expectations.Single(e => e.Name == "subject").Entries().Single(), digest.Subject);
        if (specCase.Expectations.SingleOrDefault(e => e.Name == "text") is { } text)
        {
            Assert.Equal(text.Body(), digest.Text);
        }

        foreach (var piece in specCase.Expectations.Where(e => e.Name == "html-contains").SelectMany(e => e.Entries()))
        {
            Assert.Contains(piece, digest.Html, StringComparison.Ordinal);
        }
    }

    private static DigestEvent ToEvent(SpecDirective directive)
    {
        var p = directive.Argument.Split('|', StringSplitOptions.TrimEntries);
        return new DigestEvent(
            long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
            Enum.Parse<NotificationKind>(p[1]),
            new DateTime(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc),
            p[2],
            int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture),
            p[4],
            p[5],
            directive.Body().TrimEnd('\n'),
            Actor: p[6].Length == 0 ? null : p[6],
            Decision: p[7].Length == 0 ? null : p[7],
            CommentId: p[8].Length == 0 ? null : int.Parse(p[8], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2027-03-04T06:59:59", "2027-03-04T07:00:00")]
    [InlineData("2027-03-04T07:00:00", "2027-03-05T07:00:00")]
    [InlineData("2027-03-04T23:30:00", "2027-03-05T07:00:00")]
    public void A_daily_notification_is_due_at_the_next_daily_hour_after_it(string recorded, string due)
    {
        var schedule = new DigestSchedule(TimeSpan.FromSeconds(30), DailyHourUtc: 7);
        Assert.Equal(Utc(due), schedule.DueAt(NotificationFrequency.Daily, Utc(recorded)));
    }

    [Fact]
    public void An_immediate_notification_waits_for_the_batch_delay_and_never_is_never_due()
    {
        var schedule = new DigestSchedule(TimeSpan.FromSeconds(30), DailyHourUtc: 7);
        var at = Utc("2027-03-04T10:00:00");
        Assert.False(schedule.IsDue(NotificationFrequency.Immediately, at, at.AddSeconds(29)));
        Assert.True(schedule.IsDue(NotificationFrequency.Immediately, at, at.AddSeconds(30)));
        Assert.False(schedule.IsDue(NotificationFrequency.Never, at, at.AddYears(1)));
    }

    [Theory]
    [InlineData("A short comment", "A short comment")]
    [InlineData("Open   data\nneeds a licence", "Open data needs a licence")]
    [InlineData("The platform should publish every dataset under an open licence that allows reuse by anyone", "The platform should publish every dataset under an open licence that allows…")]
    public void An_excerpt_is_one_line_cut_at_a_word(string text, string excerpt) =>
        Assert.Equal(excerpt, DigestComposer.Excerpt(text));

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
