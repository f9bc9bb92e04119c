using GuidelinesReview.Core.Diff;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>"What changed since I commented": each of my comments and what became of its text in the latest version.</summary>
[CompressResponse]
public sealed class MyCommentsModel(DraftReader reader, CommentViews views, ReadAccess access) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public VersionSummary Latest { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];

    /// <summary>A comment and where it stands in the latest version (null when made on the latest).</summary>
    public sealed record Item(CommentView Comment, PlacementView? InLatest);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var versions = await reader.VersionsAsync(slug, ct);
        if (versions is null || versions.Count == 0)
        {
            return NotFound();
        }

        var view = (await reader.LoadAsync(slug, versions[^1].Number, ct))!;
        if (await access.ReadableGuidelinesAsync(User, ct) is { } readable && !readable.Contains(view.Guideline.Id))
        {
            return NotFound();
        }

        (Slug, Title, Latest) = (slug, view.Guideline.Title, versions[^1]);
        var mine = await views.ByAuthorAsync(view.Guideline.Id, Caller.From(User).UserId, ct);
        Items = mine
            .OrderByDescending(c => c.VersionNumber).ThenBy(c => c.Id)
            .Select(c => new Item(c, c.VersionNumber == Latest.Number ? null : c.Placements.FirstOrDefault(p => p.Version == Latest.Number)))
            .ToList();
        return Page();
    }

    public static string Describe(Item item, int latest) => item.InLatest switch
    {
        null when item.Comment.VersionNumber == latest => "Made on the latest version.",
        null => $"Not carried to v{latest} (withdrawn or hidden before it was published).",
        { Status: PlacementStatus.Unchanged } p => $"Unchanged in v{latest} (at {p.Anchor}).",
        { Status: PlacementStatus.Modified, PassageFound: false } p => $"Changed in v{latest}: the words you quoted were reworded (now at {p.Anchor}).",
        { Status: PlacementStatus.Modified } p => $"Changed in v{latest} (now at {p.Anchor}).",
        _ => $"The text you commented on is no longer in v{latest}.",
    };
}
