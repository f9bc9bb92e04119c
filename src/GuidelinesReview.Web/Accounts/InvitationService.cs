using System.Security.Cryptography;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Text;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Accounts;

public sealed record InvitationCreated(Invitation Invitation, string Token);

public sealed record NewAccount(string DisplayName, string Organisation, StakeholderGroup StakeholderGroup, Region? Region, string Password);

/// <summary>
/// Single-use, expiring invitation links. Only a hash of the token is stored, so a leaked
/// database does not leak usable links.
/// </summary>
public sealed class InvitationService(AppDbContext db, UserManager<AppUser> users, AccountService accounts, TimeProvider clock)
{
    public const int MinDays = 1;
    public const int MaxDays = 30;

    public async Task<InvitationCreated> CreateAsync(string email, string role, string displayName, int validDays, string createdById, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            TokenHash = Hash(token),
            Email = email.Trim(),
            Role = role,
            DisplayName = displayName.Trim(),
            CreatedById = createdById,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Clamp(validDays, MinDays, MaxDays)),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation, token);
    }

    /// <summary>The open invitation for a token, or why there is none, in words for the person holding the link.</summary>
    public async Task<(Invitation? Invitation, string? Problem)> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (null, "This invitation link is incomplete. Copy the whole link from the invitation.");
        }

        var hash = Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return invitation switch
        {
            null => (null, "This invitation link is not valid. Ask the secretariat for a new one."),
            { AcceptedAt: not null } => (null, "This invitation has already been used. Sign in with the account it created."),
            { RevokedAt: not null } => (null, "This invitation was withdrawn. Ask the secretariat for a new one."),
            _ when invitation.ExpiresAt <= now => (null, $"This invitation expired on {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Ask the secretariat for a new one."),
            _ when await users.FindByEmailAsync(invitation.Email) is not null => (null, $"An account for {invitation.Email} already exists. Sign in instead."),
            _ => (invitation, null),
        };
    }

    /// <summary>Creates the account and uses up the invitation, both or neither.</summary>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> AcceptAsync(string token, NewAccount account, CancellationToken ct)
    {
        var (invitation, problem) = await FindOpenAsync(token, ct);
        if (invitation is null)
        {
            return (null, [problem!]);
        }

        var user = NewUser(invitation, account.DisplayName, account.Organisation, account.StakeholderGroup, account.Region);
        return await ClaimAsync(invitation, user, () => accounts.CreateAsync(user, account.Password, invitation.Role), ct);
    }

    /// <summary>The open (unused, unexpired, not withdrawn) invitation for an address, whatever its letter case.</summary>
    public async Task<Invitation?> FindOpenForEmailAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = email.Trim().ToUpperInvariant();
        var open = await db.Invitations
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(ct);
        return open.FirstOrDefault(i => i.Email.ToUpperInvariant() == normalized);
    }

    /// <summary>
    /// Creates an account without a password, signed in through an organisation's provider, with the
    /// invitation's role (and any mapped ones), and uses up the invitation: all or nothing.
    /// </summary>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> AcceptExternalAsync(Invitation invitation, string? displayName, IReadOnlyCollection<string> extraRoles, UserLoginInfo login, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(invitation.DisplayName) ? displayName ?? invitation.Email : invitation.DisplayName;
        var user = NewUser(invitation, name, "", StakeholderGroup.Other, null);
        return await ClaimAsync(invitation, user, () => accounts.CreateExternalAsync(user, [invitation.Role, .. extraRoles], login), ct);
    }

    private AppUser NewUser(Invitation invitation, string displayName, string organisation, StakeholderGroup group, Region? region) => new()
    {
        UserName = invitation.Email,
        Email = invitation.Email,
        EmailConfirmed = true,
        DisplayName = displayName.Trim(),
        Organisation = organisation.Trim(),
        StakeholderGroup = group,
        Region = region,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private async Task<(AppUser? User, IReadOnlyList<string> Errors)> ClaimAsync(Invitation invitation, AppUser user, Func<Task<IReadOnlyList<string>>> create, CancellationToken ct)
    {
        // Claim the invitation first, conditionally, so two submissions of one link cannot both win.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE Invitations SET AcceptedAt = {now} WHERE Id = {invitation.Id} AND AcceptedAt IS NULL AND RevokedAt IS NULL AND ExpiresAt > {now}",
            ct);
        if (claimed != 1)
        {
            return (null, ["This invitation has already been used, was withdrawn or has expired. Ask the secretariat for a new one."]);
        }

        var errors = await create();
        if (errors.Count > 0)
        {
            // Give the invitation back, so the person can try again (with a better password, say).
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Invitations SET AcceptedAt = NULL WHERE Id = {invitation.Id}", ct);
            return (null, errors);
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Invitations SET AcceptedUserId = {user.Id} WHERE Id = {invitation.Id}", ct);
        return (user, []);
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.Invitations
            .Where(i => i.Id == id && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var invitation in revoked)
        {
            invitation.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return revoked.Count == 1;
    }

    private static string Hash(string token) => Hashing.Sha256Hex(token);
}
