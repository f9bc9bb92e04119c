using GuidelinesReview.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GuidelinesReview.Web.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Organisation { get; set; } = "";
    public StakeholderGroup StakeholderGroup { get; set; } = StakeholderGroup.Other;
    public Region? Region { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A single-use, expiring link that lets a person create an account with a given role.</summary>
public sealed class Invitation
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the token: the token itself is shown once and never stored.</summary>
    public string TokenHash { get; set; } = "";

    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
}
