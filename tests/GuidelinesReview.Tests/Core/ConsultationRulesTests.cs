using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Core.Content;

namespace GuidelinesReview.Tests.Core;

public sealed class ConsultationRulesTests
{
    private static readonly DateTime Opens = new(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2027, 3, 18, 17, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static readonly ConsultationPeriod ForEveryone = new("Online consultation", Opens, Closes, null);
    private static readonly ConsultationPeriod ForGovernments = new("Governments first", Opens, Closes,
        [StakeholderGroup.LocalAndRegionalGovernment, StakeholderGroup.NationalGovernment]);

    private static ConsultationRefusal? Check(DateTime now, StakeholderGroup group, bool fromRoom = false, params ConsultationPeriod[] windows) =>
        ConsultationRules.CheckComment(windows, 3, now, group, fromRoom);

    [Fact]
    public void A_version_without_windows_is_open_as_before()
    {
        Assert.Null(Check(Opens.AddYears(-5), StakeholderGroup.Academia));
        Assert.Null(Check(Closes.AddYears(5), StakeholderGroup.Other));
    }

    public static TheoryData<TimeSpan, RefusalKind?, string?> Boundaries() => new()
    {
        { -Second, RefusalKind.NotYetOpen, "Commenting on v3 opens on 4 March 2027 at 09:00 UTC." },
        { TimeSpan.Zero, null, null },
        { Closes - Opens - Second, null, null },
        { Closes - Opens, RefusalKind.Closed, "The consultation on v3 closed on 18 March 2027 at 17:00 UTC. The draft stays readable." },
        { Closes - Opens + Second, RefusalKind.Closed, "The consultation on v3 closed on 18 March 2027 at 17:00 UTC. The draft stays readable." },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void The_opening_instant_is_inside_the_window_and_the_closing_instant_is_not(TimeSpan sinceOpening, RefusalKind? kind, string? message)
    {
        var refusal = Check(Opens + sinceOpening, StakeholderGroup.Academia, false, ForEveryone);

        Assert.Equal(kind, refusal?.Kind);
        Assert.Equal(message, refusal?.Message);
    }

    [Fact]
    public void A_window_for_named_groups_takes_their_comments_and_tells_others_what_their_profile_says()
    {
        var during = Opens.AddDays(1);

        Assert.Null(Check(during, StakeholderGroup.NationalGovernment, false, ForGovernments));
        Assert.Null(Check(during, StakeholderGroup.LocalAndRegionalGovernment, false, ForGovernments));
        var refusal = Check(during, StakeholderGroup.Academia, false, ForGovernments)!;
        Assert.Equal(RefusalKind.NotInAudience, refusal.Kind);
        Assert.Equal("This consultation is open to national governments and local and regional governments; your profile says Academia. If that is not right, change it on your profile page.", refusal.Message);
    }

    [Fact]
    public void Before_a_window_that_is_not_for_them_people_hear_who_it_is_for()
    {
        var refusal = Check(Opens - Second, StakeholderGroup.CivilSociety, false, ForGovernments)!;

        Assert.Equal(RefusalKind.NotInAudience, refusal.Kind);
        Assert.Equal("The next consultation on v3 opens on 4 March 2027 at 09:00 UTC for national governments and local and regional governments; your profile says Civil society.", refusal.Message);
    }

    [Fact]
    public void Between_two_windows_the_next_one_for_the_person_is_named()
    {
        var later = new ConsultationPeriod("Second round", Closes.AddDays(10), Closes.AddDays(20), null);
        var between = Closes.AddDays(1);

        Assert.Equal("Commenting on v3 opens on 28 March 2027 at 17:00 UTC.", Check(between, StakeholderGroup.Academia, false, ForGovernments, later)!.Message);
        Assert.Equal("Commenting on v3 opens on 28 March 2027 at 17:00 UTC.", Check(between, StakeholderGroup.NationalGovernment, false, ForEveryone, later)!.Message);
        Assert.Null(Check(Closes.AddDays(10), StakeholderGroup.Academia, false, ForGovernments, later));
        Assert.Equal("The consultation on v3 closed on 7 April 2027 at 17:00 UTC. The draft stays readable.",
            Check(Closes.AddDays(20), StakeholderGroup.Academia, false, ForGovernments, later)!.Message);
    }

    [Fact]
    public void Comments_posted_from_a_breakout_room_are_not_subject_to_the_windows()
    {
        Assert.Null(Check(Opens - Second, StakeholderGroup.Academia, true, ForEveryone));
        Assert.Null(Check(Closes, StakeholderGroup.Academia, true, ForEveryone));
        Assert.Null(Check(Opens, StakeholderGroup.Academia, true, ForGovernments));
    }

    [Fact]
    public void The_banner_shows_the_open_window_else_the_next_else_the_last_closed()
    {
        var later = new ConsultationPeriod("Second round", Closes.AddDays(10), Closes.AddDays(20), null);
        ConsultationPeriod[] both = [later, ForEveryone];

        Assert.Null(ConsultationRules.Relevant([], Opens));
        Assert.Equal((ForEveryone, ConsultationPhase.Upcoming), ConsultationRules.Relevant(both, Opens - Second));
        Assert.Equal((ForEveryone, ConsultationPhase.Open), ConsultationRules.Relevant(both, Opens));
        Assert.Equal((later, ConsultationPhase.Upcoming), ConsultationRules.Relevant(both, Closes));
        Assert.Equal((later, ConsultationPhase.Open), ConsultationRules.Relevant(both, later.ClosesAt - Second));
        Assert.Equal((later, ConsultationPhase.Closed), ConsultationRules.Relevant(both, later.ClosesAt));
    }

    [Fact]
    public void The_next_change_is_the_next_opening_or_closing_after_now()
    {
        var later = new ConsultationPeriod("Second round", Closes.AddDays(10), Closes.AddDays(20), null);

        Assert.Equal(Opens, ConsultationRules.NextChange([ForEveryone, later], Opens - Second));
        Assert.Equal(Closes, ConsultationRules.NextChange([ForEveryone, later], Opens));
        Assert.Equal(later.OpensAt, ConsultationRules.NextChange([ForEveryone, later], Closes));
        Assert.Null(ConsultationRules.NextChange([ForEveryone, later], later.ClosesAt));
    }

    [Theory]
    [InlineData(2, 3, 59, 59, "2 days 3 hours left")]
    [InlineData(1, 0, 30, 0, "1 day left")]
    [InlineData(0, 23, 59, 0, "23 hours 59 minutes left")]
    [InlineData(0, 1, 0, 5, "1 hour left")]
    [InlineData(0, 0, 45, 0, "45 minutes left")]
    [InlineData(0, 0, 1, 0, "1 minute left")]
    [InlineData(0, 0, 0, 59, "less than a minute left")]
    public void Time_left_is_given_in_its_two_largest_units_rounded_down(int days, int hours, int minutes, int seconds, string text) =>
        Assert.Equal(text, ConsultationRules.Remaining(new TimeSpan(days, hours, minutes, seconds)));

    [Fact]
    public void Audiences_and_instants_read_as_sentences()
    {
        Assert.Equal("academia", ConsultationRules.AudienceName([StakeholderGroup.Academia]));
        Assert.Equal("national governments, academia and civil society",
            ConsultationRules.AudienceName([StakeholderGroup.CivilSociety, StakeholderGroup.NationalGovernment, StakeholderGroup.Academia]));
        Assert.Equal("4 March 2027 at 09:00 UTC", ConsultationRules.Describe(Opens));
        Assert.Equal("4 March 2027 at 09:00:30 UTC", ConsultationRules.Describe(Opens.AddSeconds(30)));
    }

    // ---------- the secretariat's form ----------

    private static readonly DateTime Today = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static WindowRequest Request(string? opens = "2027-03-04T09:00", string? closes = "2027-03-18T17:00", string? zone = "UTC",
        bool? everyone = true, string? title = "Online consultation", params string[] groups) => new(title, opens, closes, zone, everyone, groups);

    private static (ConsultationPeriod? Window, IReadOnlyList<string> Problems) Read(WindowRequest request, bool isNew = true, DraftStatus status = DraftStatus.Consultation, params ConsultationPeriod[] others) =>
        ConsultationRules.Read(request, 3, status, others, Today, isNew);

    [Fact]
    public void A_window_in_utc_is_read_as_given()
    {
        var (window, problems) = Read(Request());

        Assert.Empty(problems);
        Assert.Equal(new ConsultationPeriod("Online consultation", Opens, Closes, null), window);
    }

    [Fact]
    public void Times_in_another_time_zone_are_stored_in_utc_with_daylight_saving_applied()
    {
        var (window, _) = Read(Request("2027-03-04T10:00", "2027-04-02T18:30:15", "Europe/Paris", false, "Governments", "NationalGovernment", "LocalAndRegionalGovernment", "NationalGovernment"));

        Assert.Equal(Opens, window!.OpensAt); // CET, UTC+1
        Assert.Equal(new DateTime(2027, 4, 2, 16, 30, 15, DateTimeKind.Utc), window.ClosesAt); // CEST, UTC+2
        Assert.Equal([StakeholderGroup.NationalGovernment, StakeholderGroup.LocalAndRegionalGovernment], window.Groups!);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused()
    {
        var (window, problems) = Read(Request(opens: "2027-03-28T02:30", zone: "Europe/Paris"));

        Assert.Null(window);
        Assert.Equal(["28 March 2027 at 02:30 does not exist in Europe/Paris (the clocks go forward then); choose another opening time."], problems);
    }

    [Theory]
    [InlineData("2027-03-18T17:00", "18 March 2027 at 17:00 UTC")]
    [InlineData("2027-03-18T17:01", "18 March 2027 at 17:01 UTC")]
    public void A_window_must_close_after_it_opens(string opens, string opening) =>
        Assert.Equal([$"The consultation must close after it opens; it would open on {opening} and close on 18 March 2027 at 17:00 UTC."],
            Read(Request(opens, "2027-03-18T17:00")).Problems);

    [Fact]
    public void Overlapping_windows_are_refused_and_adjacent_ones_are_not()
    {
        var other = new ConsultationPeriod("Second round", Closes, Closes.AddDays(7), null);

        Assert.Empty(Read(Request(), true, DraftStatus.Consultation, other).Problems);
        Assert.Equal(["It would overlap 'Second round' (18 March 2027 at 17:00 UTC to 25 March 2027 at 17:00 UTC): a version has one consultation at a time. Change the times, or change or delete that window."],
            Read(Request(closes: "2027-03-18T17:01"), true, DraftStatus.Consultation, other).Problems);
    }

    [Fact]
    public void A_new_window_must_close_in_the_future_but_a_changed_one_may_be_closed_early()
    {
        var past = Request("2027-02-01T09:00", "2027-03-01T12:00");

        Assert.Equal(["The closing time 1 March 2027 at 12:00 UTC has already passed; a new consultation must close in the future."], Read(past).Problems);
        Assert.Empty(Read(past, isNew: false).Problems);
    }

    [Fact]
    public void Every_problem_of_a_form_is_reported_together()
    {
        var (window, problems) = Read(Request("tomorrow", "", "Mars/Olympus_Mons", false, " ", "Martians", "1"), true, DraftStatus.Final);

        Assert.Null(window);
        Assert.Equal(
        [
            "Give the consultation a title (at most 300 characters).",
            "v3 is final and read-only; a consultation on it would never open.",
            "'Mars/Olympus_Mons' is not a time zone such as 'Europe/Paris' or 'Africa/Nairobi'.",
            "Give the opening date and time (YYYY-MM-DD and HH:MM).",
            "Give the closing date and time (YYYY-MM-DD and HH:MM).",
            "'Martians' is not a stakeholder group.",
            "'1' is not a stakeholder group.",
            "Choose at least one stakeholder group, or open the consultation to everyone.",
        ], problems);
    }

    [Fact]
    public void The_audience_and_the_time_zone_must_be_given()
    {
        Assert.Equal(["Choose who may comment: everyone signed in, or chosen stakeholder groups."], Read(Request(everyone: null)).Problems);
        Assert.Equal(["Say which time zone the times are in: UTC, or one such as 'Europe/Paris'."], Read(Request(zone: " ")).Problems);
        Assert.Equal(["Give the consultation a title (at most 300 characters)."], Read(Request(title: new string('t', 301))).Problems);
    }
}
