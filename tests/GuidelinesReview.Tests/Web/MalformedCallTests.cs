using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// Calls no client library would send — wrong types, wrong arity, unknown methods, broken Unicode,
/// oversized and non-JSON messages — on all three hubs and the API: each is answered with a sentence
/// naming the method, the field and the problem, nothing is saved, and (but for frames that are not
/// hub messages at all) the connection goes on.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MalformedCallTests(AppFactory app)
{
    private const string Closed = "Connection closed with an error. HubException: The message could not be read: ";

    private Task<int> CommentCountAsync() => app.DbAsync(db => db.Comments.CountAsync());

    private static async Task<string> RefusedAsync(HubTestClient hub, string method, params object?[] arguments) =>
        (await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync(method, arguments))).Message;

    private static string RefusalOf(string method, JsonElement completion) =>
        HubTestClient.Refusal(method, completion.GetProperty("error").GetString()!) ?? completion.GetRawText();

    [Fact]
    public async Task Review_hub_arguments_of_the_wrong_type_are_answered_naming_the_method_the_field_and_what_it_must_be()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var expert = await app.HubAsync("expert@demo.local");
        await using var secretariat = await app.HubAsync("secretariat@demo.local");
        var before = await CommentCountAsync();

        Assert.Equal("JoinVersion: The field versionId must be a whole number; \"abc\" was sent.", await RefusedAsync(expert, "JoinVersion", "abc", 0));
        Assert.Equal("PostComment: The field clientId must be a UUID (such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301); \"not-a-uuid\" was sent.",
            await RefusedAsync(expert, "PostComment", new { clientId = "not-a-uuid", versionId, anchor = Anchor, type = "technical", body = "Fine text." }));
        Assert.Equal("PostComment: The field type must be one of general, technical, editorial; \"bogus\" was sent.",
            await RefusedAsync(expert, "PostComment", new { clientId = Guid.NewGuid(), versionId, anchor = Anchor, type = "bogus", body = "Fine text." }));
        Assert.Equal("PostComment: The field body must be text; 12345 was sent.",
            await RefusedAsync(expert, "PostComment", new { clientId = Guid.NewGuid(), versionId, anchor = Anchor, type = "technical", body = 12345 }));
        Assert.Equal("PostComment: The field quote.start must be a whole number; \"ten\" was sent.",
            await RefusedAsync(expert, "PostComment", new { clientId = Guid.NewGuid(), versionId, anchor = Anchor, type = "technical", body = "Fine text.", quote = new { exact = "the", start = "ten" } }));
        Assert.Equal("SetDisposition: The field decision must be one of accepted, acceptedInPart, notAccepted, noted, outOfScope; \"maybe\" was sent.",
            await RefusedAsync(secretariat, "SetDisposition", new { commentId = 1, decision = "maybe" }));
        Assert.Equal("SetSupport: The field support must be true or false; \"yes\" was sent.", await RefusedAsync(expert, "SetSupport", 1, "yes"));

        Assert.Equal(before, await CommentCountAsync());
        var joined = await expert.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var posted = await expert.InvokeAsync<CommentView>("PostComment", Post(versionId, "Still connected."));
        Assert.Equal(versionId, joined.VersionId);
        Assert.Equal("Still connected.", posted.Body);
    }

    [Fact]
    public async Task The_wrong_number_of_arguments_and_unknown_methods_are_answered_and_the_connection_goes_on()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var secretariat = await app.HubAsync("secretariat@demo.local");

        Assert.Equal("JoinVersion: it takes 2 arguments (versionId, since); 1 was sent.", await RefusedAsync(secretariat, "JoinVersion", versionId));
        Assert.Equal("SetDisposition: it takes 1 argument (input); 2 were sent.", await RefusedAsync(secretariat, "SetDisposition", new { commentId = 1, decision = "noted" }, 5));
        Assert.Equal("There is no hub method 'DeleteEverything' here; the README's Integrations section lists each hub's methods.", await RefusedAsync(secretariat, "DeleteEverything"));
        Assert.Equal("There is no hub method 'JoinRoom' here; the README's Integrations section lists each hub's methods.", await RefusedAsync(secretariat, "JoinRoom", 1));

        Assert.Equal(versionId, (await secretariat.InvokeAsync<JoinResult>("JoinVersion", versionId, 0)).VersionId);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_answered_naming_the_field_and_nothing_is_saved()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var room = await app.NewRoomAsync("moderator3", "notetaker3");
        var segment = await app.UntranslatedIdAsync("Residents decide together.");
        var translationVersion = await app.VersionIdAsync();
        var before = await CommentCountAsync();
        await using var review = await RawHubClient.ConnectAsync(app.Server, await app.AuthCookieAsync("expert@demo.local"), "/hubs/review");
        await using var rooms = await RawHubClient.ConnectAsync(app.Server, await app.AuthCookieAsync("notetaker3@demo.local"), "/hubs/room");
        await using var translate = await RawHubClient.ConnectAsync(app.Server, await app.AuthCookieAsync("translator@demo.local"), "/hubs/translate");

        var comment = await review.InvokeAsync("PostComment", $$"""[{"clientId":"{{Guid.NewGuid()}}","versionId":{{versionId}},"anchor":"{{Anchor}}","type":"technical","body":"half \ud83d"}]""");
        var notes = await rooms.InvokeAsync("SaveNotes", $$"""[{{room}},0,"notes \udc00 here"]""");
        var takeaway = await rooms.InvokeAsync("AddTakeaway", $$"""[{"roomId":{{room}},"text":"ok","kind":"concern","areas":["\ud800"]}]""");
        var translation = await translate.InvokeAsync("SaveTranslation", $$"""[{{translationVersion}},"fr","{{segment}}","Les habitants \ud800",0,false]""");

        Assert.Equal("PostComment: The field body holds a broken character (a lone surrogate in \"half \\ud83d\"); retype it or paste it again.", RefusalOf("PostComment", comment));
        Assert.Equal("SaveNotes: The field notes holds a broken character (a lone surrogate in \"notes \\udc00 here\"); retype it or paste it again.", RefusalOf("SaveNotes", notes));
        Assert.Equal("AddTakeaway: The field areas[0] holds a broken character (a lone surrogate in \"\\ud800\"); retype it or paste it again.", RefusalOf("AddTakeaway", takeaway));
        Assert.Equal("SaveTranslation: The field text holds a broken character (a lone surrogate in \"Les habitants \\ud800\"); retype it or paste it again.", RefusalOf("SaveTranslation", translation));
        Assert.Equal(before, await CommentCountAsync());
        Assert.Equal(("", 0), await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => ValueTuple.Create(r.Notes, r.NotesVersion)).SingleAsync()));
        Assert.Null(await app.StoredTranslationAsync(translationVersion, segment));

        await rooms.InvokeAsync("JoinRoom", $"[{room}]");
        var saved = await rooms.InvokeAsync("SaveNotes", $"[{room},0,\"Intact \\ud83d\\ude00 pair\"]");
        Assert.True(saved.GetProperty("result").GetProperty("saved").GetBoolean(), saved.GetRawText());
        Assert.Equal("Intact 😀 pair", await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Room_and_translation_hub_arguments_of_the_wrong_type_or_number_are_answered_and_nothing_is_saved()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        var segment = await app.UntranslatedIdAsync("Residents are asked first.");
        var versionId = await app.VersionIdAsync();
        await using var translator = await app.TranslatorAsync("translator");

        Assert.Equal("SaveNotes: The field baseVersion must be a whole number; \"zero\" was sent.", await RefusedAsync(noteTaker, "SaveNotes", room, "zero", "Notes."));
        Assert.Equal("SaveNotes: it takes 3 arguments (roomId, baseVersion, notes); 2 were sent.", await RefusedAsync(noteTaker, "SaveNotes", room, "Notes."));
        Assert.Equal("AddTakeaway: The field kind must be one of recommendation, concern, question, proposedTextChange; \"bogus\" was sent.",
            await RefusedAsync(noteTaker, "AddTakeaway", new { roomId = room, text = "Name older people.", kind = "bogus" }));
        Assert.Equal("ReorderTakeaways: The field order must be a list ([…]) of a whole number each; \"1,2\" was sent.", await RefusedAsync(noteTaker, "ReorderTakeaways", room, "1,2"));
        Assert.Equal("There is no hub method 'PostComment' here; the README's Integrations section lists each hub's methods.", await RefusedAsync(noteTaker, "PostComment", new { body = "x" }));
        Assert.Equal("SaveTranslation: The field baseRevision must be a whole number; \"one\" was sent.",
            await RefusedAsync(translator, "SaveTranslation", versionId, "fr", segment, "Les habitants.", "one", false));
        Assert.Equal("SaveTranslation: it takes 6 arguments (versionId, language, segmentId, text, baseRevision, submit); 4 were sent.",
            await RefusedAsync(translator, "SaveTranslation", versionId, "fr", segment, "Les habitants."));

        Assert.Equal(0, await app.DbAsync(db => db.Takeaways.CountAsync(t => t.RoomId == room)));
        Assert.Equal(0, await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.NotesVersion).SingleAsync()));
        Assert.Null(await app.StoredTranslationAsync(versionId, segment));
        Assert.True((await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, "Notes after all.")).Saved);
        Assert.True((await translator.InvokeAsync<TranslationSaveResult>("SaveTranslation", versionId, "fr", segment, "Les habitants.", 0, false)).Saved);
    }

    [Fact]
    public async Task A_call_over_the_hubs_limit_is_answered_with_its_size_and_the_limit_and_the_connection_goes_on()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var room = await app.NewRoomAsync("moderator3", "notetaker3");
        await using var expert = await app.HubAsync("expert@demo.local");
        await using var noteTaker = await app.InRoomAsync("notetaker3", room);
        var before = await CommentCountAsync();

        var comment = await RefusedAsync(expert, "PostComment", Post(versionId, new string('x', 1_000_000)));
        var notes = await RefusedAsync(noteTaker, "SaveNotes", room, 0, new string('n', 1_300_000));

        Assert.Matches(@"^PostComment: the message is 1,000,\d{3} bytes; at most 131,072 are accepted\.$", comment);
        Assert.Matches(@"^SaveNotes: the message is 1,300,\d{3} bytes; at most 1,216,384 are accepted\.$", notes);
        Assert.Equal(before, await CommentCountAsync());
        Assert.Equal(0, await app.DbAsync(db => db.BreakoutRooms.Where(r => r.Id == room).Select(r => r.NotesVersion).SingleAsync()));
        Assert.Equal("Still here.", (await expert.InvokeAsync<CommentView>("PostComment", Post(versionId, "Still here."))).Body);
        Assert.True((await noteTaker.InvokeAsync<NotesSaveResult>("SaveNotes", room, 0, new string('n', 150_000))).Saved);
    }

    [Theory]
    [InlineData("/hubs/review")]
    [InlineData("/hubs/room")]
    [InlineData("/hubs/translate")]
    public async Task A_frame_that_is_not_a_hub_message_closes_the_connection_with_a_sentence_saying_why(string path)
    {
        var cookie = await app.AuthCookieAsync("secretariat@demo.local");
        await using var notJson = await RawHubClient.ConnectAsync(app.Server, cookie, path);
        await using var noType = await RawHubClient.ConnectAsync(app.Server, cookie, path);
        await using var huge = await RawHubClient.ConnectAsync(app.Server, cookie, path);

        await notJson.SendAsync("hello\u001e");
        await noType.SendAsync("{\"target\":\"JoinVersion\",\"arguments\":[1,0]}\u001e");
        await huge.SendAsync(new string('x', 2_200_000));

        var shape = "; each message is a JSON object such as {\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinVersion\",\"arguments\":[7,0]} followed by the character 0x1E. The connection is closed.";
        Assert.Equal(Closed + "it is not JSON: 'h' is an invalid start of a value. (line 1, byte 1)" + shape, CloseError(await notJson.NextAsync()));
        Assert.Equal(Closed + "Missing required property 'type'" + shape, CloseError(await noType.NextAsync()));
        Assert.Equal(Closed + "it is over 2,097,152 bytes, the most any hub method accepts" + shape, CloseError(await huge.NextAsync()));
    }

    [Fact]
    public async Task Each_malformed_call_is_logged_once_without_a_stack_trace()
    {
        var log = new CapturedLog();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var (versionId, _) = await ConsultationDraftAsync(app);
        var cookie = await app.AuthCookieAsync("expert@demo.local");
        await using var expert = await HubTestClient.ConnectAsync(logged.Server, cookie);
        await using var raw = await RawHubClient.ConnectAsync(logged.Server, cookie, "/hubs/review");

        await RefusedAsync(expert, "JoinVersion", "abc", 0);
        await RefusedAsync(expert, "PostComment", Post(versionId, new string('x', 200_000)));
        await raw.SendAsync("hello\u001e");
        await raw.NextAsync();
        await expert.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);

        var lines = log.Lines.Where(l => l.Level >= LogLevel.Information && (l.Message.Contains("JoinVersion", StringComparison.Ordinal)
            || l.Message.Contains("PostComment", StringComparison.Ordinal) || l.Message.Contains("hello", StringComparison.Ordinal) || l.Message.Contains("not JSON", StringComparison.Ordinal) || l.Exception is not null)).ToList();
        Assert.Collection(lines,
            l => Assert.Equal("Hub call JoinVersion malformed: JoinVersion: The field versionId must be a whole number; \"abc\" was sent.", l.Message),
            l => Assert.Matches(@"^Hub call PostComment malformed: PostComment: the message is 200,\d{3} bytes; at most 131,072 are accepted\.$", l.Message),
            l => Assert.Equal("Hub message unreadable, connection closed: it is not JSON: 'h' is an invalid start of a value. (line 1, byte 1)", l.Message));
        Assert.All(lines, l => Assert.Null(l.Exception));
    }

    [Fact]
    public async Task API_bodies_that_do_not_bind_are_answered_naming_the_field_and_nothing_is_saved()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var expert = await app.SignInAsync("expert@demo.local");
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var before = await CommentCountAsync();
        var comments = $"/api/versions/{versionId}/comments";
        Task<HttpResponseMessage> PostRaw(HttpClient client, string path, string json) => client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        var bogusType = await PostRaw(expert, comments, $$"""{"clientId":"{{Guid.NewGuid()}}","anchor":"{{Anchor}}","type":"bogus","body":"Fine text."}""");
        var badId = await PostRaw(expert, comments, $$"""{"clientId":"not-a-uuid","anchor":"{{Anchor}}","type":"technical","body":"Fine text."}""");
        var numberBody = await PostRaw(expert, comments, $$"""{"clientId":"{{Guid.NewGuid()}}","anchor":"{{Anchor}}","type":"technical","body":12345}""");
        var notJson = await PostRaw(expert, comments, $$"""{"clientId":"{{Guid.NewGuid()}}","body": "Fine text.",""");
        var brokenText = await PostRaw(expert, comments, $$"""{"clientId":"{{Guid.NewGuid()}}","anchor":"{{Anchor}}","type":"technical","body":"half \ud83d"}""");
        var decision = await secretariat.PutAsync("/api/comments/1/disposition", new StringContent("""{"decision":"maybe"}""", Encoding.UTF8, "application/json"));

        Assert.All(new[] { bogusType, badId, numberBody, notJson, brokenText, decision }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("The field type must be one of general, technical, editorial; \"bogus\" was sent.", await ErrorOf(bogusType));
        Assert.Equal("The field clientId must be a UUID (such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301); \"not-a-uuid\" was sent.", await ErrorOf(badId));
        Assert.Equal("The field body must be text; 12345 was sent.", await ErrorOf(numberBody));
        Assert.Equal("The body is not valid JSON: Expected start of a property name or value, but instead reached end of data. (line 1, byte 72).", await ErrorOf(notJson));
        Assert.Equal("The field body holds a broken character (a lone surrogate in \"half \\ud83d\"); retype it or paste it again.", await ErrorOf(brokenText));
        Assert.Equal("The field decision must be one of accepted, acceptedInPart, notAccepted, noted, outOfScope; \"maybe\" was sent.", await ErrorOf(decision));
        Assert.Equal(before, await CommentCountAsync());
    }

    private static string CloseError(JsonElement record)
    {
        Assert.Equal(7, record.GetProperty("type").GetInt32());
        return record.GetProperty("error").GetString()!;
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly List<(string Category, LogLevel Level, string Message, Exception? Exception)> lines = [];

        public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Lines
        {
            get
            {
                lock (lines)
                {
                    return [.. lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log.lines)
                {
                    log.lines.Add((category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
