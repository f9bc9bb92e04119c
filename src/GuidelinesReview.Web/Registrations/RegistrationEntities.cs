namespace GuidelinesReview.Web.Registrations;

/// <summary>
/// A member of the public who registered during a public consultation (their account has the
/// Public role). The secretariat may suspend one: the account is then locked out for good until
/// unsuspended, and its comments stay.
/// </summary>
public sealed class PublicRegistration
{
    public string UserId { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    public DateTime? SuspendedAt { get; set; }
    public string? SuspendedReason { get; set; }
    public string? SuspendedById { get; set; }
}
