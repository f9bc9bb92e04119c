using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Consultations;

namespace GuidelinesReview.Tests.Core;

/// <summary>Public participants and anonymous readers under the consultation rules.</summary>
public sealed class PublicConsultationRulesTests
{
    private static readonly DateTime Opens = new(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = new(2027, 4, 4, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime During = Opens.AddDays(3);

    private static readonly ConsultationPeriod Public = new("Public online consultation", Opens, Closes, null, IsPublic: true);
    private static readonly ConsultationPeriod MembersOnly = new("Expert review", Opens, Closes, null);

    private static readonly PublicParticipant Confirmed = new("ana@example.org", EmailConfirmed: true);
    private static readonly PublicParticipant Unconfirmed = new("ana@example.org", EmailConfirmed: false);

    private static ConsultationRefusal? Check(DateTime now, PublicParticipant? participant, params ConsultationPeriod[] windows) =>
        ConsultationRules.CheckComment(windows, 3, now, StakeholderGroup.CivilSociety, fromRoom: false, participant);

    [Fact]
    public void A_confirmed_public_participant_comments_inside_a_public_window()
    {
        Assert.Null(Check(During, Confirmed, Public));
    }

    [Fact]
    public void Before_confirming_their_address_every_write_is_refused_with_the_address_and_the_way_to_a_new_link()
    {
        var refusal = Check(During, Unconfirmed, Public);

        Assert.Equal(RefusalKind.Unconfirmed, refusal?.Kind);
        Assert.Equal("Confirm your address first: we sent a link to ana@example.org. No mail? Ask for a new link at /account/confirm-resend.", refusal?.Message);
    }

    [Fact]
    public void A_members_window_open_now_does_not_open_the_version_to_the_public()
    {
        Assert.Equal(RefusalKind.NotPublic, Check(During, Confirmed, MembersOnly)?.Kind);
        Assert.Equal(RefusalKind.NotPublic, Check(During, Confirmed)?.Kind); // no windows at all: members only, as before for members
        Assert.Null(Check(During, null, MembersOnly)); // a member comments in it
        Assert.Null(Check(During, null)); // and on a version without windows
    }

    [Fact]
    public void Only_the_public_window_counts_for_a_public_participant_when_a_members_window_follows_it()
    {
        var after = new ConsultationPeriod("Expert review", Closes, Closes.AddDays(7), null);

        var refusal = Check(Closes.AddDays(1), Confirmed, Public, after);

        Assert.Equal(RefusalKind.Closed, refusal?.Kind);
        Assert.Equal("The consultation on v3 closed on 4 April 2027 at 09:00 UTC. The draft stays readable.", refusal?.Message);
        Assert.Null(Check(Closes.AddDays(1), null, Public, after));
    }

    [Fact]
    public void A_public_participant_before_the_public_window_hears_when_it_opens()
    {
        Assert.Equal("Commenting on v3 opens on 4 March 2027 at 09:00 UTC.", Check(Opens.AddSeconds(-1), Confirmed, Public)?.Message);
    }

    [Fact]
    public void Posting_from_a_room_exempts_members_only()
    {
        Assert.Null(ConsultationRules.CheckComment([MembersOnly], 3, Closes.AddDays(1), StakeholderGroup.CivilSociety, fromRoom: true));
        Assert.NotNull(ConsultationRules.CheckComment([MembersOnly], 3, During, StakeholderGroup.CivilSociety, fromRoom: true, Confirmed));
    }

    [Fact]
    public void Public_participants_may_write_by_role_the_windows_say_when()
    {
        Assert.True(CommentRules.CanWrite([Roles.Public]));
        Assert.False(CommentRules.CanModerate([Roles.Public]));
    }

    public static TheoryData<Reader, bool, string, bool> Readers() => new()
    {
        { Reader.Member, false, "none", true },
        { Reader.Member, false, "members", true },
        { Reader.PublicParticipant, false, "public-before", false },
        { Reader.PublicParticipant, false, "public-during", true },
        { Reader.PublicParticipant, false, "public-after", true },
        { Reader.PublicParticipant, false, "members", false },
        { Reader.PublicParticipant, false, "none", false },
        { Reader.Anonymous, true, "public-during", true },
        { Reader.Anonymous, true, "public-after", true },
        { Reader.Anonymous, true, "public-before", false },
        { Reader.Anonymous, false, "public-during", false },
        { Reader.Anonymous, true, "members", false },
        { Reader.Anonymous, true, "none", false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Who_may_read_a_version(Reader reader, bool anonymousReading, string windows, bool readable)
    {
        var (list, now) = windows switch
        {
            "public-before" => (new[] { Public }, Opens.AddSeconds(-1)),
            "public-during" => (new[] { Public }, Opens),
            "public-after" => (new[] { Public }, Closes.AddYears(1)),
            "members" => (new[] { MembersOnly }, During),
            _ => (Array.Empty<ConsultationPeriod>(), During),
        };

        Assert.Equal(readable, ConsultationRules.CanRead(reader, list, anonymousReading, now));
    }

    [Fact]
    public void Registration_is_open_exactly_while_a_public_window_is()
    {
        Assert.False(ConsultationRules.OpenForRegistration([Public, MembersOnly], Opens.AddSeconds(-1)));
        Assert.True(ConsultationRules.OpenForRegistration([Public], Opens));
        Assert.False(ConsultationRules.OpenForRegistration([Public], Closes));
        Assert.False(ConsultationRules.OpenForRegistration([MembersOnly], During));
    }

    [Theory]
    [InlineData(null, "Give the reason for the suspension: the participant and the other secretariat members read it.")]
    [InlineData("   ", "Give the reason for the suspension: the participant and the other secretariat members read it.")]
    [InlineData("Posted advertising.", null)]
    public void A_suspension_needs_a_reason(string? reason, string? problem)
    {
        Assert.Equal(problem, PublicRegistrationRules.CheckSuspensionReason(reason));
    }

    [Fact]
    public void A_suspension_reason_is_at_most_500_characters()
    {
        Assert.Null(PublicRegistrationRules.CheckSuspensionReason(new string('x', 500)));
        Assert.Equal("The reason is 501 characters long; at most 500 are allowed.", PublicRegistrationRules.CheckSuspensionReason(new string('x', 501)));
    }
}
