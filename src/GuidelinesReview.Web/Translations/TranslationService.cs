using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// Saving, submitting, reviewing and discussing translations, for the translation hub. Every call
/// checks the caller's languages on the server (<see cref="TranslationAccess"/>); a refused call
/// changes nothing. Two translators saving one segment never overwrite each other: a save made on
/// an older revision is kept in the history and answered with the newer text, as room notes are.
/// </summary>
public sealed class TranslationService(AppDbContext db, TranslationAccess access, TranslationReader reader, GlossaryService glossary, NotificationRecorder notifications, IHubContext<TranslationHub, ITranslationClient> hub, TimeProvider clock)
{
    public const int MaxText = 20_000;
    public const int MaxReason = 1_000;
    public const int MaxComment = 4_000;

    /// <summary>One person's saves this close together make one history entry (autosave runs every few seconds of typing).</summary>
    public static readonly TimeSpan OneSaveWithin = TimeSpan.FromMinutes(2);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TranslationSaveResult> SaveAsync(Caller caller, int versionId, string language, string segmentId, string text, int baseRevision, bool submit, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, versionId, language, ct);
        if (!target.Rights.CanTranslate)
        {
            throw RefusedException.Forbidden($"You are not assigned to translate {target.Language.EnglishName} ({target.Language.Code}); the secretariat can add it to your profile.");
        }

        text = Readable(Checked(text, MaxText, "The translation"));
        if (submit && text.Trim().Length == 0)
        {
            throw RefusedException.Invalid("An empty translation cannot be offered for review: write it first.");
        }

        var segment = await SegmentAsync(versionId, segmentId, ct);
        var language_ = target.Language.Code;
        var row = await db.Translations.SingleOrDefaultAsync(t => t.VersionId == versionId && t.Language == language_ && t.SegmentId == segmentId, ct);
        if ((row?.Revision ?? 0) != baseRevision)
        {
            return await ConflictAsync(caller, row, text, versionId, language_, segment, ct);
        }

        var state = submit ? TranslationState.Translated : TranslationState.Draft;
        if (row is not null && row.Text == text && row.State == state && row.TranslatorId == caller.UserId)
        {
            return new TranslationSaveResult(true, await ViewAsync(row.Id, segment, ct), null);
        }

        if (row is null)
        {
            row = new Translation { VersionId = versionId, Language = language_, SegmentId = segment.Id, BlockAnchor = segment.BlockAnchor };
            db.Translations.Add(row);
        }

        if (row.SourceHash != segment.Hash)
        {
            row.ApprovedText = null; // approved for an English that has changed since: not what readers should see
        }

        row.Text = text;
        row.State = state;
        row.SourceText = segment.Source;
        row.SourceHash = segment.Hash;
        row.TranslatorId = caller.UserId;
        row.TranslatedAt = Now;
        row.RejectReason = null;
        row.EditorialChange = false;
        row.WaivedChecks = null;
        row.WaiverReason = null;
        row.Revision++;
        row.UpdatedAt = Now;

        var kind = submit ? TranslationEventKind.Submitted : TranslationEventKind.Saved;
        var latest = row.Id == 0 ? null : await db.TranslationEvents.Where(e => e.TranslationId == row.Id).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (latest is { Kind: TranslationEventKind.Saved } && kind == TranslationEventKind.Saved && latest.ActorId == caller.UserId && Now - latest.At < OneSaveWithin)
        {
            (latest.Text, latest.At) = (text, Now);
        }
        else
        {
            row.Events.Add(new TranslationEvent { Kind = kind, State = state, Text = text, ActorId = caller.UserId, At = Now });
        }

        if (submit)
        {
            await notifications.TranslationToReviewAsync(versionId, language_, caller.UserId, 1, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same segment at the same moment (the revision is a concurrency token).
            db.ChangeTracker.Clear();
            var current = await db.Translations.SingleOrDefaultAsync(t => t.VersionId == versionId && t.Language == language_ && t.SegmentId == segmentId, ct);
            return await ConflictAsync(caller, current, text, versionId, language_, segment, ct);
        }

        return await ChangedAsync(row, segment, caller, ct);
    }

