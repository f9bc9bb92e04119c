using System.Globalization;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Meetings;

namespace GuidelinesReview.Core.Consultations;

/// <summary>
/// A consultation window as the rules see it: commenting is open from <see cref="OpensAt"/>
/// (inclusive) to <see cref="ClosesAt"/> (exclusive), both UTC, for everyone who may comment
/// (<see cref="Groups"/> null) or only for the stakeholder groups named. A public window
/// (<see cref="IsPublic"/>) also takes comments from registered members of the public.
/// </summary>
public sealed record ConsultationPeriod(string Title, DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<StakeholderGroup>? Groups, bool IsPublic = false)
{
    public bool IsOpenAt(DateTime now) => OpensAt <= now && now < ClosesAt;

    public bool Includes(StakeholderGroup group) => Groups is null || Groups.Contains(group);

    public bool Overlaps(ConsultationPeriod other) => OpensAt < other.ClosesAt && other.OpensAt < ClosesAt;
}

public enum ConsultationPhase
{
    Upcoming,
    Open,
    Closed,
}

public enum RefusalKind
{
    NotYetOpen,
    Closed,
    NotInAudience,

    /// <summary>A public participant whose e-mail address is not confirmed yet.</summary>
    Unconfirmed,

    /// <summary>A public participant on a version that has no public window.</summary>
    NotPublic,

    /// <summary>A newer version is published and the secretariat has not kept this one open (<see cref="Supersession"/>).</summary>
    Superseded,
}

/// <summary>Who is reading: an invited member, a registered member of the public, or someone not signed in.</summary>
public enum Reader
{
    Member,
    PublicParticipant,
    Anonymous,
}

/// <summary>A registered member of the public as the comment rules see them.</summary>
public sealed record PublicParticipant(string Email, bool EmailConfirmed);

/// <summary>Why a comment is refused by a version's consultation windows, in a sentence for the person.</summary>
public sealed record ConsultationRefusal(RefusalKind Kind, string Message);

/// <summary>A secretariat's window as typed into the form: local date-times in <see cref="TimeZone"/>.</summary>
public sealed record WindowRequest(string? Title, string? OpensAt, string? ClosesAt, string? TimeZone, bool? ForEveryone, IReadOnlyList<string> Groups);

/// <summary>
/// When a version's consultation windows let someone comment, and the checks a window must pass.
/// A version without windows is open as before; with windows, comments are taken only inside one
/// (opening instant included, closing instant excluded) from its audience. Comments posted from a
/// breakout room are the meeting's own channel and are not subject to the windows.
/// </summary>
public static class ConsultationRules
{
    public const int MaxTitle = 300;

    /// <summary>The values a <c>datetime-local</c> field sends: to the minute, or to the second.</summary>
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Where a public participant can ask for a new confirmation link.</summary>
    public const string ResendPath = "/account/confirm-resend";

    /// <summary>
    /// Null if the person may comment now, else why not. A public participant (<paramref name="participant"/>
    /// not null) must have confirmed their address, and only public windows count for them: a version
    /// without one is closed to them, room or not, since the platform never invited them.
    /// </summary>
    public static ConsultationRefusal? CheckComment(
        IReadOnlyList<ConsultationPeriod> windows, int versionNumber, DateTime now, StakeholderGroup group, bool fromRoom, PublicParticipant? participant = null)
    {
        if (participant is not null)
        {
            if (!participant.EmailConfirmed)
            {
                return new(RefusalKind.Unconfirmed, $"Confirm your address first: we sent a link to {participant.Email}. No mail? Ask for a new link at {ResendPath}.");
            }

            windows = windows.Where(w => w.IsPublic).ToList();
            if (windows.Count == 0)
            {
                return new(RefusalKind.NotPublic, $"v{versionNumber} is not open to public comment: only invited participants comment on it.");
            }
        }
        else if (fromRoom || windows.Count == 0)
        {
            return null;
        }

        if (windows.FirstOrDefault(w => w.IsOpenAt(now)) is { } open)
        {
            return open.Includes(group) ? null : new(RefusalKind.NotInAudience,
                $"This consultation is open to {AudienceName(open.Groups!)}; your profile says {ProfileNames.Of(group)}. If that is not right, change it on your profile page.");
        }

        var next = windows.Where(w => w.OpensAt > now).OrderBy(w => w.OpensAt).ToList();
        if (next.FirstOrDefault(w => w.Includes(group)) is { } yours)
        {
            return new(RefusalKind.NotYetOpen, $"Commenting on v{versionNumber} opens on {Describe(yours.OpensAt)}.");
        }

        if (next.FirstOrDefault() is { } others)
        {
            return new(RefusalKind.NotInAudience,
                $"The next consultation on v{versionNumber} opens on {Describe(others.OpensAt)} for {AudienceName(others.Groups!)}; your profile says {ProfileNames.Of(group)}.");
        }

        return new(RefusalKind.Closed, $"The consultation on v{versionNumber} closed on {Describe(windows.Max(w => w.ClosesAt))}. The draft stays readable.");
    }

