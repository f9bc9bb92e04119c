using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Admin.Users;

/// <summary>Admin: everyone's roles, changed one account at a time; unlock locked accounts.</summary>
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, AccountService accounts, TimeProvider clock) : PageModel
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
        var problem = await accounts.SetRolesAsync(users.GetUserId(User)!, userId, roles ?? []);
        if (problem is not null)
        {
            Problem = problem + " Nothing was changed.";
        }
        else
        {
            TempData["Flash"] = $"Roles saved: {string.Join(", ", (roles ?? []).Select(Roles.DisplayName))}.";
        }

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
}
