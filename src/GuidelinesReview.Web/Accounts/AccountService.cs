using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Accounts;

/// <summary>
/// Account changes that must hold together: creating an account with its role, and changing
/// roles. Each is one transaction, so a failure never leaves an account with no or half its roles.
/// </summary>
public sealed partial class AccountService(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountStamps stamps, RoomEvictions rooms, ILogger<AccountService> logger)
{
    /// <summary>A hash to check passwords against when the address has no account (see <see cref="PasswordSignInAsync"/>).</summary>
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Identity's password sign-in (lockout on failure), taking as long for an address with no
    /// account as for one with: Identity answers an unknown address without hashing anything,
    /// which a stranger could time to learn which addresses have accounts.
    /// </summary>
    public async Task<SignInResult> PasswordSignInAsync(string email, string password, bool persistent)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), NobodysHash.Value, password);
            return SignInResult.Failed;
        }

        return await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
    }

    /// <summary>Creates the account and gives it the role, or neither; returns the errors in words.</summary>
    public Task<IReadOnlyList<string>> CreateAsync(AppUser user, string password, string role) =>
        CreateInTransactionAsync(async () =>
        {
            var result = await users.CreateAsync(user, password);
            return result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
        });

    /// <summary>
    /// Creates an account with no password, signed in through an organisation's provider: the
    /// account, its roles and the link to the provider's login, or none of them.
    /// </summary>
    public Task<IReadOnlyList<string>> CreateExternalAsync(AppUser user, IReadOnlyCollection<string> roles, UserLoginInfo login) =>
        CreateInTransactionAsync(async () =>
        {
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles.Distinct(StringComparer.Ordinal));
            }

            return result.Succeeded ? await users.AddLoginAsync(user, login) : result;
        });

    private async Task<IReadOnlyList<string>> CreateInTransactionAsync(Func<Task<IdentityResult>> create)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await create();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return result.Errors.Select(e => e.Description).ToList();
        }

        await transaction.CommitAsync();
        return [];
    }

    /// <summary>Sets exactly these roles. Refuses no role, unknown roles and an admin removing their own Admin role.</summary>
    /// <summary>
    /// One page of accounts for the admin's list, by display name: those whose name, e-mail or
    /// organisation contains the search (any case), and who have the role when one is chosen.
    /// </summary>
    public async Task<(IReadOnlyList<AppUser> Users, UserDirectoryPage Page)> SearchAsync(UserDirectoryQuery query, CancellationToken ct)
    {
        IQueryable<AppUser> matches = db.Users.AsNoTracking();
        if (query.Search is { } search)
        {
            var needle = search.ToUpperInvariant();
            matches = matches.Where(u => u.DisplayName.ToUpper().Contains(needle) || (u.Email != null && u.Email.ToUpper().Contains(needle)) || u.Organisation.ToUpper().Contains(needle));
        }

        if (query.Role is { } role)
        {
            var normalized = role.ToUpperInvariant();
            matches = matches.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }

        var page = query.Paginate(await matches.CountAsync(ct));
        var list = await matches.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Skip(page.Skip).Take(UserDirectoryQuery.PerPage).ToListAsync(ct);
        return (list, page);
    }

    public async Task<string?> SetRolesAsync(string actingUserId, string userId, IReadOnlyCollection<string> roles)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account does not exist.";
        }

        var wanted = roles.Distinct().ToList();
        if (wanted.Count == 0 || wanted.Any(r => !Roles.IsKnown(r)))
        {
            return $"Choose at least one known role for {user.DisplayName}.";
        }

        if (user.Id == actingUserId && !wanted.Contains(Roles.Admin))
        {
            return "You cannot remove your own Admin role: ask another administrator.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, wanted.Except(current));
        }

        if (result.Succeeded)
        {
            // A new stamp signs the person's other sessions out of their old roles at their next request.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            return $"The roles of {user.DisplayName} could not be changed: {string.Join(" ", result.Errors.Select(e => e.Description))}";
        }

        await transaction.CommitAsync();
        stamps.Forget(user.Id); // open real-time connections re-check at their next call
        await rooms.RecheckPersonAsync(user.Id, CancellationToken.None); // and rooms they only listen to, now
        LogRolesChanged(user.Email ?? user.Id, string.Join(",", wanted), actingUserId);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roles of {User} set to {Roles} by {AdminId}")]
    private partial void LogRolesChanged(string user, string roles, string adminId);
}
