using System.Security.Claims;
using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Web.Live;

/// <summary>Who is asking, as the comment services need it.</summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles)
{
    public bool CanWrite => CommentRules.CanWrite(Roles);
    public bool CanModerate => CommentRules.CanModerate(Roles);

    /// <summary>A registered member of the public, with no role the platform gave them.</summary>
    public bool IsPublicOnly => Core.Accounts.Roles.IsPublicOnly(Roles);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Caller is not signed in."),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}
