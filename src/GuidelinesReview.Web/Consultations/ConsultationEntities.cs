using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Drafts;

namespace GuidelinesReview.Web.Consultations;

public enum ConsultationAudience
{
    /// <summary>Every signed-in participant who may comment.</summary>
    Everyone,

    /// <summary>Only people whose profile names one of the window's stakeholder groups.</summary>
    StakeholderGroups,
}

/// <summary>
/// An online consultation on one draft version: commenting opens and closes at these UTC times
/// for the audience named. Outside every window of a version that has windows, commenting is refused.
/// </summary>
public sealed class ConsultationWindow
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public DraftVersion Version { get; set; } = null!;
    public string Title { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public ConsultationAudience Audience { get; set; }
    public List<ConsultationGroup> Groups { get; set; } = [];

    /// <summary>Open to the public: anyone may register while it is open and comment in it once their address is confirmed.</summary>
    public bool IsPublic { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class ConsultationGroup
{
    public int WindowId { get; set; }
    public StakeholderGroup Group { get; set; }
}

/// <summary>
/// A guideline whose publicly consulted versions anyone may read without signing in (during and
/// after their public windows). A guideline without this row stays members-only.
/// </summary>
public sealed class PublicReading
{
    public int GuidelineId { get; set; }
    public string SetById { get; set; } = "";
    public DateTime SetAt { get; set; }
}

/// <summary>
/// A superseded version the secretariat keeps open for new comments (one row per version; no row:
/// closed once a newer version is published). See <see cref="Core.Consultations.Supersession"/>.
/// </summary>
public sealed class KeptOpenVersion
{
    public int VersionId { get; set; }
    public string SetById { get; set; } = "";
    public DateTime SetAt { get; set; }
}
