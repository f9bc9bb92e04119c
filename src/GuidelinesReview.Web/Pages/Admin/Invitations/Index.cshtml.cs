using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Admin.Invitations;

/// <summary>Secretariat and Admin: create invitation links, see which are open, withdraw them.</summary>
public sealed class IndexModel(AppDbContext db, InvitationService invitations, UserManager<AppUser> users, AccountMails mails, PublicLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>The link just created; shown once (it travels in the encrypted temp-data cookie), as only its hash is stored.</summary>
    [TempData]
    public string? NewLink { get; set; }

    public IReadOnlyList<Invitation> Recent { get; private set; } = [];
    public IReadOnlyList<string> InvitableRoles { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Roles.CanInvite(RolesOfCaller(), Input.Role))
        {
            ModelState.AddModelError("Input.Role", "You cannot invite people with this role.");
        }

        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is not null)
        {
            ModelState.AddModelError("Input.Email", $"{Input.Email.Trim()} already has an account; change its roles on the Users page instead.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await invitations.CreateAsync(Input.Email, Input.Role, Input.DisplayName ?? "", Input.ValidDays, users.GetUserId(User)!, ct);
        NewLink = links.Page("/Account/AcceptInvite", new { token = created.Token });
        var inviter = await users.GetUserAsync(User);
        await mails.SendInvitationAsync(created.Invitation, NewLink, inviter?.DisplayName is { Length: > 0 } name ? name : "The secretariat", ct);
        return RedirectToPage(); // a refresh must not create a second invitation
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        TempData["Flash"] = await invitations.RevokeAsync(id, ct)
            ? "The invitation was withdrawn; its link no longer works."
            : "That invitation was already used or withdrawn; nothing was changed.";
        return RedirectToPage();
    }

    private IEnumerable<string> RolesOfCaller() => Roles.All.Where(User.IsInRole);

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        InvitableRoles = Roles.All.Where(r => Roles.CanInvite(RolesOfCaller(), r)).ToList();
        Recent = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(100).ToListAsync(ct);
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the email address of the person to invite.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Expert;

        [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
        [Display(Name = "Name (optional)")]
        public string? DisplayName { get; set; }

        [Range(InvitationService.MinDays, InvitationService.MaxDays, ErrorMessage = "An invitation can be valid for 1 to 30 days.")]
        [Display(Name = "Valid for (days)")]
        public int ValidDays { get; set; } = 14;
    }
}
