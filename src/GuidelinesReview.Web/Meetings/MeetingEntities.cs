using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Drafts;

namespace GuidelinesReview.Web.Meetings;

/// <summary>An expert group meeting on one draft version: days, agenda items, breakout rooms.</summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int VersionId { get; set; }
    public DraftVersion Version { get; set; } = null!;

    /// <summary>IANA time zone the agenda times are in (e.g. "Africa/Nairobi").</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<MeetingDay> Days { get; set; } = [];
}

public sealed class MeetingDay
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public DateTime Date { get; set; }
    public List<AgendaItem> Agenda { get; set; } = [];
}

public sealed class AgendaItem
{
    public int Id { get; set; }
    public int DayId { get; set; }
    public TimeSpan Time { get; set; }
    public string Title { get; set; } = "";
    public AgendaKind Kind { get; set; }
    public List<BreakoutRoom> Rooms { get; set; } = [];
}

/// <summary>A breakout room: who is in it, what it discusses, and its live state (open, focus, timer, notes).</summary>
public sealed class BreakoutRoom
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    public string Prompt { get; set; } = "";
    public string? ModeratorId { get; set; }
    public AppUser? Moderator { get; set; }
    public string? NoteTakerId { get; set; }
    public AppUser? NoteTaker { get; set; }
    public bool IsOpen { get; set; }
    public string? FocusAnchor { get; set; }
    public DateTime? TimerEndsAt { get; set; }

    /// <summary>
    /// Who the moderator last gave the floor to, until the next "Give the floor" or until cleared; kept so a reload
    /// still shows it. No foreign key (adding one makes SQLite rebuild the table outside a transaction): a deleted
    /// account reads as nobody having the floor.
    /// </summary>
    public string? FloorUserId { get; set; }
    public DateTime? FloorSince { get; set; }

    /// <summary>The room's live notes (Markdown) and their version, which every save must name (conflicts are detected, not overwritten).</summary>
    public string Notes { get; set; } = "";
    public int NotesVersion { get; set; }
    public DateTime? NotesSavedAt { get; set; }

    public List<RoomMember> Members { get; set; } = [];
    public List<RoomTag> Tags { get; set; } = [];
    public List<RoomSection> Sections { get; set; } = [];
}

public sealed class RoomMember
{
    public int RoomId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
}

public sealed class RoomTag
{
    public int RoomId { get; set; }
    public int TermId { get; set; }
    public GuidelineTerm Term { get; set; } = null!;
}

/// <summary>A section of the meeting's draft the room discusses (by its anchor, e.g. "s4").</summary>
public sealed class RoomSection
{
    public int RoomId { get; set; }
    public string Anchor { get; set; } = "";
}

/// <summary>An earlier state of a room's notes, one per person's stretch of editing (see RoomService.OneRevisionWithin); any can be restored.</summary>
public sealed class NotesRevision
{
    public int Id { get; set; }
    public int RoomId { get; set; }
    public int Version { get; set; }
    public string Notes { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public string SavedById { get; set; } = "";
    public AppUser SavedBy { get; set; } = null!;
}

/// <summary>A point a room wants heard: recorded by its moderator or note-taker, supported by members.</summary>
public sealed class Takeaway
{
    public int Id { get; set; }
    public int RoomId { get; set; }
    public string Text { get; set; } = "";
    public TakeawayKind Kind { get; set; }
    public string? Anchor { get; set; }
    public int Ordinal { get; set; }
    public bool ForPlenary { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public List<TakeawayTag> Tags { get; set; } = [];
    public List<TakeawaySupport> Supports { get; set; } = [];
}

public sealed class TakeawayTag
{
    public int TakeawayId { get; set; }
    public int TermId { get; set; }
    public GuidelineTerm Term { get; set; } = null!;
}

public sealed class TakeawaySupport
{
    public int TakeawayId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A raised hand in a room's speaking queue, in the order raised.</summary>
public sealed class RaisedHand
{
    public int RoomId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public DateTime RaisedAt { get; set; }
}
