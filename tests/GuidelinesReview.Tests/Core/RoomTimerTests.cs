using GuidelinesReview.Core.Meetings;

namespace GuidelinesReview.Tests.Core;

public sealed class RoomTimerTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(240, true)]
    [InlineData(241, false)]
    [InlineData(-5, false)]
    public void A_timer_starts_for_1_to_240_minutes(int minutes, bool starts) =>
        Assert.Equal(starts, RoomTimer.CheckStart(minutes) is null);

    [Fact]
    public void A_minute_is_added_to_a_running_timer_and_counted_from_now_once_time_is_up()
    {
        Assert.Equal((Now.AddMinutes(6), (string?)null), RoomTimer.AddMinute(Now.AddMinutes(5), Now));
        Assert.Equal((Now.AddMinutes(1), (string?)null), RoomTimer.AddMinute(Now.AddMinutes(-3), Now));
    }

    [Fact]
    public void No_minute_is_added_without_a_timer_or_past_the_longest_one()
    {
        Assert.Equal((null, "The timer is not running: start it first."), RoomTimer.AddMinute(null, Now));
        Assert.Equal((null, "A timer runs at most 240 minutes."), RoomTimer.AddMinute(Now.AddMinutes(240), Now));
        Assert.Equal("The timer is not running.", RoomTimer.CheckStop(null));
        Assert.Null(RoomTimer.CheckStop(Now.AddMinutes(-1)));
    }
}
