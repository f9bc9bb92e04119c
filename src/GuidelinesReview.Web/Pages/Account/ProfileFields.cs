using System.ComponentModel.DataAnnotations;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GuidelinesReview.Web.Pages.Account;

/// <summary>The profile fields shared by the invitation and profile forms (see _ProfileFields.cshtml).</summary>
public sealed class ProfileFields
{
    [Required(ErrorMessage = "Enter the name other participants will see.")]
    [StringLength(100, ErrorMessage = "The display name can be at most 100 characters.")]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [StringLength(200, ErrorMessage = "The organisation can be at most 200 characters.")]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Choose a stakeholder group.")]
    [Display(Name = "Stakeholder group")]
    public StakeholderGroup? StakeholderGroup { get; set; }

    public Region? Region { get; set; }

    public static IEnumerable<SelectListItem> GroupOptions =>
        Enum.GetValues<StakeholderGroup>().Select(g => new SelectListItem(ProfileNames.Of(g), g.ToString()));

    public static IEnumerable<SelectListItem> RegionOptions =>
        Enum.GetValues<Region>().Select(r => new SelectListItem(ProfileNames.Of(r), r.ToString()));

    public static ProfileFields From(AppUser user) => new()
    {
        DisplayName = user.DisplayName,
        Organisation = user.Organisation,
        StakeholderGroup = user.StakeholderGroup,
        Region = user.Region,
    };

    public void ApplyTo(AppUser user)
    {
        user.DisplayName = DisplayName.Trim();
        user.Organisation = Organisation?.Trim() ?? "";
        user.StakeholderGroup = StakeholderGroup ?? Core.Accounts.StakeholderGroup.Other;
        user.Region = Region;
    }
}