    /// <summary>A version is publicly consulted once a public window on it has opened, and stays so after it closes.</summary>
    public static bool IsPubliclyConsulted(IReadOnlyList<ConsultationPeriod> windows, DateTime now) =>
        windows.Any(w => w.IsPublic && w.OpensAt <= now);

    /// <summary>
    /// Whether a reader may read a version with these windows: members read everything; public
    /// participants publicly consulted versions; anonymous visitors those too, when the guideline
    /// allows reading without signing in (<paramref name="anonymousReading"/>).
    /// </summary>
    public static bool CanRead(Reader reader, IReadOnlyList<ConsultationPeriod> windows, bool anonymousReading, DateTime now) => reader switch
    {
        Reader.Member => true,
        Reader.PublicParticipant => IsPubliclyConsulted(windows, now),
        _ => anonymousReading && IsPubliclyConsulted(windows, now),
    };

    /// <summary>Anyone may register while a public window is open somewhere.</summary>
    public static bool OpenForRegistration(IEnumerable<ConsultationPeriod> windows, DateTime now) =>
        windows.Any(w => w.IsPublic && w.IsOpenAt(now));

    /// <summary>The window a reader should hear about now: the open one, else the next, else the last that closed.</summary>
    public static (ConsultationPeriod Window, ConsultationPhase Phase)? Relevant(IReadOnlyList<ConsultationPeriod> windows, DateTime now)
    {
        if (windows.FirstOrDefault(w => w.IsOpenAt(now)) is { } open)
        {
            return (open, ConsultationPhase.Open);
        }

        if (windows.Where(w => w.OpensAt > now).MinBy(w => w.OpensAt) is { } next)
        {
            return (next, ConsultationPhase.Upcoming);
        }

        return windows.MaxBy(w => w.ClosesAt) is { } last ? (last, ConsultationPhase.Closed) : null;
    }

    /// <summary>The next instant after <paramref name="now"/> at which a window opens or closes, when a client should look again.</summary>
    public static DateTime? NextChange(IReadOnlyList<ConsultationPeriod> windows, DateTime now) =>
        windows.SelectMany(w => new[] { w.OpensAt, w.ClosesAt }).Where(t => t > now).Order().Cast<DateTime?>().FirstOrDefault();

