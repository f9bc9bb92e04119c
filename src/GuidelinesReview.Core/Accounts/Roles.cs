namespace GuidelinesReview.Core.Accounts;

/// <summary>The platform-wide roles. Room-level moderator and note-taker assignments are separate.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Secretariat = "Secretariat";
    public const string Moderator = "Moderator";
    public const string NoteTaker = "NoteTaker";
    public const string Expert = "Expert";
    public const string Translator = "Translator";
    public const string Observer = "Observer";

    /// <summary>
    /// A member of the public who registered during a public consultation. Not invited: such an
    /// account reads only publicly consulted versions and comments only inside their public windows
    /// (<c>ConsultationRules</c>), once its e-mail address is confirmed.
    /// </summary>
    public const string Public = "Public";

    public static readonly IReadOnlyList<string> All = [Admin, Secretariat, Moderator, NoteTaker, Expert, Translator, Observer, Public];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        NoteTaker => "Note-taker",
        Public => "Public participant",
        _ => role,
    };

    /// <summary>What a role may do, in a sentence for the invitation and user pages.</summary>
    public static string Describe(string role) => role switch
    {
        Admin => "manages accounts and roles",
        Secretariat => "publishes drafts, runs meetings and consultations, records dispositions",
        Moderator => "runs breakout rooms",
        NoteTaker => "writes room notes and takeaways",
        Expert => "reads drafts and comments on them",
        Translator => "translates and reviews localized versions",
        Observer => "reads, without writing",
        Public => "registered during a public consultation: reads its drafts and comments while it is open",
        _ => "",
    };

    /// <summary>Secretariat may invite anyone but an Admin; only an Admin makes Admins. Public participants register themselves.</summary>
    public static bool CanInvite(IEnumerable<string> inviterRoles, string role)
    {
        var roles = inviterRoles.ToHashSet(StringComparer.Ordinal);
        return IsKnown(role) && role != Public && (roles.Contains(Admin) || (roles.Contains(Secretariat) && role != Admin));
    }

    /// <summary>
    /// An account whose only role is <see cref="Public"/>: it sees publicly consulted versions only.
    /// Anyone the platform gave another role is a member, whatever else they hold.
    /// </summary>
    public static bool IsPublicOnly(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return list.Count > 0 && list.All(r => r == Public);
    }
}
