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

    public static readonly IReadOnlyList<string> All = [Admin, Secretariat, Moderator, NoteTaker, Expert, Translator, Observer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        NoteTaker => "Note-taker",
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
        _ => "",
    };

    /// <summary>Secretariat may invite anyone but an Admin; only an Admin makes Admins.</summary>
    public static bool CanInvite(IEnumerable<string> inviterRoles, string role)
    {
        var roles = inviterRoles.ToHashSet(StringComparer.Ordinal);
        return IsKnown(role) && (roles.Contains(Admin) || (roles.Contains(Secretariat) && role != Admin));
    }
}
