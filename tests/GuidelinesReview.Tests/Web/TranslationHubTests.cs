using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuidelinesReview.Tests.Web.TranslationEvents;
using TranslationPresenceChanged = GuidelinesReview.Tests.Web.TranslationEvents.PresenceChanged;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The translation workspace's rules through real connections to /hubs/translate: who may save and
/// review, saving and submitting, approving (not one's own, not past the blocking checks without a
/// waiver), rejecting with a reason, conflicting saves, and what the others see live.
/// Demo accounts: translator@ (Tomás) and translator2@ (Fanny) translate and review French,
/// translator3@ (Sofía) Spanish only.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TranslationHubTests(AppFactory app)
{
    private const string Fr = TestTranslations.French;
    private const string Text = "Les villes doivent associer leurs habitants à chaque étape.";

    private static Task<TranslationSaveResult> SaveAsync(HubTestClient who, int versionId, string segment, string text, int baseRevision, bool submit = false) =>
        who.InvokeAsync<TranslationSaveResult>("SaveTranslation", versionId, Fr, segment, text, baseRevision, submit);

    /// <summary>Saved and submitted by <paramref name="who"/>: the revision it waits for review at.</summary>
    private static async Task<TranslationView> SubmittedAsync(HubTestClient who, int versionId, string segment, string text)
    {
        var result = await SaveAsync(who, versionId, segment, text, 0, submit: true);
        Assert.True(result.Saved, result.Conflict);
        return result.Current!;
    }

    [Fact]
    public async Task A_translator_without_the_language_is_refused_with_a_sentence_and_nothing_is_saved()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var sofia = await app.TranslatorAsync("translator3", joinLanguage: null);
        await using var tomas = await app.TranslatorAsync("translator");

        var join = await Assert.ThrowsAsync<HubError>(() => sofia.InvokeAsync("JoinWorkspace", versionId, Fr));
        var save = await Assert.ThrowsAsync<HubError>(() => SaveAsync(sofia, versionId, segment, Text, 0, submit: true));
        var comment = await Assert.ThrowsAsync<HubError>(() => sofia.InvokeAsync("Comment", versionId, Fr, segment, "Bonjour"));
        var unknown = await Assert.ThrowsAsync<HubError>(() => sofia.InvokeAsync("JoinWorkspace", versionId, "xx"));

        const string Refusal = "You are not assigned to translate French (fr). Ask the secretariat to add it to the languages on your profile.";
        Assert.Equal(Refusal, join.Message);
        Assert.Equal(Refusal, save.Message);
        Assert.Equal(Refusal, comment.Message);
        Assert.StartsWith("'xx' is not a language 'Guidelines on People-Centred Smart Cities' is translated into; its target languages are Arabic (ar), Chinese (zh), French (fr), Russian (ru), Spanish (es).", unknown.Message, StringComparison.Ordinal);
        Assert.Null(await app.StoredTranslationAsync(versionId, segment));
        var sofiaId = await app.UserIdAsync("translator3");
        Assert.Equal(0, await app.DbAsync(db => db.TranslationComments.CountAsync(c => c.AuthorId == sofiaId)));
        Assert.DoesNotContain(await tomas.ReceivedSoFarAsync(), e => e is TranslationChanged or TranslationCommented);
    }

    [Fact]
    public async Task Saving_makes_a_draft_that_others_see_and_submitting_offers_it_for_review()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        await using var sofia = await app.TranslatorAsync("translator3", joinLanguage: "es");

        var draft = await SaveAsync(tomas, versionId, segment, "Les villes doivent", 0);
        var seenDraft = await fanny.NextAsync<TranslationChanged>(e => e.Translation.SegmentId == segment);
        var submitted = await SaveAsync(tomas, versionId, segment, Text, draft.Current!.Revision, submit: true);
        var seenSubmitted = await fanny.NextAsync<TranslationChanged>(e => e.Translation.SegmentId == segment && e.Translation.State == TranslationState.Translated);

        Assert.True(draft.Saved);
        Assert.Equal((TranslationState.Draft, 1, "Tomás Translator"), (draft.Current.State, draft.Current.Revision, draft.Current.Translator));
        Assert.Equal((versionId, Fr, "Les villes doivent", await app.UserIdAsync("translator")), (seenDraft.VersionId, seenDraft.Language, seenDraft.Translation.Text, seenDraft.ByUserId));
        Assert.True(submitted.Saved, submitted.Conflict);
        Assert.Equal((TranslationState.Translated, 2, Text), (submitted.Current!.State, submitted.Current.Revision, submitted.Current.Text));
        Assert.Equal(submitted.Current.Revision, seenSubmitted.Translation.Revision);
        var stored = await app.StoredTranslationAsync(versionId, segment);
        Assert.Equal((TranslationState.Translated, Text, 2), (stored!.State, stored.Text, stored.Revision));
        Assert.DoesNotContain(await sofia.ReceivedSoFarAsync(), e => e is TranslationChanged); // Spanish is another workspace
    }

    [Fact]
    public async Task A_second_translator_approves_and_the_author_may_not_approve_their_own()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var waiting = await SubmittedAsync(tomas, versionId, segment, Text);

        var own = await Assert.ThrowsAsync<HubError>(() => tomas.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, waiting.Revision, null));
        var unchanged = await app.StoredTranslationAsync(versionId, segment);
        var approved = await fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, waiting.Revision, null);
        var seen = await tomas.NextAsync<TranslationChanged>(e => e.Translation.SegmentId == segment && e.Translation.State == TranslationState.Approved);
        var again = await Assert.ThrowsAsync<HubError>(() => fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, approved.Revision, null));

        Assert.Equal("You wrote this translation: another reviewer of French must review it.", own.Message);
        Assert.Equal((TranslationState.Translated, waiting.Revision, null), (unchanged!.State, unchanged.Revision, unchanged.ApprovedText));
        Assert.Equal((TranslationState.Approved, "Fanny Translator", Text, "Tomás Translator"), (approved.State, approved.Reviewer, approved.ApprovedText, approved.Translator));
        Assert.Equal((approved.Revision, await app.UserIdAsync("translator2")), (seen.Translation.Revision, seen.ByUserId));
        Assert.Equal("This translation is already approved.", again.Message);
        Assert.Equal(Text, (await app.ScopedAsync(sp => sp.GetRequiredService<TranslationReader>().ApprovedAsync(versionId, Fr, CancellationToken.None)))[segment]);
    }

    [Fact]
    public async Task A_review_on_a_revision_that_has_changed_since_is_refused()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var read = await SubmittedAsync(tomas, versionId, segment, Text);
        var revised = await SaveAsync(tomas, versionId, segment, Text + " Toutes.", read.Revision, submit: true);

        var stale = await Assert.ThrowsAsync<HubError>(() => fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, read.Revision, null));

        Assert.Equal("The translation changed since you opened it: read the new text, then review it.", stale.Message);
        Assert.Equal(TranslationState.Translated, (await app.StoredTranslationAsync(versionId, segment))!.State);
        Assert.Equal(TranslationState.Approved, (await fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, revised.Current!.Revision, null)).State);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_translator_sees()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var waiting = await SubmittedAsync(tomas, versionId, segment, Text);

        var empty = await Assert.ThrowsAsync<HubError>(() => fanny.InvokeAsync<TranslationView>("Reject", versionId, Fr, segment, waiting.Revision, ""));
        var blank = await Assert.ThrowsAsync<HubError>(() => fanny.InvokeAsync<TranslationView>("Reject", versionId, Fr, segment, waiting.Revision, "  \n "));
        var unchanged = await app.StoredTranslationAsync(versionId, segment);
        var rejected = await fanny.InvokeAsync<TranslationView>("Reject", versionId, Fr, segment, waiting.Revision, "  « Habitants », pas « citoyens ».  ");
        var seen = await tomas.NextAsync<TranslationChanged>(e => e.Translation.SegmentId == segment && e.Translation.State == TranslationState.Rejected);

        const string NeedsReason = "Say why the translation is rejected, so that its translator can revise it.";
        Assert.Equal((NeedsReason, NeedsReason), (empty.Message, blank.Message));
        Assert.Equal((TranslationState.Translated, waiting.Revision), (unchanged!.State, unchanged.Revision));
        Assert.Equal((TranslationState.Rejected, "« Habitants », pas « citoyens »."), (rejected.State, rejected.RejectReason));
        Assert.Equal(("Fanny Translator", "« Habitants », pas « citoyens »."), (seen.Translation.Reviewer, seen.Translation.RejectReason));
    }

    [Fact]
    public async Task Approving_a_translation_that_uses_a_forbidden_glossary_variant_is_refused_unless_waived_with_a_reason()
    {
        // s4.2-p1 of the sample: Fanny wrote "transformation digitale" on v2 (the glossary wants
        // "transformation numérique"); it waits for review on v3 too.
        const string Segment = "s4.2-p1";
        var versionId = await app.VersionIdAsync();
        await using var tomas = await app.TranslatorAsync("translator");
        var before = await app.StoredTranslationAsync(versionId, Segment);
        Assert.NotNull(before);
        Assert.Contains("transformation digitale", before.Text, StringComparison.Ordinal);
        Assert.Equal(await app.UserIdAsync("translator2"), before.TranslatorId);

        var refused = await Assert.ThrowsAsync<HubError>(() => tomas.InvokeAsync<TranslationView>("Approve", versionId, Fr, Segment, before.Revision, null));
        var blankWaiver = await Assert.ThrowsAsync<HubError>(() => tomas.InvokeAsync<TranslationView>("Approve", versionId, Fr, Segment, before.Revision, "   "));
        var unchanged = await app.StoredTranslationAsync(versionId, Segment);
        var waived = await tomas.InvokeAsync<TranslationView>("Approve", versionId, Fr, Segment, before.Revision, "The term is quoted from a national law.");

        // The preferred "transformation numérique" is missing and the forbidden variant is there: two checks.
        Assert.StartsWith("The translation fails 2 checks that block approval: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("transformation digitale", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("Fix it, or approve with a reason to waive them.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Message, blankWaiver.Message);
        Assert.Equal((before.State, before.Revision, before.ApprovedText), (unchanged!.State, unchanged.Revision, unchanged.ApprovedText));
        Assert.Equal(TranslationState.Approved, waived.State);
        Assert.Equal(("glossary-missing,glossary-forbidden", "The term is quoted from a national law."), (waived.WaivedChecks, waived.WaiverReason));
        Assert.Contains(waived.Issues, i => i.Code == TranslationCheckCodes.GlossaryForbidden && i.Severity == CheckSeverity.Blocking);
        var history = await tomas.InvokeAsync<List<TranslationEventView>>("History", versionId, Fr, Segment);
        Assert.Equal(("Approved", "Checks waived (glossary-missing,glossary-forbidden): The term is quoted from a national law."), (history[0].Kind, history[0].Note));
        Assert.Contains(history, e => e.VersionNumber == 2 && e.Kind == "Imported");
    }

    [Fact]
    public async Task A_single_blocking_check_is_named_as_one_and_the_waiver_keeps_its_code()
    {
        const string NoNumber = "Les villes publient leurs données chaque année.";
        var versionId = await app.VersionIdAsync();
        var segment = (await app.UntranslatedAsync(1, NoNumber, issues: found => found.Count(i => i.Severity == CheckSeverity.Blocking) == 1
            && found.Any(i => i.Code == TranslationCheckCodes.NumberMissing))).Single().Id;
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var waiting = await SubmittedAsync(tomas, versionId, segment, NoNumber);

        var refused = await Assert.ThrowsAsync<HubError>(() => fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, waiting.Revision, null));
        var waived = await fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, waiting.Revision, "The year is said in words.");

        Assert.StartsWith("The translation fails a check that blocks approval: ", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("Fix it, or approve with a reason to waive it.", refused.Message, StringComparison.Ordinal);
        Assert.Equal((TranslationState.Approved, TranslationCheckCodes.NumberMissing), (waived.State, waived.WaivedChecks));
    }

    [Fact]
    public async Task Two_translators_saving_one_segment_on_the_same_revision_never_overwrite_each_other()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        await using var secretariat = await app.TranslatorAsync("secretariat");
        var revision = 0; // the first round races two inserts, the others two updates
        var losers = new List<string>();

        for (var i = 0; i < 8; i++)
        {
            var (byTomas, byFanny) = ($"Tomás, tour {i}", $"Fanny, tour {i}");
            var results = await Task.WhenAll(SaveAsync(tomas, versionId, segment, byTomas, revision), SaveAsync(fanny, versionId, segment, byFanny, revision));

            var saved = Assert.Single(results, r => r.Saved);
            var lost = Assert.Single(results, r => !r.Saved);
            var (winner, loser) = saved.Current!.Text == byTomas ? (byTomas, byFanny) : (byFanny, byTomas);
            Assert.Equal((winner, saved.Current.Revision), (lost.Current!.Text, lost.Current.Revision));
            Assert.EndsWith("saved it while you were typing. Nothing was overwritten: both texts are shown; keep one, or merge them, and save again.", lost.Conflict, StringComparison.Ordinal);
            var stored = await app.StoredTranslationAsync(versionId, segment);
            Assert.Equal((winner, saved.Current.Revision), (stored!.Text, stored.Revision));
            var history = await tomas.InvokeAsync<List<TranslationEventView>>("History", versionId, Fr, segment);
            Assert.Contains(history, e => e.Kind == "Conflict" && e.Text == loser);
            losers.Add(loser);
            await secretariat.NextAsync<TranslationChanged>(e => e.Translation.SegmentId == segment && e.Translation.Text == winner);
            revision = saved.Current.Revision;
        }

        var pushed = (await secretariat.ReceivedSoFarAsync()).OfType<TranslationChanged>().Where(e => e.Translation.SegmentId == segment).Select(e => e.Translation.Text);
        Assert.Empty(pushed.Intersect(losers));
    }

    [Fact]
    public async Task A_conflict_names_who_saved_first_and_keeps_the_late_text_in_the_history()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var first = await SaveAsync(fanny, versionId, segment, "Le texte de Fanny", 0);

        var late = await SaveAsync(tomas, versionId, segment, "Le texte de Tomás", 0);
        var ownOtherTab = await SaveAsync(fanny, versionId, segment, "Fanny, autre onglet", 0);

        Assert.False(late.Saved);
        Assert.Equal(("Le texte de Fanny", first.Current!.Revision), (late.Current!.Text, late.Current.Revision));
        Assert.Equal("Fanny Translator saved it while you were typing. Nothing was overwritten: both texts are shown; keep one, or merge them, and save again.", late.Conflict);
        Assert.StartsWith("You saved it in another tab or window while you were typing.", ownOtherTab.Conflict, StringComparison.Ordinal);
        var history = await fanny.InvokeAsync<List<TranslationEventView>>("History", versionId, Fr, segment);
        Assert.Equal(["Conflict", "Conflict", "Saved"], history.Select(e => e.Kind));
        Assert.Equal(("Fanny, autre onglet", "Fanny Translator"), (history[0].Text, history[0].Actor));
        Assert.Equal(("Le texte de Tomás", "Tomás Translator"), (history[1].Text, history[1].Actor));
        Assert.Equal("Le texte de Fanny", (await app.StoredTranslationAsync(versionId, segment))!.Text);
    }

    [Fact]
    public async Task The_approved_text_stays_for_readers_while_its_translator_revises_it_until_it_is_approved_again()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        const string Revised = "Les villes doivent associer tous leurs habitants à chaque étape.";
        await using var tomas = await app.TranslatorAsync("translator");
        await using var fanny = await app.TranslatorAsync("translator2");
        var waiting = await SubmittedAsync(tomas, versionId, segment, Text);
        var approved = await fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, waiting.Revision, null);
        Task<Dictionary<string, string>> ReadersSeeAsync() => app.ScopedAsync(sp => sp.GetRequiredService<TranslationReader>().ApprovedAsync(versionId, Fr, CancellationToken.None));

        var editing = await SaveAsync(tomas, versionId, segment, Revised, approved.Revision);
        var whileEditing = (await ReadersSeeAsync())[segment];
        var resubmitted = await SaveAsync(tomas, versionId, segment, Revised, editing.Current!.Revision, submit: true);
        var whileWaiting = (await ReadersSeeAsync())[segment];
        var reapproved = await fanny.InvokeAsync<TranslationView>("Approve", versionId, Fr, segment, resubmitted.Current!.Revision, null);

        Assert.Equal((TranslationState.Draft, Revised, Text), (editing.Current.State, editing.Current.Text, editing.Current.ApprovedText));
        Assert.Equal((Text, Text), (whileEditing, whileWaiting));
        Assert.Equal((TranslationState.Approved, Revised), (reapproved.State, reapproved.ApprovedText));
        Assert.Equal(Revised, (await ReadersSeeAsync())[segment]);
    }

    [Fact]
    public async Task Joining_names_your_rights_and_the_people_there_and_the_others_see_you_come_and_go()
    {
        var versionId = await app.VersionIdAsync();
        await using var fanny = await app.TranslatorAsync("translator2");
        await using var secretariat = await HubTestClient.ConnectAsync(app.Server, await app.AuthCookieAsync("secretariat@demo.local"), path: "/hubs/translate");

        var joined = await secretariat.InvokeAsync<WorkspaceJoined>("JoinWorkspace", versionId, Fr);
        var seen = await fanny.NextAsync<TranslationPresenceChanged>(e => e.People.Any(p => p.Name == "Sam Secretariat"));
        await secretariat.DisposeAsync();
        var left = await fanny.NextAsync<TranslationPresenceChanged>(e => e.People.All(p => p.Name != "Sam Secretariat"));

        Assert.Equal(new TranslationRights(CanView: true, CanTranslate: false, CanReview: false), joined.Rights);
        Assert.Contains(joined.People, p => p.Name == "Fanny Translator" && p.Role == "Reviewer");
        Assert.Equal((versionId, Fr), (seen.VersionId, seen.Language));
        Assert.Contains(seen.People, p => p.Name == "Sam Secretariat" && p.Role == "Secretariat");
        Assert.Contains(left.People, p => p.Name == "Fanny Translator");
    }

    [Fact]
    public async Task A_review_comment_reaches_everyone_in_the_workspace_and_the_secretariat_may_read_but_not_translate()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");
        await using var secretariat = await app.TranslatorAsync("secretariat");

        var comment = await secretariat.InvokeAsync<TranslationCommentView>("Comment", versionId, Fr, segment, "  Merci de vérifier le terme.  ");
        var seen = await tomas.NextAsync<TranslationCommented>(e => e.Comment.Id == comment.Id);
        var save = await Assert.ThrowsAsync<HubError>(() => SaveAsync(secretariat, versionId, segment, Text, 0));

        Assert.Equal(("Sam Secretariat", "Merci de vérifier le terme.", segment), (seen.Comment.Author, seen.Comment.Body, seen.Comment.SegmentId));
        Assert.Equal("You are not assigned to translate French (fr); the secretariat can add it to your profile.", save.Message);
        Assert.Null(await app.StoredTranslationAsync(versionId, segment));
    }

    [Fact]
    public async Task A_translation_the_platform_could_not_read_is_refused_before_it_is_saved_and_the_workspace_still_opens()
    {
        var versionId = await app.VersionIdAsync();
        var segment = await app.UntranslatedIdAsync(Text);
        await using var tomas = await app.TranslatorAsync("translator");

        var deep = await Assert.ThrowsAsync<HubError>(() => SaveAsync(tomas, versionId, segment, new string('>', 200) + " trop profond", 0));
        var page = await (await app.SignInAsync("translator@demo.local")).GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/3/translate/fr");

        Assert.Equal("The text has lists or quotes nested 200 levels deep (line 1); at most 48 levels are accepted.", deep.Message);
        Assert.Null(await app.StoredTranslationAsync(versionId, segment));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