    /// <summary>"4 March 2027 at 09:00 UTC" (with seconds when there are any).</summary>
    public static string Describe(DateTime utc) =>
        utc.ToString(utc.Second == 0 ? "d MMMM yyyy 'at' HH:mm 'UTC'" : "d MMMM yyyy 'at' HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2 days 3 hours left", "45 minutes left", "less than a minute left": the two largest units, rounded down.</summary>
    public static string Remaining(TimeSpan left)
    {
        static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        static string Pair(int big, string bigUnit, int small, string smallUnit) =>
            small == 0 ? Count(big, bigUnit) : $"{Count(big, bigUnit)} {Count(small, smallUnit)}";
        return (left.TotalDays >= 1 ? Pair(left.Days, "day", left.Hours, "hour")
            : left.TotalHours >= 1 ? Pair(left.Hours, "hour", left.Minutes, "minute")
            : left.TotalMinutes >= 1 ? Count(left.Minutes, "minute")
            : "less than a minute") + " left";
    }

    /// <summary>"national governments, academia and civil society".</summary>
    public static string AudienceName(IReadOnlyList<StakeholderGroup> groups)
    {
        var names = groups.Order().Select(GroupName).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string GroupName(StakeholderGroup group) => group switch
    {
        StakeholderGroup.NationalGovernment => "national governments",
        StakeholderGroup.LocalAndRegionalGovernment => "local and regional governments",
        StakeholderGroup.Academia => "academia",
        StakeholderGroup.PrivateSector => "the private sector",
        StakeholderGroup.CivilSociety => "civil society",
        StakeholderGroup.InternationalOrganisation => "international organisations",
        _ => "other stakeholders",
    };

    /// <summary>
    /// Reads a window from the secretariat's form and checks it against the version and its other
    /// windows (<paramref name="others"/>, without the one being changed). Every problem is reported;
    /// the window is returned only when there is none. A new window must close in the future; a
    /// window being changed may be closed early by giving a time already passed.
    /// </summary>
    public static (ConsultationPeriod? Window, IReadOnlyList<string> Problems) Read(
        WindowRequest request, int versionNumber, DraftStatus status, IReadOnlyList<ConsultationPeriod> others, DateTime now, bool isNew)
    {
        var problems = new List<string>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > MaxTitle)
        {
            problems.Add($"Give the consultation a title (at most {MaxTitle} characters).");
        }

        if (status == DraftStatus.Final)
        {
            problems.Add($"v{versionNumber} is final and read-only; a consultation on it would never open.");
        }

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(request.TimeZone))
        {
            problems.Add("Say which time zone the times are in: UTC, or one such as 'Europe/Paris'.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone.Trim(), out zone))
        {
            problems.Add(MeetingRules.CheckTimeZone(request.TimeZone)!);
        }

        var opens = ReadTime(request.OpensAt, "opening", zone, problems);
        var closes = ReadTime(request.ClosesAt, "closing", zone, problems);
        if (opens is { } o && closes is { } c)
        {
            if (c <= o)
            {
                problems.Add($"The consultation must close after it opens; it would open on {Describe(o)} and close on {Describe(c)}.");
            }
            else if (others.FirstOrDefault(w => w.Overlaps(new ConsultationPeriod(title, o, c, null))) is { } clash)
            {
                problems.Add($"It would overlap '{clash.Title}' ({Describe(clash.OpensAt)} to {Describe(clash.ClosesAt)}): a version has one consultation at a time. Change the times, or change or delete that window.");
            }

            if (isNew && c <= now)
            {
                problems.Add($"The closing time {Describe(c)} has already passed; a new consultation must close in the future.");
            }
        }

        var groups = new List<StakeholderGroup>();
        foreach (var name in request.Groups)
        {
            if (Enum.GetNames<StakeholderGroup>().Contains(name))
            {
                groups.Add(Enum.Parse<StakeholderGroup>(name));
            }
            else
            {
                problems.Add($"'{name}' is not a stakeholder group.");
            }
        }

        if (request.ForEveryone is null)
        {
            problems.Add("Choose who may comment: everyone signed in, or chosen stakeholder groups.");
        }
        else if (request.ForEveryone == false && groups.Count == 0)
        {
            problems.Add("Choose at least one stakeholder group, or open the consultation to everyone.");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ConsultationPeriod(title, opens!.Value, closes!.Value, request.ForEveryone == true ? null : groups.Distinct().Order().ToList()), []);
    }

    private static DateTime? ReadTime(string? text, string what, TimeZoneInfo? zone, List<string> problems)
    {
        if (!DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problems.Add($"Give the {what} date and time (YYYY-MM-DD and HH:MM).");
            return null;
        }

        if (zone is null)
        {
            return null; // reported with the time zone
        }

        if (zone.IsInvalidTime(local))
        {
            problems.Add($"{local.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} does not exist in {zone.Id} (the clocks go forward then); choose another {what} time.");
            return null;
        }

        // An hour that happens twice (clocks going back) is read as standard time.
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
