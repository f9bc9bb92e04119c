using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The room toolbar's hub methods through real SignalR connections: the timer, the floor, and places in words.</summary>
[Collection(AppCollection.Name)]
public sealed class RoomToolbarHubTests(AppFactory app)
{
    private const string ModeratorOnly = "Only the room's moderator (or the secretariat) can do this.";

    [Fact]
    public async Task The_moderator_stops_the_timer_and_adds_a_minute_and_everyone_sees_the_same_end()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var moderator = await app.InRoomAsync("moderator3", room);
        await using var member = await app.InRoomAsync("expert6", room);

        await moderator.InvokeAsync("SetTimer", room, 5);
        var started = (await member.NextAsync<RoomChanged>(e => e.TimerEndsAt is not null)).TimerEndsAt!.Value;
        await moderator.InvokeAsync("AddMinute", room);
        var longer = (await member.NextAsync<RoomChanged>(e => e.TimerEndsAt > started)).TimerEndsAt!.Value;
        var memberAdds = await Assert.ThrowsAsync<HubError>(() => member.InvokeAsync("AddMinute", room));
        var memberStops = await Assert.ThrowsAsync<HubError>(() => member.InvokeAsync("StopTimer", room));
        await moderator.InvokeAsync("StopTimer", room);
        var stopped = await member.NextAsync<RoomChanged>(e => e.TimerEndsAt is null);
        var stopAgain = await Assert.ThrowsAsync<HubError>(() => moderator.InvokeAsync("StopTimer", room));
        var addToNone = await Assert.ThrowsAsync<HubError>(() => moderator.InvokeAsync("AddMinute", room));
        var tooLong = await Assert.ThrowsAsync<HubError>(() => moderator.InvokeAsync("SetTimer", room, 241));

        Assert.Equal(TimeSpan.FromMinutes(1), longer - started);
        Assert.Equal((ModeratorOnly, ModeratorOnly), (memberAdds.Message, memberStops.Message));
        Assert.Null(stopped.TimerEndsAt);
        Assert.Null(await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.TimerEndsAt).SingleAsync()));
        Assert.Equal("The timer is not running.", stopAgain.Message);
        Assert.Equal("The timer is not running: start it first.", addToNone.Message);
        Assert.Equal("A timer runs from 1 to 240 minutes. (0 stops it).", tooLong.Message);
    }

    [Fact]
    public async Task Who_has_the_floor_stays_until_the_next_call_or_until_cleared_and_a_page_joining_later_sees_it()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6", "expert7");
        await using var moderator = await app.InRoomAsync("moderator3", room);
        await using var elena = await app.InRoomAsync("expert6", room);
        await using var ebo = await app.InRoomAsync("expert7", room);

        await elena.InvokeAsync("SetHand", room, true);
        await ebo.InvokeAsync("SetHand", room, true);
        await moderator.InvokeAsync<HandView>("CallNext", room);
        var first = await ebo.NextAsync<FloorChanged>(e => e.Floor is not null);
        await using var reloaded = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync("expert7@demo.local"), path: "/hubs/room");
        var afterReload = await reloaded.InvokeAsync<RoomState>("JoinRoom", room);
        await moderator.InvokeAsync<HandView>("CallNext", room);
        var second = await ebo.NextAsync<FloorChanged>(e => e.Floor?.Name == "Ebo Expert");
        var memberClears = await Assert.ThrowsAsync<HubError>(() => elena.InvokeAsync("ClearFloor", room));
        await moderator.InvokeAsync("ClearFloor", room);
        var cleared = await ebo.NextAsync<FloorChanged>(e => e.Floor is null);
        var clearAgain = await Assert.ThrowsAsync<HubError>(() => moderator.InvokeAsync("ClearFloor", room));
        var afterClear = await moderator.InvokeAsync<RoomState>("JoinRoom", room);

        Assert.Equal("Elena Expert", first.Floor!.Name);
        Assert.Equal("Elena Expert", afterReload.Floor?.Name);
        Assert.Equal(await app.UserIdAsync("expert7"), second.Floor!.UserId);
        Assert.Equal(ModeratorOnly, memberClears.Message);
        Assert.Null(cleared.Floor);
        Assert.Equal("Nobody has the floor.", clearAgain.Message);
        Assert.Null(afterClear.Floor);
    }

    [Fact]
    public async Task A_takeaway_names_its_paragraph_in_words()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        var (versionId, anchor) = await app.DbAsync(async db =>
        {
            var versionId = await db.BreakoutRooms.Where(r => r.Id == room)
                .Select(r => db.Meetings.Where(m => m.Days.Any(d => d.Agenda.Any(a => a.Id == r.AgendaItemId))).Select(m => m.VersionId).First()).SingleAsync();
            var anchor = await db.Blocks.Where(b => b.VersionId == versionId && b.Section.Anchor == "s9" && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph)
                .OrderBy(b => b.Ordinal).Select(b => b.Anchor).FirstAsync();
            return (versionId, anchor);
        });
        var place = await app.Services.GetRequiredService<BlockPlaces>().FindAsync(versionId, anchor);
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);

        await noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room, "Name older people explicitly.", GuidelinesReview.Core.Meetings.TakeawayKind.Concern, null, null, anchor));
        var takeaway = Assert.Single((await member.NextAsync<TakeawaysChanged>()).Takeaways);

        Assert.Equal(anchor, takeaway.Anchor);
        Assert.Equal(place!.Label, takeaway.Place);
        Assert.StartsWith("9", takeaway.Place, StringComparison.Ordinal);
        Assert.Contains("“", takeaway.Place, StringComparison.Ordinal);
    }
}
