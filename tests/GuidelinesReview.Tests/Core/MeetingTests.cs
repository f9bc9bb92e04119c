using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

public sealed class MeetingFileTests
{
    private const string Valid = """
        slug: egm-test
        title: Test meeting
        guideline: g
        version: 2
        timeZone: Europe/Paris
        days:
          - date: 2025-03-02
            agenda:
              - time: "14:00"
                title: Rooms
                kind: breakout
                rooms:
                  - title: Room A
                    moderator: m@x.org
                    members: [a@x.org, a@x.org, b@x.org]
                    sections: [s4]
              - time: "09:00"
                title: Opening
                kind: plenary
        """;

    [Fact]
    public void A_meeting_file_gives_days_agenda_in_time_order_and_rooms_with_people_named_once()
    {
        var meeting = MeetingDefinition.Parse(Valid, "test.yml");

        Assert.Equal(("egm-test", 2, "Europe/Paris"), (meeting.Slug, meeting.Version, meeting.TimeZone));
        var agenda = Assert.Single(meeting.Days).Agenda;
        Assert.Equal(["Opening", "Rooms"], agenda.Select(a => a.Title));
        var room = Assert.Single(meeting.Rooms);
        Assert.Equal(["a@x.org", "b@x.org"], room.Members);
        Assert.Null(room.NoteTaker);
    }

    [Theory]
    [InlineData("timeZone: Europe/Paris", "timeZone: Mars/Olympus", "'Mars/Olympus' is not a time zone")]
    [InlineData("date: 2025-03-02", "date: 2 March", "'date' must be written as YYYY-MM-DD")]
    [InlineData("time: \"09:00\"", "time: nine", "'time' must be written as HH:mm")]
    [InlineData("kind: plenary", "kind: party", "'kind' must be plenary or breakout")]
    [InlineData("version: 2", "version: 0", "'version' is required")]
    [InlineData("slug: egm-test", "slug: EGM Test", "slug 'EGM Test' must be lower-case")]
    public void A_broken_meeting_file_is_refused_with_what_is_wrong(string from, string to, string message)
    {
        var error = Assert.Throws<ContentFormatException>(() => MeetingDefinition.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "test.yml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_meeting_has_two_days_and_at_least_four_rooms_each_with_a_moderator_and_note_taker()
    {
        var meeting = MeetingDefinition.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "meetings", "egm-2.yml")), "egm-2.yml");

        Assert.Equal(2, meeting.Days.Count);
        Assert.True(meeting.Rooms.Count() >= 4);
        Assert.All(meeting.Rooms, r => Assert.True(r.Moderator is not null && r.NoteTaker is not null && r.Members.Count > 0 && r.Sections.Count > 0));
    }
}

/// <summary>Who may do what in a breakout room: the role × action matrix.</summary>
public sealed class RoomAccessTests
{
    private static RoomPerson Member => new(true, false, false, new HashSet<string> { Roles.Expert });
    private static RoomPerson Moderator => new(false, true, false, new HashSet<string> { Roles.Moderator });
    private static RoomPerson NoteTaker => new(false, false, true, new HashSet<string> { Roles.NoteTaker });
    private static RoomPerson Secretariat => new(false, false, false, new HashSet<string> { Roles.Secretariat });
    private static RoomPerson Outsider => new(false, false, false, new HashSet<string> { Roles.Expert });
    private static RoomPerson ObserverMember => new(true, false, false, new HashSet<string> { Roles.Observer });