    public async Task<TranslationView> ApproveAsync(Caller caller, int versionId, string language, string segmentId, int revision, string? waiverReason, CancellationToken ct)
    {
        var (row, segment, target) = await ForReviewAsync(caller, versionId, language, segmentId, revision, ct);
        if (row.State is not (TranslationState.Translated or TranslationState.Outdated))
        {
            throw new RefusedException(RefusedBecause.Conflict, row.State == TranslationState.Approved
                ? "This translation is already approved."
                : $"Only a translation waiting for review (or outdated) can be approved; this one is {TranslationStates.Name(row.State).ToLowerInvariant()}.");
        }

        List<TranslationIssue> blocking;
        try
        {
            blocking = TranslationChecks.Check(segment.Source, row.Text, target.Language.Code, await GlossaryAsync(target.Version.GuidelineId, ct))
                .Where(i => i.Severity == CheckSeverity.Blocking)
                .ToList();
        }
        catch (MarkdownRejectedException e)
        {
            throw RefusedException.Invalid($"{e.Message} The translation must be revised before it can be approved.");
        }

        waiverReason = string.IsNullOrWhiteSpace(waiverReason) ? null : Checked(waiverReason, MaxReason, "The reason for waiving the checks").Trim();
        if (blocking.Count > 0 && waiverReason is null)
        {
            throw RefusedException.Invalid(
                $"The translation fails {(blocking.Count == 1 ? "a check that blocks" : $"{blocking.Count} checks that block")} approval: {string.Join(" ", blocking.Select(i => i.Message))} Fix it, or approve with a reason to waive {(blocking.Count == 1 ? "it" : "them")}.");
        }

        row.State = TranslationState.Approved;
        row.ApprovedText = row.Text;
        (row.SourceText, row.SourceHash) = (segment.Source, segment.Hash);
        (row.ReviewerId, row.ReviewedAt, row.RejectReason) = (caller.UserId, Now, null);
        (row.WaivedChecks, row.WaiverReason) = blocking.Count > 0 ? (string.Join(',', blocking.Select(i => i.Code).Distinct()), waiverReason) : (null, null);
        return await ReviewedAsync(row, segment, caller, TranslationEventKind.Approved, row.WaiverReason is null ? null : $"Checks waived ({row.WaivedChecks}): {row.WaiverReason}", ct);
    }

    public async Task<TranslationView> RejectAsync(Caller caller, int versionId, string language, string segmentId, int revision, string reason, CancellationToken ct)
    {
        reason = Checked(reason, MaxReason, "The reason").Trim();
        if (reason.Length == 0)
        {
            throw RefusedException.Invalid("Say why the translation is rejected, so that its translator can revise it.");
        }

        var (row, segment, _) = await ForReviewAsync(caller, versionId, language, segmentId, revision, ct);
        if (row.State is not (TranslationState.Translated or TranslationState.Outdated))
        {
            throw new RefusedException(RefusedBecause.Conflict,
                $"Only a translation waiting for review (or outdated) can be rejected; this one is {TranslationStates.Name(row.State).ToLowerInvariant()}.");
        }

        row.State = TranslationState.Rejected;
        (row.ReviewerId, row.ReviewedAt, row.RejectReason) = (caller.UserId, Now, reason);
        return await ReviewedAsync(row, segment, caller, TranslationEventKind.Rejected, reason, ct);
    }

    public async Task<TranslationCommentView> CommentAsync(Caller caller, int versionId, string language, string segmentId, string body, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, versionId, language, ct);
        body = Checked(body, MaxComment, "The comment").Trim();
        if (body.Length == 0)
        {
            throw RefusedException.Invalid("Write the comment first.");
        }

