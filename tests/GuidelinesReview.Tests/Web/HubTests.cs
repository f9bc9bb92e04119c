using System.Text.Json;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>The review hub through real WebSocket connections to the test server.</summary>
[Collection(AppCollection.Name)]
public sealed class HubTests(AppFactory app)
{
    private Task<int> CommentCountAsync() => app.DbAsync(db => db.Comments.CountAsync());

    [Fact]
    public async Task A_comment_posted_by_one_expert_reaches_another_viewer_with_its_passage()
    {
        var (versionId, text) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        await using var elias = await app.HubAsync("expert2@demo.local");
        await esi.InvokeAsync("JoinVersion", versionId, 0);
        var joined = await elias.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var quote = QuoteOf(text, 10, 25);

        var posted = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "Say **who** decides.", quote: quote, proposed: "A better sentence."));
        var seen = (await elias.NextAsync<CommentChanged>(e => e.Comment.Id == posted.Id)).Comment;

        Assert.True(joined.CanWrite);
        Assert.Equal(posted.Id, seen.Id);
        Assert.Equal(Anchor, seen.Anchor);
        Assert.Equal("Esi Expert", seen.Author.Name);
        Assert.Equal(CommentType.Technical, seen.Type);
        Assert.Contains("<strong>who</strong>", seen.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("A better sentence.", seen.ProposedText);
        Assert.Equal(quote.Exact, seen.Quote!.Exact);
        Assert.Equal((10, 35), (seen.Quote.Start, seen.Quote.End));
        Assert.Equal(quote.Prefix, seen.Quote.Prefix);
        Assert.NotEmpty(seen.Principles); // inherited from the block's section
        Assert.True(seen.Seq > joined.Seq);
    }

    [Fact]
    public async Task Viewers_see_who_else_is_viewing()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var observer = await app.HubAsync("observer@demo.local");
        await observer.InvokeAsync("JoinVersion", versionId, 0);
        await using var translator = await app.HubAsync("translator@demo.local");

        await translator.InvokeAsync("JoinVersion", versionId, 0);

        var viewers = await observer.NextAsync<PresenceChanged>(e => e.People.Any(v => v.Name == "Tomás Translator"));
        Assert.Contains(viewers.People, v => v.Name == "Olu Observer" && v.Role == "Observer");
        await translator.DisposeAsync();
        await observer.NextAsync<PresenceChanged>(e => e.People.All(v => v.Name != "Tomás Translator"));
    }

    [Fact]
    public async Task Resending_a_submission_with_the_same_client_id_never_creates_a_duplicate()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var input = Post(versionId, "Sent twice because the connection dropped.");
        var before = await CommentCountAsync();

        var first = await esi.InvokeAsync<CommentView>("PostComment", input);
        var second = await esi.InvokeAsync<CommentView>("PostComment", input);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(before + 1, await CommentCountAsync());
    }

    [Fact]
    public async Task A_reconnecting_client_catches_up_on_what_it_missed_from_its_last_seq()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var lastSeen = (await esi.InvokeAsync<JoinResult>("JoinVersion", versionId, 0)).Seq;
        await esi.DisposeAsync(); // Esi's connection drops

        await using var elias = await app.HubAsync("expert2@demo.local");
        var missed = await elias.InvokeAsync<CommentView>("PostComment", Post(versionId, "Posted while Esi was away."));
        await using var back = await app.HubAsync("expert@demo.local");
        var caughtUp = await back.InvokeAsync<JoinResult>("JoinVersion", versionId, lastSeen);

        Assert.Contains(caughtUp.Comments, c => c.Id == missed.Id);
        Assert.All(caughtUp.Comments, c => Assert.True(c.Seq > lastSeen));
        Assert.True(caughtUp.Seq >= missed.Seq);
    }

    public static TheoryData<string, Func<int, string, PostCommentInput>, string> InvalidPosts() => new()
    {
        { "empty body", (v, _) => Post(v, "   "), "Write something: the comment is empty." },
        { "body too long", (v, _) => Post(v, new string('a', 10_001)), "The comment is 10,001 characters long; at most 10,000 are allowed." },
        { "proposed change too long", (v, _) => Post(v, proposed: new string('b', 10_001)), "The proposed change is 10,001 characters long; at most 10,000 are allowed." },
        { "unknown anchor", (v, _) => Post(v, anchor: "s99.9-p9"), "There is no paragraph 's99.9-p9' in v3" },
        { "quote not in block", (v, _) => Post(v, quote: new QuoteInput("words that are not in this paragraph", null, null, null)), "The passage you gave is not in this paragraph." },
        { "typo in a typed quote", (v, text) => Post(v, quote: new QuoteInput(Typo(text[10..40]), null, null, null)), "Did you mean “" },
        { "empty quote", (v, _) => Post(v, quote: new QuoteInput("  ", null, null, null)), "The selected passage is empty" },
        { "unknown type", (v, _) => Post(v, type: (CommentType)42), "The comment type must be general, technical or editorial." },
        { "reply to a missing comment", (v, _) => Post(v, parentId: 987654), "The comment you are replying to (#987654) does not exist on v3." },
        { "no client id", (v, _) => Post(v) with { ClientId = Guid.Empty }, "The submission has no client id" },
        { "unknown version", (_, _) => Post(987654), "Draft version 987654 does not exist." },
        { "deeply nested markdown", (v, _) => Post(v, new string('>', 60) + " x"), "nested" },
    };

    /// <summary>The passage with one letter changed, as someone typing it might.</summary>
    private static string Typo(string passage) => passage[..5] + (passage[5] == 'x' ? 'y' : 'x') + passage[6..];

    [Fact]
    public async Task A_typed_passage_is_matched_ignoring_case_and_white_space_and_stored_with_the_blocks_words()
    {
        var (versionId, text) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var exact = text[10..40].Trim();
        var typed = "  " + exact.ToUpperInvariant().Replace(" ", "   \n") + " ";

        var posted = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "On the typed words.", quote: new QuoteInput(typed, null, null, null)));

        Assert.Equal(exact, posted.Quote!.Exact);
        Assert.Equal(text.IndexOf(exact, StringComparison.Ordinal), posted.Quote.Start);
    }

    [Theory]
    [MemberData(nameof(InvalidPosts))]
    public async Task Each_invalid_comment_is_refused_with_its_own_message_and_nothing_is_saved(string _, Func<int, string, PostCommentInput> make, string message)
    {
        var (versionId, text) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var before = await CommentCountAsync();

        var error = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", make(versionId, text)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CommentCountAsync());
    }

    [Fact]
    public async Task An_observer_can_view_but_not_comment_reply_or_support()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var target = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "Something to support."));
        await using var observer = await app.HubAsync("observer@demo.local");
        var joined = await observer.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var before = await CommentCountAsync();

        var post = await Assert.ThrowsAsync<HubError>(() => observer.InvokeAsync("PostComment", Post(versionId)));
        var reply = await Assert.ThrowsAsync<HubError>(() => observer.InvokeAsync("PostComment", Post(versionId, parentId: target.Id)));
        var support = await Assert.ThrowsAsync<HubError>(() => observer.InvokeAsync("SetSupport", target.Id, true));

        Assert.False(joined.CanWrite);
        Assert.Equal("Your role can read drafts but not comment on them.", joined.ReadOnlyReason);
        Assert.All(new[] { post, reply, support }, e => Assert.Equal("Your role can read drafts but not comment on them.", e.Message));
        Assert.Equal(before, await CommentCountAsync());
        Assert.False(await app.DbAsync(db => db.CommentSupports.AnyAsync(s => s.CommentId == target.Id)));
    }

    [Fact]
    public async Task Without_signing_in_the_hub_cannot_be_reached()
    {
        var negotiate = await Assert.ThrowsAnyAsync<Exception>(() => HubTestClient.ConnectAsync(app.Server, cookie: null));
        var webSocket = await Assert.ThrowsAnyAsync<Exception>(() => HubTestClient.ConnectAsync(app.Server, cookie: null, skipNegotiation: true));

        Assert.Contains("401", negotiate.Message, StringComparison.Ordinal);
        Assert.Contains("401", webSocket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_opened_from_another_site_is_refused()
    {
        var cookie = await app.AuthCookieAsync("expert@demo.local");

        var negotiate = await Assert.ThrowsAnyAsync<Exception>(() => HubTestClient.ConnectAsync(app.Server, cookie, origin: "https://evil.example"));
        var webSocket = await Assert.ThrowsAnyAsync<Exception>(() => HubTestClient.ConnectAsync(app.Server, cookie, origin: "https://evil.example", skipNegotiation: true));
        await using var sameSite = await HubTestClient.ConnectAsync(app.Server, cookie, origin: "http://localhost");

        Assert.Contains("403", negotiate.Message, StringComparison.Ordinal);
        Assert.Contains("403", webSocket.Message, StringComparison.Ordinal);
        var joined = await sameSite.InvokeAsync<JoinResult>("JoinVersion", (await ConsultationDraftAsync(app)).VersionId, 0);
        Assert.True(joined.CanWrite);
    }

    [Fact]
    public async Task Replies_support_and_edits_follow_the_rules_and_are_pushed_live()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        await using var elias = await app.HubAsync("expert2@demo.local");
        await esi.InvokeAsync("JoinVersion", versionId, 0);
        await elias.InvokeAsync("JoinVersion", versionId, 0);
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "First wording."));

        var edited = await esi.InvokeAsync<CommentView>("EditComment", new EditCommentInput(comment.Id, CommentType.Editorial, "Second wording.", null));
        var notMine = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("EditComment", new EditCommentInput(comment.Id, CommentType.General, "Hijacked.", null)));
        var ownSupport = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("SetSupport", comment.Id, true));
        await elias.InvokeAsync("SetSupport", comment.Id, true);
        var supported = (await esi.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.Supporters.Count == 1)).Comment;
        var reply = await elias.InvokeAsync<CommentView>("PostComment", Post(versionId, "I agree.", parentId: comment.Id));
        var replyToReply = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", Post(versionId, "Nested.", parentId: reply.Id)));
        var afterReply = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("EditComment", new EditCommentInput(comment.Id, CommentType.General, "Third wording.", null)));
        var parentSeen = (await esi.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.ReplyCount == 1)).Comment;
        var history = await esi.InvokeAsync<CommentHistory>("GetHistory", comment.Id);

        Assert.Equal("Second wording.", edited.Body);
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(1, edited.RevisionCount);
        Assert.Equal("First wording.", Assert.Single(history.Revisions).Body);
        Assert.Equal("Only the author can change this comment.", notMine.Message);
        Assert.Equal("You cannot support your own comment.", ownSupport.Message);
        Assert.Equal("Elias Expert", Assert.Single(supported.Supporters).Name);
        Assert.Equal(comment.Id, reply.ParentId);
        Assert.Equal(Anchor, reply.Anchor);
        Assert.Equal("Replies go to the comment that started the thread, not to another reply.", replyToReply.Message);
        Assert.Equal("This comment has replies, so it can no longer be edited; add a reply instead.", afterReply.Message);
        Assert.Equal("Second wording.", await app.DbAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.Body).SingleAsync()));
        Assert.Equal(1, parentSeen.ReplyCount);
    }

    [Fact]
    public async Task A_withdrawn_comment_stays_visible_as_withdrawn()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "I take this back."));
        await using var elias = await app.HubAsync("expert2@demo.local");

        var notMine = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("WithdrawComment", comment.Id));
        var withdrawn = await esi.InvokeAsync<CommentView>("WithdrawComment", comment.Id);
        var list = await elias.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);

        Assert.Equal("Only the author can withdraw this comment.", notMine.Message);
        Assert.Equal(CommentStatus.Withdrawn, withdrawn.Status);
        var seen = Assert.Single(list.Comments, c => c.Id == comment.Id);
        Assert.Equal((CommentStatus.Withdrawn, "I take this back."), (seen.Status, seen.Body));
    }

    [Fact]
    public async Task Hiding_redacts_the_comment_for_readers_keeps_it_for_the_secretariat_and_is_logged_and_reversible()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        await using var elias = await app.HubAsync("expert2@demo.local");
        await using var sam = await app.HubAsync("secretariat@demo.local");
        await elias.InvokeAsync("JoinVersion", versionId, 0);
        await sam.InvokeAsync("JoinVersion", versionId, 0);
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "An off-topic advertisement."));
        var reply = await elias.InvokeAsync<CommentView>("PostComment", Post(versionId, "A reply that stays.", parentId: comment.Id));

        var refused = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("HideComment", comment.Id, "I do not like it"));
        var noReason = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("HideComment", comment.Id, " "));
        await sam.InvokeAsync("HideComment", comment.Id, "Advertising");
        var readerView = (await elias.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.Hidden is not null)).Comment;
        var secretariatView = (await sam.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.Hidden is not null)).Comment;
        var readerList = await elias.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
        var unhidden = await sam.InvokeAsync<CommentView>("UnhideComment", comment.Id);
        var history = await sam.InvokeAsync<CommentHistory>("GetHistory", comment.Id);

        Assert.Equal("Only the secretariat can do this.", refused.Message);
        Assert.StartsWith("Give a reason for hiding the comment", noReason.Message, StringComparison.Ordinal);
        Assert.Null(readerView.Body);
        Assert.Null(readerView.BodyHtml);
        Assert.Null(readerView.Hidden!.Reason);
        Assert.Equal("An off-topic advertisement.", secretariatView.Body);
        Assert.Equal("Advertising", secretariatView.Hidden!.Reason);
        Assert.Null(Assert.Single(readerList.Comments, c => c.Id == comment.Id).Body);
        Assert.Equal("A reply that stays.", Assert.Single(readerList.Comments, c => c.Id == reply.Id).Body);
        Assert.Null(unhidden.Hidden);
        Assert.Equal(["Created", "Replied", "Hidden", "Unhidden"], history.Events.Select(e => e.Kind));
        Assert.Equal("Advertising", history.Events.Single(e => e.Kind == "Hidden").Note);
    }

    [Fact]
    public async Task The_secretariat_records_a_disposition_that_the_author_sees_live()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        await esi.InvokeAsync("JoinVersion", versionId, 0);
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "Please define 'people-centred'."));
        await using var sam = await app.HubAsync("secretariat@demo.local");

        var byExpert = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "ok", null, null)));
        var ownVersion = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "Done.", 3, "s2.1-p2")));
        var badVersion = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.Accepted, "Done.", 9, null)));
        await sam.InvokeAsync("SetDisposition", new DispositionInput(comment.Id, Decision.AcceptedInPart, "Definition expanded.", null, null));
        var seen = (await esi.NextAsync<CommentChanged>(e => e.Comment.Id == comment.Id && e.Comment.Disposition is not null)).Comment;
        var edit = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("EditComment", new EditCommentInput(comment.Id, CommentType.General, "Changed after the decision.", null)));

        Assert.Equal("Only the secretariat can do this.", byExpert.Message);
        Assert.StartsWith("v3 is the comment's own version", ownVersion.Message, StringComparison.Ordinal);
        Assert.Equal("There is no v9 of this guideline to point to.", badVersion.Message);
        Assert.Equal((Decision.AcceptedInPart, "Accepted in part", "Definition expanded.", (int?)null, (string?)null),
            (seen.Disposition!.Decision, seen.Disposition.DecisionName, seen.Disposition.Observation, seen.Disposition.AddressedVersion, seen.Disposition.AddressedAnchor));
        Assert.StartsWith("The secretariat has recorded a decision", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_can_retag_a_comment_with_the_guideline_terms_only()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "This is really about data."));
        await using var sam = await app.HubAsync("secretariat@demo.local");

        var unknown = await Assert.ThrowsAsync<HubError>(() => sam.InvokeAsync("RetagComment", new RetagInput(comment.Id, ["nonsense"], [])));
        var retagged = await sam.InvokeAsync<CommentView>("RetagComment", new RetagInput(comment.Id, ["infrastructure"], ["data", "transparency"]));

        Assert.Equal("'nonsense' is not a thematic area of this guideline.", unknown.Message);
        Assert.Equal(["infrastructure"], retagged.Areas);
        Assert.Equal(["transparency", "data"], retagged.Principles); // in the guideline's order
    }

    [Fact]
    public async Task A_full_length_comment_in_a_three_byte_script_goes_through()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var body = new string('城', 10_000); // 30 KB of UTF-8, and as much again proposed
        var proposed = new string('市', 10_000);
        var posted = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, body, proposed: proposed));
        var joined = await esi.InvokeAsync<JoinResult>("JoinVersion", versionId, 0); // the same connection, still usable
        var stored = await app.DbAsync(db => db.Comments.Where(c => c.Id == posted.Id).Select(c => new { c.Body, c.ProposedText }).SingleAsync());

        Assert.Equal(10_000, posted.Body!.Length);
        Assert.Equal((body, proposed), (stored.Body, stored.ProposedText));
        var listed = Assert.Single(joined.Comments, c => c.Id == posted.Id);
        Assert.Equal((body, proposed), (listed.Body, listed.ProposedText));
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, esi.State);
    }

    [Fact]
    public async Task An_open_connection_loses_its_rights_when_the_account_is_demoted()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        var email = $"demoted-hub-{Guid.NewGuid():N}"[..24] + "@example.org";
        await app.CreateUserAsync(email, "demoted-password-2", GuidelinesReview.Core.Accounts.Roles.Secretariat);
        await using var hub = await app.HubAsync(email, "demoted-password-2");
        await hub.InvokeAsync("JoinVersion", versionId, 0);
        var userId = await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        await app.ScopedAsync(sp => sp.GetRequiredService<GuidelinesReview.Web.Accounts.AccountService>().SetRolesAsync("test", userId, [GuidelinesReview.Core.Accounts.Roles.Observer]));
        var refused = await Assert.ThrowsAsync<HubError>(() => hub.InvokeAsync("PostComment", Post(versionId, "Posted after demotion.")));

        Assert.Equal("Your account changed or you signed out elsewhere. Reload the page to continue.", refused.Message);
        Assert.False(await app.DbAsync(db => db.Comments.AnyAsync(c => c.Body == "Posted after demotion.")));

        // The refused connection is out of the version's groups: what others post no longer reaches it.
        await using var esi = await app.HubAsync("expert@demo.local");
        await esi.InvokeAsync("JoinVersion", versionId, 0);
        await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "Posted by someone else after the demotion."));
        Assert.DoesNotContain(await hub.ReceivedSoFarAsync(), e => e is CommentChanged { Comment.Body: "Posted by someone else after the demotion." });
    }

    [Fact]
    public async Task A_hidden_comment_stays_redacted_on_every_path_and_cannot_be_edited()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        await using var elias = await app.HubAsync("expert2@demo.local");
        var since = (await elias.InvokeAsync<JoinResult>("JoinVersion", versionId, 0)).Seq;
        var comment = await esi.InvokeAsync<CommentView>("PostComment", Post(versionId, "Something to hide on every path."));
        await using var sam = await app.HubAsync("secretariat@demo.local");
        await sam.InvokeAsync("HideComment", comment.Id, "Personal data");

        var catchUp = await elias.InvokeAsync<JoinResult>("JoinVersion", versionId, since);
        var api = await (await app.SignInAsync("expert2@demo.local")).GetStringAsync($"/api/versions/{versionId}/comments?since={since}");
        var apiList = JsonDocument.Parse(api).RootElement.GetProperty("comments").Deserialize<List<CommentView>>(HubTestClient.Json)!;
        var history = await Assert.ThrowsAsync<HubError>(() => elias.InvokeAsync("GetHistory", comment.Id));
        var edit = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("EditComment", new EditCommentInput(comment.Id, CommentType.General, "Edited while hidden.", null)));

        Assert.Null(Assert.Single(catchUp.Comments, c => c.Id == comment.Id).Body);
        var overHttp = Assert.Single(apiList, c => c.Id == comment.Id); // there, so a page catching up redacts what it showed
        Assert.Equal(((string?)null, (string?)null), (overHttp.Body, overHttp.BodyHtml));
        Assert.NotNull(overHttp.Hidden);
        Assert.DoesNotContain("Something to hide", api, StringComparison.Ordinal);
        Assert.Contains("hidden; its history is for the secretariat", history.Message, StringComparison.Ordinal);
        Assert.Equal("This comment is hidden by the secretariat and cannot be edited.", edit.Message);
    }

    [Fact]
    public async Task A_client_id_reused_for_different_text_is_refused()
    {
        var (versionId, _) = await ConsultationDraftAsync(app);
        await using var esi = await app.HubAsync("expert@demo.local");
        var first = Post(versionId, "The first text.");
        await esi.InvokeAsync("PostComment", first);

        var reused = await Assert.ThrowsAsync<HubError>(() => esi.InvokeAsync("PostComment", first with { Body = "Another text." }));

        Assert.StartsWith("This submission id was already used for a different comment", reused.Message, StringComparison.Ordinal);
    }
}
