using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>
/// "What became of what I said": each of my comments and replies, with where it stands now
/// (<see cref="CommentStanding"/>: open, decided, carried to the current draft, on a superseded
/// version, hidden, withdrawn) and its places in words, linked to the block.
/// </summary>
[CompressResponse]
public sealed class MyCommentsModel(DraftReader reader, CommentViews views, ReadAccess access, BlockPlaces places, AppDbContext db) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public VersionSummary Latest { get; private set; } = null!;
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<Reply> Replies { get; private set; } = [];

    /// <summary>A place in a version, in words, with the address of the block.</summary>
    public sealed record Place(int Version, string Label, string Href);

    /// <summary>A comment of mine: where I made it, where it stands and where it is now (null when nowhere).</summary>
    public sealed record Item(CommentView Comment, CommentStanding Standing, Place MadeAt, Place? Now, Place? Addressed);

    /// <summary>A reply of mine, with the comment it answers and where that one stands.</summary>
    public sealed record Reply(CommentView Comment, CommentView? Parent, Place MadeAt);

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
        var published = await db.DraftVersions.AsNoTracking().Where(v => v.GuidelineId == view.Guideline.Id)
            .Select(v => new { v.Id, v.Number, v.PublishedAt }).ToListAsync(ct);
        var ids = published.ToDictionary(v => v.Number, v => v.Id);
        var publishedAt = published.ToDictionary(v => v.Number, v => v.PublishedAt);

        async Task<Place?> PlaceAsync(int? number, string? anchor, string? language = null)
        {
            if (number is not { } n || anchor is null || !ids.TryGetValue(n, out var id))
            {
                return null;
            }

            var label = (await places.FindAsync(id, anchor, ct))?.Label ?? "a paragraph that is not in this version";
            return new Place(n, label, $"/guidelines/{slug}/v/{n}{(language is null ? "" : "/" + language)}#{anchor}");
        }

        var mine = await views.OwnAsync(view.Guideline.Id, Caller.From(User).UserId, ct);
        var items = new List<Item>();
        foreach (var c in mine.Where(c => c.ParentId is null).OrderByDescending(c => c.VersionNumber).ThenByDescending(c => c.CreatedAt))
        {
            var standing = CommentStanding.Of(new StandingFacts(
                c.VersionNumber,
                Latest.Number,
                c.Status == CommentStatus.Withdrawn,
                c.Hidden?.At,
                c.Disposition?.DecisionName,
                c.Disposition?.AddressedVersion,
                c.Disposition?.AddressedAnchor,
                c.CreatedAt,
                c.Placements.Select(p => new StandingStep(p.Version, p.Status, p.PassageFound, p.Anchor)).ToList(),
                publishedAt));
            items.Add(new Item(
                c,
                standing,
                (await PlaceAsync(c.VersionNumber, c.Anchor, c.Language))!,
                await PlaceAsync(standing.Version, standing.Anchor),
                await PlaceAsync(c.Disposition?.AddressedVersion, c.Disposition?.AddressedAnchor)));
        }

        var replies = mine.Where(c => c.ParentId is not null).OrderByDescending(c => c.CreatedAt).ToList();
        var parents = (await views.ManyAsync(replies.Select(r => r.ParentId!.Value).Distinct().ToList(), ct)).ToDictionary(p => p.Id);
        var answered = new List<Reply>();
        foreach (var r in replies)
        {
            answered.Add(new Reply(r, parents.GetValueOrDefault(r.ParentId!.Value), (await PlaceAsync(r.VersionNumber, r.Anchor, r.Language))!));
        }

        (Items, Replies) = (items, answered);
        return Page();
    }

    /// <summary>The first words of a comment's text, for naming the comment a reply answers.</summary>
    public static string Opening(CommentView comment) =>
        comment.Body is null ? "a comment hidden by a moderator" : $"“{BlockPlace.FirstWords(Core.Markdown.PlainText.Collapse(comment.Body), 12)}”";
}