        var segment = await SegmentAsync(versionId, segmentId, ct);
        var comment = new TranslationComment { VersionId = versionId, Language = target.Language.Code, SegmentId = segment.Id, AuthorId = caller.UserId, Body = body, CreatedAt = Now };
        db.TranslationComments.Add(comment);
        await db.SaveChangesAsync(ct);
        var view = new TranslationCommentView(comment.Id, comment.SegmentId, await NameAsync(caller.UserId, ct), comment.Body, comment.CreatedAt);
        await hub.Clients.Group(TranslationGroups.Of(versionId, target.Language.Code)).TranslationCommented(versionId, target.Language.Code, view);
        return view;
    }

    /// <summary>Every event of a segment's translation, newest first, through the versions it was carried from.</summary>
    public async Task<IReadOnlyList<TranslationEventView>> HistoryAsync(Caller caller, int versionId, string language, string segmentId, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, versionId, language, ct);
        var events = new List<TranslationEventView>();
        var id = await db.Translations.Where(t => t.VersionId == versionId && t.Language == target.Language.Code && t.SegmentId == segmentId).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        for (var hops = 0; id is { } current && hops < 100; hops++)
        {
            var row = await db.Translations.AsNoTracking().Where(t => t.Id == current).Select(t => new { t.CarriedFromId, t.Version.Number }).SingleAsync(ct);
            events.AddRange(await db.TranslationEvents.AsNoTracking().Where(e => e.TranslationId == current).OrderByDescending(e => e.Id)
                .Select(e => new TranslationEventView(e.Kind.ToString(), e.State, e.Text, e.Note, e.Actor == null ? null : e.Actor.DisplayName, e.At, row.Number))
                .ToListAsync(ct));
            id = row.CarriedFromId;
        }

        return events;
    }

    /// <summary>The translation of one segment as the workspace shows it (issues and source diff included).</summary>
    public async Task<TranslationView> ViewAsync(int translationId, SourceSegment segment, CancellationToken ct)
    {
        var row = await db.Translations.AsNoTracking().Include(t => t.Translator).Include(t => t.Reviewer).Include(t => t.Version).SingleAsync(t => t.Id == translationId, ct);
        return View(row, segment, await GlossaryAsync(row.Version.GuidelineId, ct));
    }

    public static TranslationView View(Translation row, SourceSegment segment, IReadOnlyList<GlossaryEntry> glossary) => new(
        row.SegmentId,
        row.Text,
        row.State,
        row.Revision,
        row.TranslatorId,
        row.Translator?.DisplayName,
        row.TranslatedAt,
        row.Reviewer?.DisplayName,
        row.ReviewedAt,
        row.RejectReason,
        row.ApprovedText,
        row.EditorialChange,
        row.WaivedChecks,
        row.WaiverReason,
        row.SourceHash == segment.Hash ? null : WordDiff.Compare(row.SourceText, segment.Source),
        IssuesOf(segment, row, glossary));

    /// <summary>
    /// The checks of a stored translation. Saves refuse text the checks cannot read (<see cref="Readable"/>);
    /// one stored before that, or loaded from a file, is shown without issues rather than failing the page.
    /// </summary>
    private static IReadOnlyList<TranslationIssue> IssuesOf(SourceSegment segment, Translation row, IReadOnlyList<GlossaryEntry> glossary)
    {
        if (row.Text.Trim().Length == 0)
        {
            return [];
        }

        try
        {
            return TranslationChecks.Check(segment.Source, row.Text, row.Language, glossary);
        }
        catch (MarkdownRejectedException)
        {
            return [];
        }
    }

    /// <summary>The guideline's glossary as the checks need it.</summary>
    public async Task<IReadOnlyList<GlossaryEntry>> GlossaryAsync(int guidelineId, CancellationToken ct) =>
        (await glossary.EntriesAsync(guidelineId, ct)).Select(t => t.Entry).ToList();

    private async Task<(Translation Row, SourceSegment Segment, TranslationTarget Target)> ForReviewAsync(Caller caller, int versionId, string language, string segmentId, int revision, CancellationToken ct)
    {
        var target = await access.OpenAsync(caller, versionId, language, ct);
        if (!target.Rights.CanReview)
        {
            throw RefusedException.Forbidden($"You may not review {target.Language.EnglishName} ({target.Language.Code}); the secretariat decides who reviews each language.");
        }

        var segment = await SegmentAsync(versionId, segmentId, ct);
        var row = await db.Translations.SingleOrDefaultAsync(t => t.VersionId == versionId && t.Language == target.Language.Code && t.SegmentId == segmentId, ct)
            ?? throw RefusedException.NotFound($"'{segmentId}' has no {target.Language.EnglishName} translation to review yet.");
        if (row.TranslatorId == caller.UserId)
        {
            throw RefusedException.Forbidden($"You wrote this translation: another reviewer of {target.Language.EnglishName} must review it.");
        }

        if (row.Revision != revision)
        {
            throw new RefusedException(RefusedBecause.Conflict, "The translation changed since you opened it: read the new text, then review it.");
        }

        return (row, segment, target);
    }

    private async Task<TranslationView> ReviewedAsync(Translation row, SourceSegment segment, Caller caller, TranslationEventKind kind, string? note, CancellationToken ct)
    {
        row.Revision++;
        row.UpdatedAt = Now;
        row.Events.Add(new TranslationEvent { Kind = kind, State = row.State, Text = row.Text, Note = note, ActorId = caller.UserId, At = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedException(RefusedBecause.Conflict, "Someone saved this translation at the same moment: read the new text, then review it.");
        }

        return (await ChangedAsync(row, segment, caller, ct)).Current!;
    }

    private async Task<TranslationSaveResult> ChangedAsync(Translation row, SourceSegment segment, Caller caller, CancellationToken ct)
    {
        var view = await ViewAsync(row.Id, segment, ct);
        await hub.Clients.Group(TranslationGroups.Of(row.VersionId, row.Language)).TranslationChanged(row.VersionId, row.Language, view, caller.UserId);
        return new TranslationSaveResult(true, view, null);
    }

    private async Task<TranslationSaveResult> ConflictAsync(Caller caller, Translation? current, string text, int versionId, string language, SourceSegment segment, CancellationToken ct)
    {
        if (current is null)
        {
            return new TranslationSaveResult(false, null, "This segment has no saved translation any more. Nothing was overwritten: save yours again.");
        }

        // Nothing lost: the save that came too late is kept in the history.
        db.ChangeTracker.Clear();
        db.TranslationEvents.Add(new TranslationEvent { TranslationId = current.Id, Kind = TranslationEventKind.Conflict, State = current.State, Text = text, Note = "Saved on an older revision; kept here.", ActorId = caller.UserId, At = Now });
        await db.SaveChangesAsync(ct);
        var view = await ViewAsync(current.Id, segment, ct);
        var who = view.TranslatorId == caller.UserId ? "You saved it in another tab or window" : $"{view.Translator ?? "Someone"} saved it";
        return new TranslationSaveResult(false, view, $"{who} while you were typing. Nothing was overwritten: both texts are shown; keep one, or merge them, and save again.");
    }

    private async Task<SourceSegment> SegmentAsync(int versionId, string segmentId, CancellationToken ct) =>
        (await reader.BlocksAsync(versionId, ct)).SelectMany(b => b.Segments).FirstOrDefault(s => s.Id == segmentId)
        ?? throw RefusedException.NotFound($"This version has no segment '{segmentId}' to translate.");

    private Task<string> NameAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);

    /// <summary>
    /// Text the platform's Markdown reader refuses (nested too deeply) would fail the checks, the
    /// workspace and the localized version: it is refused before it is saved, with the reader's sentence.
    /// </summary>
    private static string Readable(string text)
    {
        try
        {
            _ = SafeMarkdown.Parse(text.TrimStart(), MaxText);
        }
        catch (MarkdownRejectedException e)
        {
            throw RefusedException.Invalid(e.Message);
        }

        return text;
    }

    private static string Checked(string? text, int max, string what)
    {
        text ??= "";
        if (text.Length > max)
        {
            throw RefusedException.Invalid($"{what} is {text.Length:N0} characters long; at most {max:N0} are accepted.");
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
