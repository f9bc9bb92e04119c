namespace GuidelinesReview.Core.Meetings;

public enum RoomAction
{
    Enter,
    Comment,
    Moderate,
    EditNotes,
    EditTakeaways,
    SupportTakeaway,
    RaiseHand,
}

/// <summary>Who someone is to a breakout room.</summary>
public sealed record RoomPerson(bool IsMember, bool IsModerator, bool IsNoteTaker, IReadOnlySet<string> Roles)
{
    public bool IsSecretariat => Roles.Contains(Accounts.Roles.Secretariat) || Roles.Contains(Accounts.Roles.Admin);

    /// <summary>Who <paramref name="userId"/> is to a room with these people, given their roles.</summary>
    public static RoomPerson Of(string userId, IEnumerable<string> memberIds, string? moderatorId, string? noteTakerId, IReadOnlySet<string> roles) =>
        new(memberIds.Contains(userId, StringComparer.Ordinal), moderatorId == userId, noteTakerId == userId, roles);
}

/// <summary>The draft sections a breakout room discusses.</summary>
public static class RoomScope
{
    /// <summary>Whether a section (by anchor, e.g. <c>s2.1</c>) is one of the room's sections or inside one (<c>s2</c> covers <c>s2.1</c>, not <c>s20</c>).</summary>
    public static bool Covers(IEnumerable<string> roomSections, string sectionAnchor) =>
        roomSections.Any(s => sectionAnchor == s || sectionAnchor.StartsWith(s + ".", StringComparison.Ordinal));
}

/// <summary>
/// The access rules of a breakout room: members, its moderator and note-taker, and the
/// secretariat enter it; the moderator (or secretariat) runs it; the note-taker and moderator
/// write notes and takeaways. A closed room is read-only for everyone but its moderator controls.
/// </summary>
public static class RoomAccess
{
    public static bool Allows(RoomPerson person, RoomAction action, bool roomOpen = true)
    {
        var inRoom = person.IsMember || person.IsModerator || person.IsNoteTaker || person.IsSecretariat;
        return action switch
        {
            RoomAction.Enter => inRoom,
            RoomAction.Moderate => person.IsModerator || person.IsSecretariat,
            RoomAction.EditNotes or RoomAction.EditTakeaways => roomOpen && (person.IsNoteTaker || person.IsModerator),
            RoomAction.Comment => roomOpen && inRoom && Comments.CommentRules.CanWrite(person.Roles),
            RoomAction.SupportTakeaway or RoomAction.RaiseHand => roomOpen && inRoom,
            _ => false,
        };
    }

    /// <summary>
    /// Whether someone reads the notes and takeaways of every room of a meeting (read-only, as the
    /// plenary summary reports them): anyone who may enter one of its rooms, and the secretariat.
    /// </summary>
    public static bool ReadsMeetingRecord(IEnumerable<RoomPerson> personInEachRoom, IReadOnlySet<string> roles) =>
        roles.Contains(Accounts.Roles.Secretariat) || roles.Contains(Accounts.Roles.Admin) || personInEachRoom.Any(p => Allows(p, RoomAction.Enter));

    public const string NotAParticipant = "The rooms' notes are for the people in this meeting's rooms and the secretariat.";

    /// <summary>The sentence for a refusal.</summary>
    public static string Refusal(RoomAction action, bool roomOpen) => !roomOpen && action != RoomAction.Enter && action != RoomAction.Moderate
        ? "This room is closed: its notes and takeaways can be read but not changed."
        : action switch
        {
            RoomAction.Enter => "You are not a member of this breakout room.",
            RoomAction.Moderate => "Only the room's moderator (or the secretariat) can do this.",
            RoomAction.EditNotes => "Only the room's note-taker and moderator can edit the notes.",
            RoomAction.EditTakeaways => "Only the room's note-taker and moderator can record takeaways.",
            RoomAction.Comment => "Only the room's members, moderator and note-taker (and the secretariat) comment from it; observers read.",
            _ => "Your role cannot do this in this room.",
        };
}
