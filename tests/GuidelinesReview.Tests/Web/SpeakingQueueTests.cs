using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>A room's speaking queue when people click at the same moment (two tabs, two moderators).</summary>
[Collection(AppCollection.Name)]
public sealed class SpeakingQueueTests(AppFactory app)
{
    [Fact]
    public async Task A_hand_raised_or_lowered_from_two_tabs_at_once_is_in_the_queue_once_and_neither_tab_gets_an_error()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var tab1 = await app.InRoomAsync("expert6", room);
        await using var tab2 = await app.InRoomAsync("expert6", room);

        for (var i = 0; i < 15; i++)
        {
            await Task.WhenAll(tab1.InvokeAsync("SetHand", room, true), tab2.InvokeAsync("SetHand", room, true));
            Assert.Equal(1, await app.DbAsync(db => db.RaisedHands.CountAsync(h => h.RoomId == room)));
            await Task.WhenAll(tab1.InvokeAsync("SetHand", room, false), tab2.InvokeAsync("SetHand", room, false));
            Assert.Equal(0, await app.DbAsync(db => db.RaisedHands.CountAsync(h => h.RoomId == room)));
        }
    }

    [Fact]
    public async Task Two_moderators_giving_the_floor_at_once_each_get_a_clear_answer()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6", "expert7");
        await using var moderator = await app.InRoomAsync("moderator3", room);
        await using var secretariat = await app.InRoomAsync("secretariat", room);
        await using var elena = await app.InRoomAsync("expert6", room);
        await using var other = await app.InRoomAsync("expert7", room);

        for (var i = 0; i < 10; i++)
        {
            await elena.InvokeAsync("SetHand", room, true);
            await other.InvokeAsync("SetHand", room, true);
            var answers = await Task.WhenAll(CallNextAsync(moderator, room), CallNextAsync(secretariat, room));

            // Either the calls came one after the other (each gave the floor to someone), or at the
            // same moment: then one gave it and the other says so, and nobody else was called.
            Assert.All(answers, a => Assert.Matches("^(Elena|Ebo) Expert( was just given the floor by someone else\\.)?$", a));
            Assert.NotEqual(answers[0], answers[1]);
            await elena.InvokeAsync("SetHand", room, false);
            await other.InvokeAsync("SetHand", room, false);
        }
    }

    private static async Task<string> CallNextAsync(HubTestClient hub, int room)
    {
        try
        {
            return (await hub.InvokeAsync<HandView>("CallNext", room)).Name;
        }
        catch (HubError e)
        {
            return e.Message;
        }
    }
}
