using System.Net;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>Recording takeaways through the hub, and their way into the plenary summary's exports.</summary>
[Collection(AppCollection.Name)]
public sealed class TakeawayTests(AppFactory app)
{
    private Task<int> CountAsync(int room) => app.DbAsync(db => db.Takeaways.CountAsync(t => t.RoomId == room));

    [Fact]
    public async Task A_takeaway_about_a_paragraph_outside_the_room_or_with_a_control_character_is_refused_saying_why()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        async Task<string> RefusedAsync(string text, string? anchor) =>
            (await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room, text, TakeawayKind.Concern, null, null, anchor)))).Message;

        Assert.Equal("There is no paragraph 's99-p1' in this meeting's draft.", await RefusedAsync("Name older people explicitly.", "s99-p1"));
        Assert.Equal("'s4-p1' is outside the sections this room discusses (s9).", await RefusedAsync("Name older people explicitly.", "s4-p1"));
        Assert.Equal("A paragraph is named by its anchor, such as s8-p1 (at most 60 characters).", await RefusedAsync("Name older people explicitly.", "s9-p1" + new string('x', 5_000)));
        Assert.Equal("AddTakeaway: The field text contains an invisible control character (U+0001 at character 6); remove it and send it again.", await RefusedAsync("Name \u0001older people explicitly.", null));
        Assert.Equal(0, await CountAsync(room));

        await noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room, "Name older people explicitly.", TakeawayKind.Concern, null, null, " s9-p1 "));
        Assert.Equal("s9-p1", await app.DbAsync(db => db.Takeaways.Where(t => t.RoomId == room).Select(t => t.Anchor).SingleAsync()));
    }

    [Fact]
    public async Task A_tag_chosen_twice_is_recorded_once()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);

        await noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room, "Commit to accessible services.", TakeawayKind.Recommendation, ["inclusion", "inclusion"], ["inclusion", "inclusion"], null));
        var takeaways = (await member.NextAsync<TakeawaysChanged>()).Takeaways;

        var recorded = Assert.Single(takeaways);
        Assert.Equal(["inclusion"], recorded.Areas);
        Assert.Equal(["inclusion"], recorded.Principles);
    }

    [Fact]
    public async Task A_control_character_recorded_before_takeaways_were_checked_does_not_break_the_word_summary()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await app.DbAsync(async db =>
        {
            db.Takeaways.Add(new Takeaway
            {
                RoomId = room, Text = "Recorded \u0001before the \u001bcheck.", Kind = TakeawayKind.Concern,
                CreatedById = await db.Users.Where(u => u.Email == "notetaker3@demo.local").Select(u => u.Id).SingleAsync(), CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var secretariat = await app.SignInAsync("secretariat@demo.local");

        var response = await secretariat.GetAsync("/meetings/egm-2/summary?format=docx");
        using var copy = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(copy, false);
        Assert.Contains(document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(),
            p => p.InnerText == "Concern: Recorded before the check.");
    }
}
