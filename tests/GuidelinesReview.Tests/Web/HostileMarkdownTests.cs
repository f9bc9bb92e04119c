using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuidelinesReview.Fixtures;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Markdown built to make the parser work hard, sent the ways people send text: refused as bad
/// input with the sentence from Specs/markdown-cost.txt, and nothing saved or pushed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileMarkdownTests(AppFactory app)
{
    private static readonly MarkdownCostCase Brackets = MarkdownCostCases.Named("comment: 5,000 [ then 5,000 ] (the tester's 1.5 s)");
    private static readonly MarkdownCostCase Emphasis = MarkdownCostCases.Named("notes: 190,000 characters of mixed emphasis marks (the tester's 2 s)");

    private Task<int> CommentCountAsync() => app.DbAsync(db => db.Comments.CountAsync());

    [Fact]
    public async Task A_comment_of_brackets_is_refused_on_the_hub_and_the_api_with_its_sentence_and_nothing_is_saved()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var hub = await app.HubAsync("expert@demo.local");
        var http = await app.SignInAsync("expert@demo.local");
        var before = await CommentCountAsync();

        var overHub = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(versionId, Brackets.Markdown)));
        var overApi = await http.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, Brackets.Markdown), HubTestClient.Json);
        var apiError = JsonDocument.Parse(await overApi.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();

        Assert.Equal(Brackets.Refusal, overHub.Message);
        Assert.Equal((HttpStatusCode.BadRequest, Brackets.Refusal), (overApi.StatusCode, apiError));
        Assert.Equal(before, await CommentCountAsync());
    }

    [Fact]
    public async Task Notes_of_emphasis_marks_are_refused_and_the_saved_notes_stay_as_they_were()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);
        var saved = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "- agreed: open data needs an owner");
        await member.NextAsync<NotesChanged>();

        var refused = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room, saved.Version, Emphasis.Markdown));
        var state = await member.InvokeAsync<RoomState>("JoinRoom", room);

        Assert.Equal(Emphasis.Refusal, refused.Message);
        Assert.Equal(("- agreed: open data needs an owner", saved.Version), (state.Notes, state.NotesVersion));
        Assert.Equal(1, await app.DbAsync(db => db.NotesRevisions.CountAsync(r => r.RoomId == room)));
    }

    [Fact]
    public async Task An_8000_line_list_of_200000_characters_is_saved_and_reaches_the_room_rendered()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        await using var member = await app.InRoomAsync("expert6", room);
        var list = string.Concat(Enumerable.Range(1, 8000).Select(i => $"- point {i:D4} of the room\n"));
        Assert.Equal(RoomService.MaxNotes, list.Length);

        var saved = await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, list);
        var seen = await member.NextAsync<NotesChanged>();

        Assert.True(saved.Saved, saved.Conflict);
        Assert.Equal(list, seen.Notes);
        Assert.Contains("<li>point 8000 of the room</li>", seen.Html, StringComparison.Ordinal);
    }
}
