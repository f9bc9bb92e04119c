using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Meetings;

/// <summary>
/// Every change in a breakout room, checked against <see cref="RoomAccess"/> on the server and
/// refused with a <see cref="RefusedException"/> (nothing saved), then pushed to the room.
/// </summary>
public sealed class RoomService(AppDbContext db, RoomBroadcaster broadcaster, PostingLimiter limiter, BlockPlaces places, TimeProvider clock)
{
    public const int MaxNotes = 200_000;

    /// <summary>
    /// The largest hub message a room must accept: notes of <see cref="MaxNotes"/> characters in UTF-8
    /// JSON, where one character takes up to 6 bytes (a control character written as \u0001), and the call around them.
    /// </summary>
    public const long MaxNotesMessageBytes = 6L * MaxNotes + 16 * 1024;

    /// <summary>
    /// One person's saves this close together make one revision: autosave runs about once a second
    /// of typing and each revision holds the whole notes, so keeping every save would store
    /// megabytes a minute; the history keeps each person's stretch of editing instead.
    /// </summary>
    public static readonly TimeSpan OneRevisionWithin = TimeSpan.FromMinutes(2);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The room, and who the caller is to it; refuses people who may not enter.</summary>
    public async Task<(BreakoutRoom Room, RoomPerson Person)> EnterAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var room = await db.BreakoutRooms.Include(r => r.Members).FirstOrDefaultAsync(r => r.Id == roomId, ct)
            ?? throw RefusedException.NotFound($"Breakout room {roomId} does not exist.");
        var person = RoomPerson.Of(caller.UserId, room.Members.Select(m => m.UserId), room.ModeratorId, room.NoteTakerId, caller.Roles);
        Require(person, RoomAction.Enter, room);
        return (room, person);
    }

    public async Task<RoomState> StateAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        return await StateAsync(room, person, ct);
    }

    public async Task<RoomState> StateAsync(BreakoutRoom room, RoomPerson person, CancellationToken ct) => new(
        room.Id, room.IsOpen, room.FocusAnchor, room.TimerEndsAt, room.Notes, NotesHtml(room.Notes), room.NotesVersion, room.NotesSavedAt,
        await TakeawaysAsync(room.Id, ct), await HandsAsync(room.Id, ct),
        // What the person may do while the room is open; the page combines it with IsOpen, which changes live.
        new RoomRights(
            RoomAccess.Allows(person, RoomAction.Moderate),
            RoomAccess.Allows(person, RoomAction.EditNotes),
            RoomAccess.Allows(person, RoomAction.EditTakeaways),
            RoomAccess.Allows(person, RoomAction.SupportTakeaway)),
        await FloorAsync(room, ct));

    public async Task SetOpenAsync(Caller caller, int roomId, bool open, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        room.IsOpen = open;
        await db.SaveChangesAsync(ct);
        await broadcaster.RoomChangedAsync(room.Id, room.IsOpen, room.FocusAnchor, room.TimerEndsAt);
    }

    public async Task FocusAsync(Caller caller, int roomId, string anchor, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        await RequireInScopeAsync(room, anchor, ct);
        room.FocusAnchor = anchor;
        await db.SaveChangesAsync(ct);
        await broadcaster.RoomChangedAsync(room.Id, room.IsOpen, room.FocusAnchor, room.TimerEndsAt);
    }

    /// <summary>Starts the timer for <paramref name="minutes"/> from now (0 stops it, as <see cref="StopTimerAsync"/>).</summary>
    public async Task SetTimerAsync(Caller caller, int roomId, int minutes, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        if (minutes != 0 && RoomTimer.CheckStart(minutes) is { } problem)
        {
            throw RefusedException.Invalid($"{problem} (0 stops it).");
        }

        await SaveTimerAsync(room, minutes == 0 ? null : Now.AddMinutes(minutes), ct);
    }

    public async Task StopTimerAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        if (RoomTimer.CheckStop(room.TimerEndsAt) is { } problem)
        {
            throw new RefusedException(RefusedBecause.Conflict, problem);
        }

        await SaveTimerAsync(room, null, ct);
    }

    public async Task AddMinuteAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        var (endsAt, problem) = RoomTimer.AddMinute(room.TimerEndsAt, Now);
        if (problem is not null)
        {
            throw new RefusedException(room.TimerEndsAt is null ? RefusedBecause.Conflict : RefusedBecause.Invalid, problem);
        }

        await SaveTimerAsync(room, endsAt, ct);
    }

    private async Task SaveTimerAsync(BreakoutRoom room, DateTime? endsAt, CancellationToken ct)
    {
        room.TimerEndsAt = endsAt;
        await db.SaveChangesAsync(ct);
        await broadcaster.RoomChangedAsync(room.Id, room.IsOpen, room.FocusAnchor, room.TimerEndsAt);
    }

    public async Task SetHandAsync(Caller caller, int roomId, bool raised, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.RaiseHand, room);
        var hand = await db.RaisedHands.FirstOrDefaultAsync(h => h.RoomId == roomId && h.UserId == caller.UserId, ct);
        if (raised && hand is null)
        {
            db.RaisedHands.Add(new RaisedHand { RoomId = roomId, UserId = caller.UserId, RaisedAt = Now });
        }
        else if (!raised && hand is not null)
        {
            db.RaisedHands.Remove(hand);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person's other tab raised or lowered the hand at the same moment: it already is as asked.
            db.ChangeTracker.Clear();
        }

        await broadcaster.HandsChangedAsync(roomId, await HandsAsync(roomId, ct), called: null);
    }

    /// <summary>Gives the floor to whoever raised their hand first.</summary>
    public async Task<HandView?> CallNextAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        var next = await db.RaisedHands.Include(h => h.User).Where(h => h.RoomId == roomId).OrderBy(h => h.RaisedAt).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return null;
        }

        db.RaisedHands.Remove(next);
        room.FloorUserId = next.UserId;
        room.FloorSince = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another moderator gave the floor at the same moment, to the same person; not to a second one.
            throw new RefusedException(RefusedBecause.Conflict, $"{next.User.DisplayName} was just given the floor by someone else.");
        }

        var called = new HandView(next.UserId, next.User.DisplayName, next.RaisedAt);
        await broadcaster.HandsChangedAsync(roomId, await HandsAsync(roomId, ct), called);
        await broadcaster.FloorChangedAsync(roomId, new FloorView(next.UserId, next.User.DisplayName, room.FloorSince.Value));
        return called;
    }

    /// <summary>Nobody has the floor any more (the speaker finished).</summary>
    public async Task ClearFloorAsync(Caller caller, int roomId, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.Moderate, room);
        if (room.FloorUserId is null)
        {
            throw new RefusedException(RefusedBecause.Conflict, "Nobody has the floor.");
        }

        room.FloorUserId = null;
        room.FloorSince = null;
        await db.SaveChangesAsync(ct);
        await broadcaster.FloorChangedAsync(roomId, null);
    }

    private async Task<FloorView?> FloorAsync(BreakoutRoom room, CancellationToken ct) =>
        room.FloorUserId is null ? null
            : await db.Users.Where(u => u.Id == room.FloorUserId).Select(u => new FloorView(u.Id, u.DisplayName, room.FloorSince ?? DateTime.MinValue)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Saves the notes if <paramref name="baseVersion"/> is the current version; otherwise
    /// nothing is overwritten and the caller gets the current text to reconcile with theirs.
    /// A save by the person who made the latest revision, within <see cref="OneRevisionWithin"/>
    /// of it, replaces that revision.
    /// </summary>
    public Task<NotesSaveResult> SaveNotesAsync(Caller caller, int roomId, int baseVersion, string notes, CancellationToken ct) =>
        SaveNotesAsync(caller, roomId, baseVersion, notes, newRevision: false, ct);

    private async Task<NotesSaveResult> SaveNotesAsync(Caller caller, int roomId, int baseVersion, string notes, bool newRevision, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.EditNotes, room);
        if (notes.Length > MaxNotes)
        {
            throw RefusedException.Invalid($"The notes are {notes.Length:N0} characters long; at most {MaxNotes:N0} are kept.");
        }

        string html;
        try
        {
            html = RenderNotes(notes);
        }
        catch (MarkdownRejectedException e)
        {
            throw RefusedException.Invalid(e.Message);
        }

        if (room.NotesVersion != baseVersion)
        {
            return new NotesSaveResult(false, room.NotesVersion, room.Notes,
                "Someone else saved the notes after you started editing. Nothing was overwritten: their text is shown beside yours.");
        }

        if (room.Notes == notes)
        {
            return new NotesSaveResult(true, room.NotesVersion, room.Notes, null);
        }

        var latest = await db.NotesRevisions.Where(r => r.RoomId == roomId).OrderByDescending(r => r.Version)
            .Select(r => new { r.Id, r.Version, r.SavedById, r.SavedAt }).FirstOrDefaultAsync(ct);
        if (!newRevision && latest is not null && latest.Version == baseVersion && latest.SavedById == caller.UserId && Now - latest.SavedAt < OneRevisionWithin)
        {
            // Removed and added rather than changed, and only the revision this save was written on:
            // another save on the same version at the same moment (someone else's, or another tab's)
            // then either adds the same (room, version) row or finds this one gone, and fails rather
            // than overwrites.
            db.NotesRevisions.Remove(new NotesRevision { Id = latest.Id });
        }

        room.Notes = notes;
        room.NotesVersion++;
        room.NotesSavedAt = Now;
        db.NotesRevisions.Add(new NotesRevision { RoomId = roomId, Version = room.NotesVersion, Notes = notes, SavedAt = Now, SavedById = caller.UserId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save took this version number at the same moment.
            db.ChangeTracker.Clear();
            var current = await db.BreakoutRooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => new { r.Notes, r.NotesVersion }).SingleAsync(ct);
            return new NotesSaveResult(false, current.NotesVersion, current.Notes, "Someone else saved the notes at the same moment. Nothing was overwritten.");
        }

        await broadcaster.NotesChangedAsync(roomId, room.NotesVersion, notes, caller.UserId, html);
        return new NotesSaveResult(true, room.NotesVersion, notes, null);
    }

    /// <summary>The notes as everyone in the room sees them: Markdown made safe HTML, like comments.</summary>
    public static string NotesHtml(string notes)
    {
        try
        {
            return RenderNotes(notes);
        }
        catch (MarkdownRejectedException)
        {
            // Saved before such notes were refused: shown as they were typed.
            return $"<div class=\"notes-text\">{System.Net.WebUtility.HtmlEncode(notes)}</div>";
        }
    }

    private static string RenderNotes(string notes) => string.IsNullOrWhiteSpace(notes) ? "" : SafeMarkdown.ToHtml(notes, MaxNotes);

    public async Task<IReadOnlyList<NotesRevisionView>> NotesHistoryAsync(Caller caller, int roomId, CancellationToken ct)
    {
        await EnterAsync(caller, roomId, ct);
        return await db.NotesRevisions.Where(r => r.RoomId == roomId).OrderByDescending(r => r.Version)
            .Select(r => new NotesRevisionView(r.Version, r.SavedAt, r.SavedBy.DisplayName, r.Notes.Length)).ToListAsync(ct);
    }

    public async Task<NotesSaveResult> RestoreNotesAsync(Caller caller, int roomId, int version, CancellationToken ct)
    {
        var (room, _) = await EnterAsync(caller, roomId, ct);
        var old = await db.NotesRevisions.Where(r => r.RoomId == roomId && r.Version == version).Select(r => r.Notes).FirstOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound($"There is no version {version} of these notes.");
        return await SaveNotesAsync(caller, roomId, room.NotesVersion, old, newRevision: true, ct); // what it replaces stays restorable
    }

    public async Task AddTakeawayAsync(Caller caller, TakeawayInput input, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, input.RoomId, ct);
        Require(person, RoomAction.EditTakeaways, room);
        var text = input.Text?.Trim() ?? "";
        var anchor = string.IsNullOrWhiteSpace(input.Anchor) ? null : input.Anchor.Trim();
        if (TakeawayRules.Check(text, input.Kind, anchor) is { } problem)
        {
            throw RefusedException.Invalid(problem);
        }

        if (anchor is not null)
        {
            await RequireInScopeAsync(room, anchor, ct);
        }

        limiter.AcquireAction(caller.UserId);
        var terms = await db.TermsOfMeetingAsync(room.AgendaItemId, ct);
        var takeaway = new Takeaway
        {
            RoomId = room.Id,
            Text = text,
            Kind = input.Kind,
            Anchor = anchor,
            Ordinal = await db.Takeaways.Where(t => t.RoomId == room.Id).Select(t => (int?)t.Ordinal).MaxAsync(ct) + 1 ?? 0,
            CreatedAt = Now,
            CreatedById = caller.UserId,
        };
        foreach (var (keys, kind, what) in new[] { (input.Areas, TaxonomyKind.ThematicArea, "thematic area"), (input.Principles, TaxonomyKind.Principle, "principle") })
        {
            foreach (var key in (keys ?? []).Distinct(StringComparer.Ordinal))
            {
                var term = terms.FirstOrDefault(t => t.Kind == kind && t.Key == key)
                    ?? throw RefusedException.Invalid($"'{key}' is not a {what} of this guideline.");
                takeaway.Tags.Add(new TakeawayTag { TermId = term.Id });
            }
        }

        db.Takeaways.Add(takeaway);
        await db.SaveChangesAsync(ct);
        await broadcaster.TakeawaysChangedAsync(room.Id, await TakeawaysAsync(room.Id, ct));
    }

    /// <summary>Puts the room's takeaways in the given order (all of them, each once).</summary>
    public async Task ReorderTakeawaysAsync(Caller caller, int roomId, IReadOnlyList<int> order, CancellationToken ct)
    {
        var (room, person) = await EnterAsync(caller, roomId, ct);
        Require(person, RoomAction.EditTakeaways, room);
        var takeaways = await db.Takeaways.Where(t => t.RoomId == roomId).ToListAsync(ct);
        if (order.Count != takeaways.Count || order.Distinct().Count() != order.Count || !takeaways.All(t => order.Contains(t.Id)))
        {
            throw RefusedException.Invalid("The new order must list every takeaway of the room once. Reload the page and try again.");
        }

        foreach (var t in takeaways)
        {
            t.Ordinal = order.ToList().IndexOf(t.Id);
        }

        await db.SaveChangesAsync(ct);
        await broadcaster.TakeawaysChangedAsync(roomId, await TakeawaysAsync(roomId, ct));
    }

    public async Task SetForPlenaryAsync(Caller caller, int takeawayId, bool forPlenary, CancellationToken ct)
    {
        var takeaway = await FindTakeawayAsync(takeawayId, ct);
        var (room, person) = await EnterAsync(caller, takeaway.RoomId, ct);
        Require(person, RoomAction.EditTakeaways, room);
        takeaway.ForPlenary = forPlenary;
        await db.SaveChangesAsync(ct);
        await broadcaster.TakeawaysChangedAsync(room.Id, await TakeawaysAsync(room.Id, ct));
    }

    public async Task SupportTakeawayAsync(Caller caller, int takeawayId, bool support, CancellationToken ct)
    {
        var takeaway = await FindTakeawayAsync(takeawayId, ct);
        var (room, person) = await EnterAsync(caller, takeaway.RoomId, ct);
        Require(person, RoomAction.SupportTakeaway, room);
        limiter.AcquireAction(caller.UserId);
        var existing = await db.TakeawaySupports.FirstOrDefaultAsync(s => s.TakeawayId == takeawayId && s.UserId == caller.UserId, ct);
        if (support && existing is null)
        {
            db.TakeawaySupports.Add(new TakeawaySupport { TakeawayId = takeawayId, UserId = caller.UserId });
        }
        else if (!support && existing is not null)
        {
            db.TakeawaySupports.Remove(existing);
        }

        await db.SaveChangesAsync(ct);
        await broadcaster.TakeawaysChangedAsync(room.Id, await TakeawaysAsync(room.Id, ct));
    }

    public async Task<IReadOnlyList<TakeawayView>> TakeawaysAsync(int roomId, CancellationToken ct)
    {
        var versionId = await db.BreakoutRooms.Where(r => r.Id == roomId)
            .Select(r => db.Meetings.Where(m => m.Days.Any(d => d.Agenda.Any(a => a.Id == r.AgendaItemId))).Select(m => m.VersionId).First()).SingleAsync(ct);
        var placeOf = await places.ForVersionAsync(versionId, ct);
        return (await db.Takeaways.AsNoTracking().Where(t => t.RoomId == roomId)
            .Include(t => t.Tags).ThenInclude(t => t.Term).Include(t => t.Supports)
            .OrderBy(t => t.Ordinal).AsSplitQuery().ToListAsync(ct))
        .Select(t => new TakeawayView(t.Id, t.Text, t.Kind, MeetingNames.Of(t.Kind), t.Anchor, t.Ordinal, t.ForPlenary,
            t.Tags.Where(x => x.Term.Kind == TaxonomyKind.ThematicArea).Select(x => x.Term.Key).ToList(),
            t.Tags.Where(x => x.Term.Kind == TaxonomyKind.Principle).Select(x => x.Term.Key).ToList(),
            t.Supports.Select(s => s.UserId).ToList(), t.Supports.Count,
            t.Anchor is null ? null : placeOf.GetValueOrDefault(t.Anchor)?.Label ?? t.Anchor)).ToList();
    }

    private async Task<IReadOnlyList<HandView>> HandsAsync(int roomId, CancellationToken ct) =>
        await db.RaisedHands.AsNoTracking().Where(h => h.RoomId == roomId).OrderBy(h => h.RaisedAt)
            .Select(h => new HandView(h.UserId, h.User.DisplayName, h.RaisedAt)).ToListAsync(ct);

    /// <summary>Refuses an anchor that is not a paragraph of the meeting's draft in the sections the room discusses.</summary>
    private async Task RequireInScopeAsync(BreakoutRoom room, string anchor, CancellationToken ct)
    {
        var versionId = await db.MeetingOf(room.AgendaItemId).Select(m => m.VersionId).SingleAsync(ct);
        var scope = await db.Set<RoomSection>().Where(s => s.RoomId == room.Id).Select(s => s.Anchor).ToListAsync(ct);
        var section = await db.Blocks.Where(b => b.VersionId == versionId && b.Anchor == anchor).Select(b => b.Section.Anchor).FirstOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound($"There is no paragraph '{anchor}' in this meeting's draft.");
        if (!RoomScope.Covers(scope, section))
        {
            throw RefusedException.Invalid($"'{anchor}' is outside the sections this room discusses ({string.Join(", ", scope)}).");
        }
    }

    private async Task<Takeaway> FindTakeawayAsync(int id, CancellationToken ct) =>
        await db.Takeaways.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw RefusedException.NotFound($"Takeaway #{id} does not exist.");

    private static void Require(RoomPerson person, RoomAction action, BreakoutRoom room)
    {
        if (!RoomAccess.Allows(person, action, room.IsOpen))
        {
            var kind = action == RoomAction.Enter || !RoomAccess.Allows(person, action, roomOpen: true) ? RefusedBecause.Forbidden : RefusedBecause.Conflict;
            throw new RefusedException(kind, RoomAccess.Refusal(action, room.IsOpen));
        }
    }
}
