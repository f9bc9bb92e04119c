using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Admin.Users;

/// <summary>
/// Admin: find accounts (search, role, 25 a page, all in the address), change a person's roles
/// after confirming that it signs them out everywhere, unlock locked accounts.
/// </summary>
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, AccountService accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public UserDirectoryQuery Query { get; private set; } = UserDirectoryQuery.Parse(null, null, null);

    public UserDirectoryPage Paging { get; private set; } = new(1, 1, 0, 0);

    /// <summary>A role change waiting for the admin's confirmation (no script needed: the form comes back with it).</summary>
    public PendingChange? Pending { get; private set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(string? q, string? role, int? p, CancellationToken ct)
    {
        Query = UserDirectoryQuery.Parse(q, role, p);
        await LoadAsync(ct);
    }

    /// <summary>
    /// Saves only when <paramref name="confirmed"/>: otherwise the page comes back with what the
    /// change does (sign-out everywhere) and a button to confirm it. Filters and page are kept.
    /// </summary>
    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string>? roles, bool confirmed, string? q, string? role, int? p, CancellationToken ct)
    {
        Query = UserDirectoryQuery.Parse(q, role, p);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = (roles ?? []).Distinct().Where(Roles.IsKnown).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();
        var current = (await users.GetRolesAsync(user)).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();
        if (wanted.Count > 0 && wanted.Count == (roles ?? []).Distinct().Count() && wanted.SequenceEqual(current))
        {
            TempData["Flash"] = $"The roles of {user.DisplayName} ({user.Email}) are unchanged; nobody was signed out.";
            return RedirectToPage(Query.RouteFor(Query.Page));
        }

        if (!confirmed)
        {
            Pending = new PendingChange(user.Id, user.DisplayName, user.Email ?? "", current, roles ?? []);
            await LoadAsync(ct);
            return Page();
        }

        var problem = await accounts.SetRolesAsync(users.GetUserId(User)!, userId, roles ?? []);
        if (problem is not null)
        {
            Problem = problem + " Nothing was changed.";
        }
        else
        {
            TempData["Flash"] = $"Roles saved for {user.DisplayName} ({user.Email}): {string.Join(", ", wanted.Select(Roles.DisplayName))}. They were signed out everywhere and sign in again with the new roles.";
        }

        return RedirectToPage(Query.RouteFor(Query.Page));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, string? q, string? role, int? p)
    {
        Query = UserDirectoryQuery.Parse(q, role, p);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"{user.DisplayName} can sign in again.";
        return RedirectToPage(Query.RouteFor(Query.Page));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (list, paging) = await accounts.SearchAsync(Query, ct);
        Paging = paging;
        var ids = list.Select(u => u.Id).ToList();
        var rolesByUser = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        Rows = list.Select(u => new Row(
            u.Id, u.DisplayName, u.Email ?? "", u.Organisation, ProfileNames.Of(u.StakeholderGroup),
            u.Region is { } r ? ProfileNames.Of(r) : "", rolesByUser[u.Id].ToHashSet(),
            u.LockoutEnd is { } end && end > now ? end : null)).ToList();
    }

    public sealed record Row(string Id, string DisplayName, string Email, string Organisation, string Group, string Region, IReadOnlySet<string> Roles, DateTimeOffset? LockedUntil);

    public sealed record PendingChange(string UserId, string DisplayName, string Email, IReadOnlyList<string> From, IReadOnlyList<string> To);
}
