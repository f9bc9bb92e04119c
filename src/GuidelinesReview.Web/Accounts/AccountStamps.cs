using System.Collections.Concurrent;
using System.Security.Claims;
using GuidelinesReview.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Accounts;

/// <summary>
/// Whether the security stamp in a connection's sign-in still matches the account's (it changes
/// when roles change or the password does). Answers are kept for a few seconds so a busy
/// meeting does not query the database on every hub call.
/// </summary>
public sealed class AccountStamps(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset At)> stamps = new();

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var claimed = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || claimed is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (!stamps.TryGetValue(id, out var entry) || now - entry.At > CacheFor)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            entry = (await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(), now);
            stamps[id] = entry;
        }

        return entry.Stamp == claimed;
    }

    /// <summary>Forgets a cached stamp at once (after a role change in this process).</summary>
    public void Forget(string userId) => stamps.TryRemove(userId, out _);
}
