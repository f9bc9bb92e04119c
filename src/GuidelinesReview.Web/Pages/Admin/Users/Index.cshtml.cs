using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Admin.Users;

/// <summary>Admin: everyone's roles, changed one account at a time; unlock locked accounts.</summary>
public sealed partial class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roleNames = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var rolesByUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        Rows = list.Select(u => new Row(
            u.Id, u.DisplayName, u.Email ?? "", u.Organisation, ProfileNames.Of(u.StakeholderGroup),
            u.Region is { } r ? ProfileNames.Of(r) : "", rolesByUser[u.Id].ToHashSet(),
            u.LockoutEnd is { } end && end > now ? end : null)).ToList();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string>? roles)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = (roles ?? []).Distinct().ToList();
        if (wanted.Count == 0 || wanted.Any(r => !Roles.IsKnown(r)))
        {
            Problem = $"Choose at least one known role for {user.DisplayName}. Nothing was changed.";
            return RedirectToPage();
        }

        if (user.Id == users.GetUserId(User) && !wanted.Contains(Roles.Admin))
        {
            Problem = "You cannot remove your own Admin role: ask another administrator. Nothing was changed.";
            return RedirectToPage();
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            Problem = $"The roles of {user.DisplayName} could not be changed: {string.Join(" ", added.Errors.Select(e => e.Description))}";
            return RedirectToPage();
        }

        await users.UpdateSecurityStampAsync(user); // existing sign-ins pick up the new roles
        LogRolesChanged(user.Email ?? user.Id, string.Join(",", wanted), users.GetUserName(User) ?? "");
        TempData["Flash"] = $"{user.DisplayName} now has the role(s): {string.Join(", ", wanted.Select(Roles.DisplayName))}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"{user.DisplayName} can sign in again.";
        return RedirectToPage();
    }

    public sealed record Row(string Id, string DisplayName, string Email, string Organisation, string Group, string Region, IReadOnlySet<string> Roles, DateTimeOffset? LockedUntil);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roles of {User} set to {Roles} by {Admin}")]
    private partial void LogRolesChanged(string user, string roles, string admin);
}
