using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// Every change to comments, for the hub, the HTTP API and the pages alike. Each method checks
/// the caller and the input, refuses with a <see cref="RefusedException"/> (nothing saved),
/// or commits the change with its <see cref="CommentEvent"/> and then pushes it to the viewers.
/// A method returns only after the change is in the database.
/// </summary>
public sealed partial class CommentService(
    AppDbContext db,
    CommentViews views,
    ReviewBroadcaster broadcaster,
    PostingLimiter limiter,
    ConsultationService consultations,
    ReadAccess access,
    NotificationRecorder notifications,
    CarryForwardService carryForward,
    TimeProvider clock,
    ILogger<CommentService> logger)
{
    /// <summary>Posts a comment or reply; <c>Created</c> is false when this was a resend of one already saved.</summary>
    public async Task<(CommentView Comment, bool Created)> PostAsync(Caller caller, PostCommentInput input, CancellationToken ct)
    {
        if (input.ClientId == Guid.Empty)
        {
            throw RefusedException.Invalid("The submission has no client id; reload the page and try again.");
        }

        // A resend of something already saved (e.g. after a reconnect) answers with what was saved.
        if (await AlreadySavedAsync(caller, input, ct) is { } saved)
        {
            return (saved, false);
        }

        RequireWriter(caller);
        CheckText(input.Body, input.ProposedText);
        if (!Enum.IsDefined(input.Type))
        {
            throw RefusedException.Invalid("The comment type must be general, technical or editorial.");
        }

        limiter.AcquirePost(caller.UserId);

        // A comment posted from a breakout room is the meeting's own channel, outside the consultation windows
        // (the room itself is checked below).
        var version = await OpenVersionAsync(input.VersionId, caller, fromRoom: input.RoomId is not null, ct, adds: true);
        var language = await LanguageAsync(input, version, ct);
        var comment = new Comment
        {
            VersionId = version.Id,
            AuthorId = caller.UserId,
            ClientId = input.ClientId,
            Type = input.Type,
            Body = input.Body,
            BodyHtml = RenderBody(input.Body),
            ProposedText = string.IsNullOrWhiteSpace(input.ProposedText) ? null : input.ProposedText,
            Status = CommentStatus.Active,
            CreatedAt = Now,
            Language = language,
        };

        if (input.RoomId is { } roomId)
        {
            comment.RoomId = await RoomToPostFromAsync(caller, roomId, version, ct);
        }

        var parent = input.ParentId is { } parentId
            ? await ReplyToAsync(comment, parentId, version, ct)
            : null;
        if (parent is null)
        {
            await AnchorAsync(comment, input.Anchor, input.Quote, version, ct);
        }

        return await SaveNewAsync(caller, comment, parent, ct);
    }

    private async Task<CommentView?> AlreadySavedAsync(Caller caller, PostCommentInput input, CancellationToken ct)
    {
        var existing = await db.Comments.Where(c => c.AuthorId == caller.UserId && c.ClientId == input.ClientId)
            .Select(c => new { c.Id, c.VersionId, c.Body }).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }

        return existing.VersionId == input.VersionId && existing.Body == input.Body
            ? await views.OneAsync(existing.Id, caller.CanModerate, ct)
            : throw new RefusedException(RefusedBecause.Conflict, "This submission id was already used for a different comment; nothing was saved. Reload the page and write it again.");
    }

    /// <summary>Saves a new comment with its events in one transaction, then pushes it (and the thread it replies to).</summary>
    private async Task<(CommentView Comment, bool Created)> SaveNewAsync(Caller caller, Comment comment, Comment? parent, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Comments.Add(comment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Most likely the same submission arrived twice at once and the other one won.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await db.Comments.Where(c => c.AuthorId == caller.UserId && c.ClientId == comment.ClientId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (winner is null)
            {
                throw;
            }

            return (await views.OneAsync(winner.Value, caller.CanModerate, ct), false);
        }

        AddEvent(comment, CommentEventKind.Created, caller);

        // Made on an older version (kept open) after a newer one was published: carried forward now,
        // as publish-time carry-forward would have, so the newer drafts show it (pushed below).
        await carryForward.CarryLateAsync(comment, ct);
        if (parent is not null)
        {
            AddEvent(parent, CommentEventKind.Replied, caller);
            await notifications.ReplyAsync(parent, comment, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogPosted(comment.Id, comment.VersionId, caller.UserId);

        if (parent is not null)
        {
            await broadcaster.CommentChangedAsync(parent.Id);
        }

        var (full, redacted) = await broadcaster.CommentChangedAsync(comment.Id);
        return (caller.CanModerate ? full : redacted, true);
    }

    /// <summary>The language of the reading view the comment was written on (null: the version's own), refused when the guideline does not list it.</summary>
    private async Task<string?> LanguageAsync(PostCommentInput input, DraftVersion version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Language))
        {
            return null;
        }

        var languages = await db.Guidelines.Where(g => g.Id == version.GuidelineId).Select(g => g.Languages).SingleAsync(ct);
        var (language, problem) = CommentLanguage.Check(input.Language, version.Language,
            languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), quoted: input.Quote is not null && input.ParentId is null);
        return problem is null ? language : throw RefusedException.Invalid(problem);
    }

    /// <summary>
    /// The room a comment is posted from: it must discuss this version, and the caller be in it
    /// while it is open. Posts from a room are the meeting's own channel, outside the consultation windows.
    /// </summary>
    private async Task<int> RoomToPostFromAsync(Caller caller, int roomId, DraftVersion version, CancellationToken ct)
    {
        var room = await db.BreakoutRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.Id == roomId, ct)
            ?? throw RefusedException.NotFound($"Breakout room {roomId} does not exist.");
        if (!await db.MeetingOf(room.AgendaItemId).AnyAsync(m => m.VersionId == version.Id, ct))
        {
            throw RefusedException.Invalid($"That breakout room discusses another version, not v{version.Number}.");
        }

        var person = RoomPerson.Of(caller.UserId, room.Members.Select(m => m.UserId), room.ModeratorId, room.NoteTakerId, caller.Roles);
        if (!RoomAccess.Allows(person, RoomAction.Comment, room.IsOpen))
        {
            throw RefusedException.Forbidden(RoomAccess.Refusal(RoomAction.Comment, room.IsOpen));
        }

        return room.Id;
    }

    /// <summary>Makes <paramref name="reply"/> a reply in the thread of <paramref name="parentId"/> (one level, not to a withdrawn comment); returns the parent.</summary>
    private async Task<Comment> ReplyToAsync(Comment reply, int parentId, DraftVersion version, CancellationToken ct)
    {
        var parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == parentId && c.VersionId == version.Id, ct)
            ?? throw RefusedException.NotFound($"The comment you are replying to (#{parentId}) does not exist on v{version.Number}.");
        if (parent.ParentId is not null)
        {
            throw RefusedException.Invalid("Replies go to the comment that started the thread, not to another reply.");
        }

        if (parent.Status == CommentStatus.Withdrawn)
        {
            throw RefusedException.Invalid("That comment was withdrawn by its author, so it takes no replies.");
        }

        reply.ParentId = parent.Id;
        reply.BlockId = parent.BlockId;
        return parent;
    }

    /// <summary>Places a new comment on its block, and on a passage of it when a quote is given; it takes the block's section tags.</summary>
    private async Task AnchorAsync(Comment comment, string? anchorInput, QuoteInput? quote, DraftVersion version, CancellationToken ct)
    {
        var anchor = anchorInput?.Trim() ?? "";
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.VersionId == version.Id && b.Anchor == anchor, ct)
            ?? throw RefusedException.NotFound($"There is no paragraph '{Shorten(anchor)}' in v{version.Number}; reload the page to see the current text.");
        comment.BlockId = block.Id;
        if (quote is not null)
        {
            if (string.IsNullOrWhiteSpace(quote.Exact))
            {
                throw RefusedException.Invalid("The selected passage is empty; select some text, or comment on the whole paragraph.");
            }

            if (quote.Exact.Length > CommentRules.MaxQuote)
            {
                throw RefusedException.Invalid($"The selected passage is {quote.Exact.Length:N0} characters long; select at most {CommentRules.MaxQuote:N0}, or comment on the whole paragraph.");
            }

            var found = TextQuote.Locate(block.Text, quote.Exact, quote.Prefix, quote.Suffix, quote.Start)
                ?? LocateTyped(block.Text, quote.Exact);
            (comment.QuoteExact, comment.QuotePrefix, comment.QuoteSuffix, comment.QuoteStart, comment.QuoteEnd) =
                (found.Exact, found.Prefix, found.Suffix, found.Start, found.End);
        }

        // A comment inherits the thematic areas and principles of the section its block is in.
        comment.Tags.AddRange(await db.SectionTags.Where(t => t.SectionId == block.SectionId)
            .Select(t => new CommentTag { TermId = t.TermId }).ToListAsync(ct));
    }

    /// <summary>A passage typed rather than selected: the block's own words when it matches them but for white space, case, quotes or dashes.</summary>
    private static QuoteSelector LocateTyped(string blockText, string typed)
    {
        var match = PassageMatch.Find(blockText, typed);
        return (match.Exact is { } exact ? TextQuote.Locate(blockText, exact) : null)
            ?? throw RefusedException.Invalid(match.Nearest is { } nearest
                ? $"The passage “{Shorten(typed)}” is not in this paragraph. Did you mean “{nearest}”?"
                : "The passage you gave is not in this paragraph. Select the words in the text, or comment on the whole paragraph.");
    }

    public async Task<CommentView> EditAsync(Caller caller, EditCommentInput input, CancellationToken ct)
    {
        CheckText(input.Body, input.ProposedText);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            throw RefusedException.Invalid("Give the comment type: general, technical or editorial (an edit replaces type, text and proposed change).");
        }

        var comment = await FindAsync(input.CommentId, ct);
        if (comment.HiddenAt is not null)
        {
            throw new RefusedException(RefusedBecause.Conflict, "This comment is hidden by the secretariat and cannot be edited.");
        }

        await OpenVersionAsync(comment.VersionId, caller, fromRoom: false, ct);
        var hasReplies = await db.Comments.AnyAsync(c => c.ParentId == comment.Id, ct);
        var hasDisposition = await db.Dispositions.AnyAsync(d => d.CommentId == comment.Id, ct);
        if (CommentRules.CheckEditable(comment.AuthorId == caller.UserId, comment.Status, hasReplies, hasDisposition) is { } problem)
        {
            throw new RefusedException(comment.AuthorId == caller.UserId ? RefusedBecause.Conflict : RefusedBecause.Forbidden, problem);
        }

        if (comment.Body == input.Body && comment.ProposedText == NullIfBlank(input.ProposedText) && comment.Type == type)
        {
            return await views.OneAsync(comment.Id, caller.CanModerate, ct); // nothing changed: no history entry
        }

        limiter.AcquirePost(caller.UserId);
        db.CommentRevisions.Add(new CommentRevision
        {
            CommentId = comment.Id,
            Type = comment.Type,
            Body = comment.Body,
            ProposedText = comment.ProposedText,
            WrittenAt = comment.EditedAt ?? comment.CreatedAt,
        });
        comment.Type = type;
        comment.Body = input.Body;
        comment.BodyHtml = RenderBody(input.Body);
        comment.ProposedText = NullIfBlank(input.ProposedText);
        comment.EditedAt = Now;
        return await CommitAsync(comment, CommentEventKind.Edited, caller, null, ct);
    }

    public async Task<CommentView> WithdrawAsync(Caller caller, int commentId, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        var comment = await FindAsync(commentId, ct);
        await OpenVersionAsync(comment.VersionId, caller, fromRoom: false, ct);
        if (comment.AuthorId != caller.UserId)
        {
            throw RefusedException.Forbidden("Only the author can withdraw this comment.");
        }

        if (comment.Status == CommentStatus.Withdrawn)
        {
            return await views.OneAsync(comment.Id, caller.CanModerate, ct);
        }

        comment.Status = CommentStatus.Withdrawn;
        comment.WithdrawnAt = Now;
        return await CommitAsync(comment, CommentEventKind.Withdrawn, caller, null, ct);
    }

    public async Task<CommentView> SetSupportAsync(Caller caller, int commentId, bool support, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireWriter(caller);
        var comment = await FindAsync(commentId, ct);
        await OpenVersionAsync(comment.VersionId, caller, fromRoom: false, ct, adds: support);
        if (comment.AuthorId == caller.UserId)
        {
            throw RefusedException.Invalid("You cannot support your own comment.");
        }

        if (support && comment.Status == CommentStatus.Withdrawn)
        {
            throw RefusedException.Invalid("This comment was withdrawn by its author and cannot be supported.");
        }

        var existing = await db.CommentSupports.FirstOrDefaultAsync(s => s.CommentId == commentId && s.UserId == caller.UserId, ct);
        if (support == (existing is not null))
        {
            return await views.OneAsync(comment.Id, caller.CanModerate, ct); // already so: idempotent
        }

        if (support)
        {
            db.CommentSupports.Add(new CommentSupport { CommentId = commentId, UserId = caller.UserId, CreatedAt = Now });
        }
        else
        {
            db.CommentSupports.Remove(existing!);
        }

        return await CommitAsync(comment, support ? CommentEventKind.Supported : CommentEventKind.Unsupported, caller, null, ct);
    }

    public async Task<CommentView> HideAsync(Caller caller, int commentId, string? reason, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > CommentRules.MaxHideReason)
        {
            throw RefusedException.Invalid($"Give a reason for hiding the comment (1 to {CommentRules.MaxHideReason} characters); it is kept in the moderation log.");
        }

        var comment = await FindAsync(commentId, ct);
        if (comment.HiddenAt is not null)
        {
            throw new RefusedException(RefusedBecause.Conflict, "This comment is already hidden.");
        }

        comment.HiddenAt = Now;
        comment.HiddenById = caller.UserId;
        comment.HiddenReason = reason;
        return await CommitAsync(comment, CommentEventKind.Hidden, caller, reason, ct);
    }

    public async Task<CommentView> UnhideAsync(Caller caller, int commentId, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        var comment = await FindAsync(commentId, ct);
        if (comment.HiddenAt is null)
        {
            throw new RefusedException(RefusedBecause.Conflict, "This comment is not hidden.");
        }

        var reason = comment.HiddenReason;
        (comment.HiddenAt, comment.HiddenById, comment.HiddenReason) = (null, null, null);
        return await CommitAsync(comment, CommentEventKind.Unhidden, caller, $"was hidden: {reason}", ct);
    }

    public async Task<CommentView> SetDispositionAsync(Caller caller, DispositionInput input, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        return await DecideAsync(caller, input, keepAddressed: false, ct);
    }

    /// <summary>
    /// One decision for several comments in one step. Each comment is decided (or refused, with why)
    /// on its own, so one stale row does not hold back the rest; the summary says which was which.
    /// </summary>
    public async Task<BulkDispositionResult> SetDispositionsAsync(Caller caller, BulkDispositionInput input, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        var targets = (input.Comments ?? []).DistinctBy(c => c.CommentId).ToList();
        if (targets.Count == 0)
        {
            throw RefusedException.Invalid("Select at least one comment to apply the decision to.");
        }

        if (targets.Count > DispositionRules.MaxBulk)
        {
            throw RefusedException.Invalid($"{targets.Count:N0} comments were selected; at most {DispositionRules.MaxBulk:N0} can be decided in one step.");
        }

        var items = new List<BulkItem>();
        var changed = new List<CommentView>();
        foreach (var target in targets)
        {
            try
            {
                changed.Add(await DecideAsync(caller, new DispositionInput(target.CommentId, input.Decision, input.Observation, null, null, target.Expected), keepAddressed: true, ct));
                items.Add(new BulkItem(target.CommentId, null));
            }
            catch (RefusedException e)
            {
                db.ChangeTracker.Clear();
                items.Add(new BulkItem(target.CommentId, e.Message));
            }
        }

        var what = Enum.IsDefined(input.Decision) ? $"Recorded “{CommentNames.Of(input.Decision)}”" : "Recorded";
        return new BulkDispositionResult(DispositionRules.Summary(what, items), items, changed);
    }

    /// <summary>Sets a decided comment back to "not yet decided"; the history keeps what it was.</summary>
    public async Task<CommentView> ResetDispositionAsync(Caller caller, ResetDispositionInput input, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        var comment = await FindAsync(input.CommentId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CheckFreshAsync(comment.Id, input.Expected, ct);
        var disposition = await db.Dispositions.FirstOrDefaultAsync(d => d.CommentId == comment.Id, ct)
            ?? throw new RefusedException(RefusedBecause.Conflict, $"Comment #{comment.Id} is not decided yet, so there is nothing to reset.");
        db.Dispositions.Remove(disposition);
        return await CommitAsync(comment, CommentEventKind.DispositionReset, caller, $"was {CommentNames.Of(disposition.Decision)}", ct, transaction);
    }

    /// <summary>The latest decision (or reset) of a comment: who, what and when; null when it was never decided.</summary>
    public async Task<DecisionStamp?> LatestDecisionAsync(int commentId, CancellationToken ct) =>
        await (from e in db.CommentEvents
               where e.CommentId == commentId && (e.Kind == CommentEventKind.Disposed || e.Kind == CommentEventKind.DispositionReset)
               orderby e.Id descending
               join u in db.Users on e.ActorId equals u.Id into actors
               from u in actors.DefaultIfEmpty()
               select new DecisionStamp(e.Id, u == null ? "Someone" : u.DisplayName, e.Kind == CommentEventKind.Disposed ? e.Note : null, e.At))
            .FirstOrDefaultAsync(ct);

    private async Task CheckFreshAsync(int commentId, long? expected, CancellationToken ct)
    {
        if (expected is not null && DispositionRules.CheckFresh(expected, await LatestDecisionAsync(commentId, ct)) is { } stale)
        {
            throw new RefusedException(RefusedBecause.Conflict, stale);
        }
    }

    private async Task<CommentView> DecideAsync(Caller caller, DispositionInput input, bool keepAddressed, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Decision))
        {
            throw RefusedException.Invalid("Choose a decision: accepted, accepted in part, not accepted, noted or out of scope.");
        }

        var observation = input.Observation?.Trim() ?? "";
        if (observation.Length > CommentRules.MaxObservation)
        {
            throw RefusedException.Invalid($"The observation is {observation.Length:N0} characters long; at most {CommentRules.MaxObservation:N0} are allowed.");
        }

        var comment = await FindAsync(input.CommentId, ct);
        if (comment.ParentId is not null)
        {
            throw RefusedException.Invalid("Decisions are recorded on the comment that started the thread, not on replies.");
        }

        int? addressedVersionId = null;
        string? addressedAnchor = null;
        if (input.AddressedVersionNumber is { } number)
        {
            var own = await db.DraftVersions.Where(v => v.Id == comment.VersionId).Select(v => new { v.GuidelineId, v.Number }).SingleAsync(ct);
            addressedVersionId = await db.DraftVersions.Where(v => v.GuidelineId == own.GuidelineId && v.Number == number).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct)
                ?? throw RefusedException.NotFound($"There is no v{number} of this guideline to point to.");
            if (DispositionRules.CheckAddressedIn(own.Number, number) is { } older)
            {
                throw RefusedException.Invalid(older);
            }

            addressedAnchor = input.AddressedAnchor?.Trim();
            if (!string.IsNullOrEmpty(addressedAnchor) && !await db.Blocks.AnyAsync(b => b.VersionId == addressedVersionId && b.Anchor == addressedAnchor, ct))
            {
                throw RefusedException.NotFound($"There is no paragraph '{Shorten(addressedAnchor)}' in v{number}.");
            }

            addressedAnchor = string.IsNullOrEmpty(addressedAnchor) ? null : addressedAnchor;
        }
        else if (!string.IsNullOrWhiteSpace(input.AddressedAnchor))
        {
            throw RefusedException.Invalid("Say which version the paragraph is in.");
        }

        // The check and the write hold SQLite's write lock together, so two colleagues saving at
        // the same moment are serialised: the second one sees the first one's decision and is refused.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CheckFreshAsync(comment.Id, input.Expected, ct);
        var disposition = await db.Dispositions.FirstOrDefaultAsync(d => d.CommentId == comment.Id, ct);
        if (disposition is null)
        {
            disposition = new Disposition { CommentId = comment.Id };
            db.Dispositions.Add(disposition);
        }

        disposition.Decision = input.Decision;
        disposition.Observation = observation;
        if (!keepAddressed)
        {
            disposition.AddressedVersionId = addressedVersionId;
            disposition.AddressedAnchor = addressedAnchor;
        }

        disposition.DecidedById = caller.UserId;
        disposition.DecidedAt = Now;
        await notifications.DecisionAsync(comment, disposition, ct);
        return await CommitAsync(comment, CommentEventKind.Disposed, caller, CommentNames.Of(input.Decision), ct, transaction);
    }

    public async Task<CommentView> RetagAsync(Caller caller, RetagInput input, CancellationToken ct)
    {
        limiter.AcquireAction(caller.UserId);
        RequireModerator(caller);
        var comment = await FindAsync(input.CommentId, ct);
        var guidelineId = await db.DraftVersions.Where(v => v.Id == comment.VersionId).Select(v => v.GuidelineId).SingleAsync(ct);
        var terms = await db.GuidelineTerms.Where(t => t.GuidelineId == guidelineId).ToListAsync(ct);
        var wanted = new List<GuidelineTerm>();
        if (input.Areas is null || input.Principles is null)
        {
            throw RefusedException.Invalid("Give both lists, areas and principles (an empty list removes those tags).");
        }

        foreach (var (keys, kind, what) in new[] { (input.Areas, Core.Content.TaxonomyKind.ThematicArea, "thematic area"), (input.Principles, Core.Content.TaxonomyKind.Principle, "principle") })
        {
            foreach (var key in keys)
            {
                wanted.Add(terms.FirstOrDefault(t => t.Kind == kind && t.Key == key)
                    ?? throw RefusedException.Invalid($"'{Shorten(key)}' is not a {what} of this guideline."));
            }
        }

        db.CommentTags.RemoveRange(await db.CommentTags.Where(t => t.CommentId == comment.Id).ToListAsync(ct));
        db.CommentTags.AddRange(wanted.DistinctBy(t => t.Id).Select(t => new CommentTag { CommentId = comment.Id, TermId = t.Id }));
        return await CommitAsync(comment, CommentEventKind.Retagged, caller, string.Join(", ", wanted.Select(t => t.Key)), ct);
    }

    public async Task<CommentHistory> HistoryAsync(Caller caller, int commentId, CancellationToken ct)
    {
        var comment = await FindAsync(commentId, ct);
        if (caller.IsPublicOnly && !await access.CanReadVersionAsync(Reader.PublicParticipant, comment.VersionId, ct))
        {
            throw RefusedException.NotFound($"Comment #{commentId} does not exist.");
        }

        if (!caller.CanModerate && comment.AuthorId != caller.UserId && comment.HiddenAt is not null)
        {
            throw RefusedException.Forbidden("This comment is hidden; its history is for the secretariat.");
        }

        var revisions = await db.CommentRevisions.Where(r => r.CommentId == commentId).OrderBy(r => r.Id)
            .Select(r => new RevisionView(r.Type, r.Body, r.ProposedText, r.WrittenAt)).ToListAsync(ct);
        var events = await db.CommentEvents.Where(e => e.CommentId == commentId).OrderBy(e => e.Id)
            .Join(db.Users, e => e.ActorId, u => u.Id, (e, u) => new { e.Kind, u.DisplayName, e.Note, e.At })
            .ToListAsync(ct);
        return new CommentHistory(
            commentId,
            revisions,
            events.Select(e => new EventView(e.Kind.ToString(), e.DisplayName, caller.CanModerate ? e.Note : null, e.At)).ToList());
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<CommentView> CommitAsync(Comment comment, CommentEventKind kind, Caller caller, string? note, CancellationToken ct,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null)
    {
        AddEvent(comment, kind, caller, note);
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Two people (or two tabs) made the first decision or support at the same moment: the
            // other one won. Nothing of this request was saved; say so rather than fail obscurely.
            db.ChangeTracker.Clear();
            throw new RefusedException(RefusedBecause.Conflict, "Someone changed this comment at the same moment. Nothing was saved; look at it again and retry.");
        }

        var (full, redacted) = await broadcaster.CommentChangedAsync(comment.Id);
        return caller.CanModerate ? full : redacted;
    }

    private void AddEvent(Comment comment, CommentEventKind kind, Caller caller, string? note = null) =>
        db.CommentEvents.Add(new CommentEvent { VersionId = comment.VersionId, CommentId = comment.Id, Kind = kind, ActorId = caller.UserId, Note = note, At = Now });

    private async Task<Comment> FindAsync(int commentId, CancellationToken ct) =>
        await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct)
            ?? throw RefusedException.NotFound($"Comment #{commentId} does not exist.");

    /// <summary>
    /// The version, if the caller may write comments on it now: not final, and inside one of its
    /// consultation windows for the caller's stakeholder group (when it has windows). Checked at
    /// every call on the injected clock, so a window closes for the hub and the API at the same instant.
    /// New content (<paramref name="adds"/>: a comment, reply or support) is also refused on a superseded
    /// version the secretariat has not kept open, from a room too; editing and withdrawing one's own is not.
    /// </summary>
    private async Task<DraftVersion> OpenVersionAsync(int versionId, Caller caller, bool fromRoom, CancellationToken ct, bool adds = false)
    {
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || (caller.IsPublicOnly && !await access.CanReadVersionAsync(Reader.PublicParticipant, versionId, ct)))
        {
            throw RefusedException.NotFound($"Draft version {versionId} does not exist.");
        }

        if (CommentRules.CheckVersionOpen(version.Status, version.Number) is { } problem)
        {
            throw new RefusedException(RefusedBecause.ReadOnly, problem);
        }

        if (adds && Supersession.Check(await consultations.SupersessionAsync(version.Id, ct)) is { } superseded)
        {
            throw new RefusedException(RefusedBecause.ReadOnly, superseded.Message, code: Supersession.ErrorCode);
        }

        // Public participants were never invited to a room, so posting "from a room" exempts them from nothing.
        if ((!fromRoom || caller.IsPublicOnly) && await consultations.StateAsync(caller, version.Id, version.Number, ct) is { Refusal: { } refusal })
        {
            throw new RefusedException(refusal.Kind is RefusalKind.Closed or RefusalKind.NotYetOpen ? RefusedBecause.ReadOnly : RefusedBecause.Forbidden, refusal.Message);
        }

        return version;
    }

    private static void RequireWriter(Caller caller)
    {
        if (!caller.CanWrite)
        {
            throw RefusedException.Forbidden("Your role can read drafts but not comment on them.");
        }
    }

    private static void RequireModerator(Caller caller)
    {
        if (!caller.CanModerate)
        {
            throw RefusedException.Forbidden("Only the secretariat can do this.");
        }
    }

    private static void CheckText(string? body, string? proposedText)
    {
        if ((CommentRules.CheckBody(body) ?? CommentRules.CheckProposedText(proposedText)) is { } problem)
        {
            throw RefusedException.Invalid(problem);
        }
    }

    private static string RenderBody(string body)
    {
        try
        {
            return SafeMarkdown.ToHtml(body, CommentRules.MaxBody);
        }
        catch (MarkdownRejectedException e)
        {
            throw RefusedException.Invalid(e.Message);
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} posted on version {VersionId} by {UserId}")]
    private partial void LogPosted(int commentId, int versionId, string userId);
}
