using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// One rule for control characters in every text field (Core's TypedText), whichever way the text
/// comes: hub, API or form. Each refusal names the field and the character, and nothing is saved.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ControlCharacterTests(AppFactory app)
{
    private Task<int> CommentCountAsync() => app.DbAsync(db => db.Comments.CountAsync());

    [Fact]
    public async Task Comments_and_replies_with_a_control_character_are_refused_over_the_hub_and_the_API()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var expert = await app.HubAsync("expert@demo.local");
        var parent = await expert.InvokeAsync<CommentView>("PostComment", Post(versionId, "A clean comment."));
        var before = await CommentCountAsync();
        var api = await app.SignInAsync("expert@demo.local");

        var comment = await Assert.ThrowsAsync<HubError>(() => expert.InvokeAsync("PostComment", Post(versionId, "Bell\u0007 inside")));
        var reply = await Assert.ThrowsAsync<HubError>(() => expert.InvokeAsync("PostComment", Post(versionId, "A reply.", parentId: parent.Id, proposed: "Next\u0085line")));
        var edit = await Assert.ThrowsAsync<HubError>(() => expert.InvokeAsync("EditComment", new EditCommentInput(parent.Id, CommentType.General, "Escape \u001b[31m red", null)));
        var overApi = await api.PostAsJsonAsync($"/api/versions/{versionId}/comments", Post(versionId, "\u0001 first"), HubTestClient.Json);

        Assert.Equal("PostComment: The field body contains an invisible control character (U+0007 at character 5); remove it and send it again.", comment.Message);
        Assert.Equal("PostComment: The field proposedText contains an invisible control character (U+0085 at character 5); remove it and send it again.", reply.Message);
        Assert.Equal("EditComment: The field body contains an invisible control character (U+001B at character 8); remove it and send it again.", edit.Message);
        Assert.Equal(HttpStatusCode.BadRequest, overApi.StatusCode);
        Assert.Equal("The field body contains an invisible control character (U+0001 at character 1); remove it and send it again.",
            (await overApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(before, await CommentCountAsync());
        Assert.Equal("A clean comment.", await app.DbAsync(db => db.Comments.Where(c => c.Id == parent.Id).Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task Notes_takeaways_and_translations_with_a_control_character_are_refused_naming_the_field()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        var segment = await app.UntranslatedIdAsync("Residents choose.");
        var versionId = await app.VersionIdAsync();
        await using var translator = await app.TranslatorAsync("translator");

        var notes = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("SaveNotes", room, 0, "Line one\nLine\u0000two"));
        var tag = await Assert.ThrowsAsync<HubError>(() => noteTaker.InvokeAsync("AddTakeaway", new TakeawayInput(room, "Fine.", TakeawayKind.Concern, ["incl\u0008usion"], null, null)));
        var translation = await Assert.ThrowsAsync<HubError>(() => translator.InvokeAsync("SaveTranslation", versionId, "fr", segment, "Les\u009b habitants", 0, false));

        Assert.Equal("SaveNotes: The field notes contains an invisible control character (U+0000 at character 14); remove it and send it again.", notes.Message);
        Assert.Equal("AddTakeaway: The field areas[0] contains an invisible control character (U+0008 at character 5); remove it and send it again.", tag.Message);
        Assert.Equal("SaveTranslation: The field text contains an invisible control character (U+009B at character 4); remove it and send it again.", translation.Message);
        Assert.Equal(0, await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.NotesVersion).SingleAsync()));
        Assert.Equal(0, await app.DbAsync(db => db.Takeaways.CountAsync(t => t.RoomId == room)));
        Assert.Null(await app.StoredTranslationAsync(versionId, segment));
        Assert.True((await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Tabs\tand\r\nline breaks stay.")).Saved);
    }

    [Fact]
    public async Task A_key_finding_form_with_a_control_character_is_refused_naming_the_field_and_nothing_is_saved()
    {
        const string rollup = $"/guidelines/{AppFactory.SampleSlug}/v/3/rollup";
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var area = await app.DbAsync(db => db.GuidelineTerms.Where(t => db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var drill = $"{rollup}?area={area}";
        var before = await app.DbAsync(db => db.KeyFindings.CountAsync());

        var refused = await AppFactory.PostFormAsync(secretariat, $"{drill}&handler=Finding", new()
        {
            ["Form.AreaTermId"] = $"{area}", ["Form.Text"] = "Residents\u0007 want budgets.",
        }, drill);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The field text contains an invisible control character (U+0007 at character 10); remove it and send it again.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.DbAsync(db => db.KeyFindings.CountAsync()));
    }
}
