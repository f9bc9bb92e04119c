using GuidelinesReview.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace GuidelinesReview.Web.Accounts;

/// <summary>Authorization policies by role, applied by each feature to its own pages (AddAccounts, AddDrafts, ...).
/// Who may write comments is decided per action by <c>CommentRules</c>, for the hub and API alike.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Secretariat work: publishing, invitations, moderation, dispositions.</summary>
    public const string Secretariat = nameof(Secretariat);

    /// <summary>Everyone the platform gave a role: public participants reach only the drafts they were consulted on.</summary>
    public const string Members = nameof(Members);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Members, p => p.RequireRole(Roles.All.Where(r => r != Roles.Public)));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Secretariat, p => p.RequireRole(Roles.Secretariat, Roles.Admin));

        // Everything needs a signed-in user unless a page says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