    public static TheoryData<string, RoomAction, bool> Matrix()
    {
        var people = new Dictionary<string, RoomPerson>
        {
            ["member"] = Member, ["moderator"] = Moderator, ["note-taker"] = NoteTaker,
            ["secretariat"] = Secretariat, ["outsider"] = Outsider, ["observer member"] = ObserverMember,
        };
        var allowed = new Dictionary<RoomAction, string[]>
        {
            [RoomAction.Enter] = ["member", "moderator", "note-taker", "secretariat", "observer member"],
            [RoomAction.Moderate] = ["moderator", "secretariat"],
            [RoomAction.EditNotes] = ["moderator", "note-taker"],
            [RoomAction.EditTakeaways] = ["moderator", "note-taker"],
            [RoomAction.Comment] = ["member", "moderator", "note-taker", "secretariat"],
            [RoomAction.SupportTakeaway] = ["member", "moderator", "note-taker", "secretariat", "observer member"],
            [RoomAction.RaiseHand] = ["member", "moderator", "note-taker", "secretariat", "observer member"],
        };
        var data = new TheoryData<string, RoomAction, bool>();
        foreach (var (action, who) in allowed)
        {
            foreach (var name in people.Keys)
            {
                data.Add(name, action, who.Contains(name));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_person_may_do_exactly_what_their_place_in_the_room_allows(string who, RoomAction action, bool allowed)
    {
        var person = who switch
        {
            "member" => Member, "moderator" => Moderator, "note-taker" => NoteTaker,
            "secretariat" => Secretariat, "outsider" => Outsider, _ => ObserverMember,
        };

        Assert.Equal(allowed, RoomAccess.Allows(person, action));
    }

    [Fact]
    public void A_closed_room_can_be_entered_and_reopened_but_not_written_in()
    {
        Assert.True(RoomAccess.Allows(Member, RoomAction.Enter, roomOpen: false));
        Assert.True(RoomAccess.Allows(Moderator, RoomAction.Moderate, roomOpen: false));
        Assert.False(RoomAccess.Allows(NoteTaker, RoomAction.EditNotes, roomOpen: false));
        Assert.False(RoomAccess.Allows(Member, RoomAction.Comment, roomOpen: false));
        Assert.Equal("This room is closed: its notes and takeaways can be read but not changed.", RoomAccess.Refusal(RoomAction.EditNotes, roomOpen: false));
        Assert.Equal("You are not a member of this breakout room.", RoomAccess.Refusal(RoomAction.Enter, roomOpen: true));
    }
}

public sealed class PlenarySummaryTests
{
    [Fact]
    public void Each_rooms_for_plenary_takeaways_come_first_and_markdown_in_a_takeaway_stays_text()
    {
        var rooms = new List<SummaryRoom>
        {
            new("20 November 2024, Breakout", "Room A", "Maya", "Nadia", ["Community engagement"], "https://x/rooms/1",
            [
                new SummaryTakeaway("Second in order", TakeawayKind.Concern, false, 0, 0, null),
                new SummaryTakeaway("Use *all individuals*", TakeawayKind.Recommendation, true, 1, 3, "s8-p1"),
            ]),
            new("20 November 2024, Breakout", "Room B", null, null, [], "https://x/rooms/2", []),
        };

        var md = PlenarySummary.ToMarkdown("EGM", rooms);

        Assert.StartsWith("# Plenary summary: EGM\n\n## 20 November 2024, Breakout\n\n### Room A\n", md, StringComparison.Ordinal);
        var first = md.IndexOf("- **For plenary.** *Recommendation:* Use \\*all individuals\\* (s8-p1) — supported by 3", StringComparison.Ordinal);
        var second = md.IndexOf("- *Concern:* Second in order", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, md);
        Assert.Contains("### Room B\n\nModerator: — · Note-taker: —", md, StringComparison.Ordinal);
        Assert.Contains("No takeaways recorded.", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("See [the city site](javascript:alert(1))", "See \\[the city site\\](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)> and <b>bold</b>", "\\<javascript:alert(1)\\> and \\<b\\>bold\\</b\\>")]
    [InlineData("![pixel](https://tracker.example/p.png)", "!\\[pixel\\](https://tracker.example/p.png)")]
    [InlineData("Use `code`, ~~strike~~ and a\\b", "Use \\`code\\`, \\~\\~strike\\~\\~ and a\\\\b")]
    [InlineData("Two\r\nlines", "Two lines")]
    public void Text_typed_in_a_takeaway_or_its_anchor_never_becomes_a_link_html_or_code_in_the_markdown(string text, string line)
    {
        var rooms = new List<SummaryRoom>
        {
            new("Day 1, Breakout", "Room [A](javascript:x)", "Maya", "Nadia", [], "https://x/rooms/1",
                [new SummaryTakeaway(text, TakeawayKind.Concern, false, 0, 0, "s1-p1](javascript:x)")]),
        };

        var md = PlenarySummary.ToMarkdown("EGM", rooms);

        Assert.Contains($"- *Concern:* {line} (s1-p1\\](javascript:x))\n", md, StringComparison.Ordinal);
        Assert.Contains("### Room \\[A\\](javascript:x)\n", md, StringComparison.Ordinal);
        var html = GuidelinesReview.Core.Markdown.SafeMarkdown.ToHtml(md, 100_000);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code", html, StringComparison.Ordinal);
    }
}

public sealed class TakeawayRulesTests
{
    [Theory]
    [InlineData("", "A takeaway has 1 to 2,000 characters; this one has 0.")]
    public void A_takeaway_without_text_is_refused_saying_why(string text, string message) =>
        Assert.Equal(message, TakeawayRules.Check(text, TakeawayKind.Concern, null));

    [Fact]
    public void Tabs_line_breaks_and_any_script_are_accepted()
    {
        Assert.Null(TakeawayRules.Check("Point one:\tkeep\r\nPoint two: 智慧城市 — ok", TakeawayKind.Question, "s8.1-p12"));
        Assert.Null(TakeawayRules.Check(new string('x', TakeawayRules.MaxText), TakeawayKind.Recommendation, null));
    }

    [Fact]
    public void Too_long_text_an_unknown_kind_and_an_anchor_that_is_not_one_are_refused()
    {
        Assert.Equal("A takeaway has 1 to 2,000 characters; this one has 2,001.", TakeawayRules.Check(new string('x', 2_001), TakeawayKind.Concern, null));
        Assert.Equal("A takeaway is a recommendation, a concern, a question or a proposed text change.", TakeawayRules.Check("Text", (TakeawayKind)9, null));
        Assert.Equal("A paragraph is named by its anchor, such as s8-p1 (at most 60 characters).", TakeawayRules.Check("Text", TakeawayKind.Concern, new string('s', 61)));
    }
}

public sealed class MeetingRulesTests
{
    [Theory]
    [InlineData("Second expert group meeting", "second-expert-group-meeting")]
    [InlineData("Réunion d'experts — Nairobi 2026", "reunion-d-experts-nairobi-2026")]
    [InlineData("  EGM #3: data & privacy!  ", "egm-3-data-privacy")]
    [InlineData("智慧城市", "meeting")]
    [InlineData("new", "new-2")]
    public void A_slug_is_made_from_the_title_in_plain_ascii(string title, string slug) =>
        Assert.Equal(slug, MeetingRules.SlugFor(title, s => s == "new"));

    [Fact]
    public void A_taken_slug_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "egm", "egm-2", "egm-3" };

        Assert.Equal("egm-4", MeetingRules.SlugFor("EGM", taken.Contains));
    }

    [Fact]
    public void A_long_title_gives_a_slug_of_at_most_sixty_characters_without_a_trailing_hyphen()
    {
        var slug = MeetingRules.SlugFor(string.Join(' ', Enumerable.Repeat("consultation", 20)), _ => false);

        Assert.InRange(slug.Length, 1, 60);
        Assert.DoesNotMatch("-$", slug);
    }

    [Fact]
    public void Days_report_an_empty_meeting_too_many_days_and_each_repeated_date()
    {
        var start = new DateOnly(2026, 3, 2);
        var repeated = new[] { start, start.AddDays(1), start, start.AddDays(1), start.AddDays(2) };

        Assert.Equal(["A meeting needs at least one day."], MeetingRules.CheckDays([]));
        Assert.Equal(["A meeting can have at most 14 days."], MeetingRules.CheckDays(Enumerable.Range(0, 15).Select(start.AddDays).ToList()));
        Assert.Equal(["2 March 2026 is in the meeting twice.", "3 March 2026 is in the meeting twice."], MeetingRules.CheckDays(repeated));
        Assert.Empty(MeetingRules.CheckDays(Enumerable.Range(0, 14).Select(start.AddDays).ToList()));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("   ", false)]
    [InlineData("EGM", true)]
    public void A_title_is_required(string? title, bool ok) => Assert.Equal(ok, MeetingRules.CheckTitle(title) is null);

    [Fact]
    public void A_title_over_300_characters_is_refused() => Assert.NotNull(MeetingRules.CheckTitle(new string('x', 301)));

    [Theory]
    [InlineData("Africa/Nairobi", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void A_time_zone_must_be_one_the_server_knows(string zone, bool ok) => Assert.Equal(ok, MeetingRules.CheckTimeZone(zone) is null);

    [Fact]
    public void A_meeting_file_with_the_same_date_twice_is_refused()
    {
        const string yaml = """
            slug: twice
            title: Twice
            guideline: g
            version: 1
            timeZone: UTC
            days:
              - date: 2026-03-02
              - date: 2026-03-02
            """;

        var e = Assert.Throws<ContentFormatException>(() => MeetingDefinition.Parse(yaml, "twice.yml"));

        Assert.Equal("twice.yml: 2 March 2026 is in the meeting twice.", e.Message);
    }
}

public sealed class RoomPersonAndScopeTests
{
    private static readonly IReadOnlySet<string> Expert = new HashSet<string> { Roles.Expert };

    [Theory]
    [InlineData("u1", true, false, false)]   // a member
    [InlineData("mod", false, true, false)]  // the moderator, not listed as a member
    [InlineData("note", false, false, true)] // the note-taker
    [InlineData("u9", false, false, false)]  // someone else
    public void A_person_is_to_a_room_what_its_people_lists_say(string userId, bool member, bool moderator, bool noteTaker)
    {
        var person = RoomPerson.Of(userId, ["u1", "u2"], "mod", "note", Expert);

        Assert.Equal((member, moderator, noteTaker), (person.IsMember, person.IsModerator, person.IsNoteTaker));
        Assert.Equal(member || moderator || noteTaker, RoomAccess.Allows(person, RoomAction.Enter));
    }

    [Fact]
    public void A_room_without_moderator_or_note_taker_makes_nobody_either()
    {
        var person = RoomPerson.Of("u1", ["u1"], null, null, Expert);

        Assert.False(person.IsModerator || person.IsNoteTaker);
    }

    [Theory]
    [InlineData("s2", true)]
    [InlineData("s2.1", true)]
    [InlineData("s2.1.3", true)]
    [InlineData("s20", false)]   // a prefix of the text is not a subsection
    [InlineData("s3", false)]
    [InlineData("sA.2", true)]
    [InlineData("sA", false)]    // the annex's own heading is wider than the room's subsection
    public void A_room_covers_its_sections_and_what_is_inside_them(string section, bool covered) =>
        Assert.Equal(covered, RoomScope.Covers(["s2", "sA.2"], section));
}
