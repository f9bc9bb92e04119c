using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>Two versions side by side or inline, with a summary of what changed and the older version's comments.</summary>
[CompressResponse]
public sealed class CompareModel(DraftReader reader, DiffService diffs, CommentViews comments, ReadAccess access, BlockPlaces places, Data.AppDbContext db) : PageModel
{
    [FromQuery(Name = "from")] public int? From { get; set; }
    [FromQuery(Name = "to")] public int? To { get; set; }
    [FromQuery(Name = "view")] public string? ViewMode { get; set; }
    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "principle")] public string? Principle { get; set; }

    public DraftView Older { get; private set; } = null!;
    public DraftView Newer { get; private set; } = null!;
    public bool SideBySide => ViewMode == "side";
    public string? Problem { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Group, ChangeCounts Counts)> BySection { get; private set; } = [];
    public IReadOnlyList<(string Group, ChangeCounts Counts)> ByArea { get; private set; } = [];
    public ChangeCounts Total { get; private set; } = new(0, 0, 0, 0);

    private IReadOnlyDictionary<string, BlockPlace> oldPlaces = new Dictionary<string, BlockPlace>();
    private IReadOnlyDictionary<string, BlockPlace> newPlaces = new Dictionary<string, BlockPlace>();

    /// <summary>The section (number and title) a block stands in, in the older or the newer version.</summary>
    public string SectionOf(BlockRef block, bool inOlder) =>
        (inOlder ? oldPlaces : newPlaces).GetValueOrDefault(block.Anchor)?.Section ?? block.Anchor;

    /// <summary>One block of the comparison; <see cref="Id"/> is its permalink target on this page.</summary>
    public sealed record Row(BlockPair Pair, string Id, SectionView Section, IReadOnlyList<CommentView> OldComments);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var versions = await reader.VersionsAsync(slug, ct);
        if (versions is null || versions.Count == 0)
        {
            return NotFound();
        }

        var numbers = versions.Select(v => v.Number).ToList();
        var to = To ?? numbers[^1];
        var from = From ?? numbers.LastOrDefault(n => n < to, numbers[0]);
        var older = await reader.LoadAsync(slug, from, ct);
        var newer = await reader.LoadAsync(slug, to, ct);
        if (older is null || newer is null)
        {
            Problem = $"There is no v{(older is null ? from : to)} of this guideline. Choose two of: {string.Join(", ", numbers.Select(n => $"v{n}"))}.";
            Older = Newer = (older ?? newer ?? await reader.LoadAsync(slug, numbers[^1], ct))!;
            (From, To) = (Older.Version.Number, Older.Version.Number);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!await access.CanReadVersionAsync(User, older.Version.Id, ct) || !await access.CanReadVersionAsync(User, newer.Version.Id, ct))
        {
            return NotFound();
        }

        (Older, Newer, From, To) = (older, newer, from, to);
        (oldPlaces, newPlaces) = (await places.ForVersionAsync(older.Version.Id, ct), await places.ForVersionAsync(newer.Version.Id, ct));
        if (from == to)
        {
            Problem = "Choose two different versions to compare.";
            return Page();
        }

        var diff = await diffs.CompareAsync(older.Version.Id, newer.Version.Id, ct);
        var oldSections = older.Sections.ToDictionary(s => s.Anchor);
        var newSections = newer.Sections.ToDictionary(s => s.Anchor);
        SectionView SectionOf(BlockPair p) => p.New is { } n ? newSections[n.SectionAnchor] : oldSections[p.Old!.SectionAnchor];
        SectionView TopOf(BlockPair p)
        {
            var map = p.New is not null ? newSections : oldSections;
            var s = SectionOf(p);
            while (s.ParentAnchor is { } parent && map.TryGetValue(parent, out var up))
            {
                s = up;
            }

            return s;
        }

        bool Shown(BlockPair p)
        {
            var s = SectionOf(p);
            return (Area is null || s.AreaKeys.Contains(Area)) && (Principle is null || s.PrincipleKeys.Contains(Principle));
        }

        var shownDiff = new DraftDiff(diff.Pairs.Where(Shown).ToList());
        var oldComments = await CommentsByOldAnchorAsync(older.Version.Id, ct);
        Rows = shownDiff.Pairs.Select(p => new Row(
            p,
            p.New is { } n ? $"d-{n.Anchor}" : $"d-was-{p.Old!.Anchor}",
            SectionOf(p),
            p.Old is { } o && oldComments.TryGetValue(o.Anchor, out var list) ? list : [])).ToList();

        // Where decisions say a comment was addressed, in words (_DiffComments).
        var addressed = oldComments.Values.SelectMany(l => l).Select(c => c.Disposition).OfType<DispositionView>()
            .Where(d => d.AddressedVersion is not null && d.AddressedAnchor is not null).Select(d => (d.AddressedVersion!.Value, d.AddressedAnchor!)).Distinct().ToList();
        if (addressed.Count > 0)
        {
            var addressedNumbers = addressed.Select(a => a.Item1).Distinct().ToList();
            var ids = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
                db.DraftVersions.Where(v => v.GuidelineId == newer.Guideline.Id && addressedNumbers.Contains(v.Number)), v => v.Number, v => v.Id, ct);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (number, anchor) in addressed)
            {
                if (ids.TryGetValue(number, out var id) && await places.FindAsync(id, anchor, ct) is { } place)
                {
                    labels[$"{number}|{anchor}"] = place.Label;
                }
            }

            ViewData["AddressedPlaces"] = labels;
        }

        var areaNames = newer.Areas.Concat(older.Areas).DistinctBy(a => a.Key).ToDictionary(a => a.Key, a => a.Name);
        BySection = DiffSummary.By(shownDiff, p => [TopOf(p).Title]).OrderBy(kv => Rows.First(r => TopOf(r.Pair).Title == kv.Key).Pair.New?.Index ?? int.MaxValue)
            .Select(kv => (kv.Key, kv.Value)).ToList();
        ByArea = DiffSummary.By(shownDiff, p => SectionOf(p).AreaKeys.Select(k => areaNames.GetValueOrDefault(k, k)))
            .OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList();
        Total = DiffSummary.By(shownDiff, _ => ["all"]).GetValueOrDefault("all") ?? new ChangeCounts(0, 0, 0, 0);
        return Page();
    }

    /// <summary>The comments the older version had on each block: its own and those carried into it.</summary>
    private async Task<Dictionary<string, IReadOnlyList<CommentView>>> CommentsByOldAnchorAsync(int versionId, CancellationToken ct)
    {
        var moderator = Caller.From(User).CanModerate;
        var own = (await comments.ForVersionAsync(versionId, 0, moderator, ct)).Where(c => c.ParentId is null).Select(c => (c.Anchor, Comment: c));
        var carried = (await comments.CarriedIntoAsync(versionId, moderator, ct)).Where(c => c.Anchor is not null).Select(c => (Anchor: c.Anchor!, c.Comment));
        return own.Concat(carried).GroupBy(x => x.Anchor).ToDictionary(g => g.Key, g => (IReadOnlyList<CommentView>)g.Select(x => x.Comment).ToList());
    }

    public string Link(int? from = null, int? to = null, string? view = null) =>
        $"/guidelines/{Newer.Guideline.Slug}/compare?from={from ?? From}&to={to ?? To}&view={view ?? (SideBySide ? "side" : "inline")}" +
        (Area is null ? "" : $"&area={Uri.EscapeDataString(Area)}") + (Principle is null ? "" : $"&principle={Uri.EscapeDataString(Principle)}");
}
