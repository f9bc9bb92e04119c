using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>The secretariat's table of every comment on a version and what was decided about it.</summary>
public sealed class DispositionsModel(DraftReader reader, DispositionQueries queries, CommentService comments, AppDbContext db, BlockPlaces places) : PageModel
{
    [FromQuery(Name = "section")] public string? Section { get; set; }
    [FromQuery(Name = "type")] public CommentType? Type { get; set; }
    [FromQuery(Name = "decision")] public string? DecisionFilter { get; set; }
    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "principle")] public string? Principle { get; set; }
    [FromQuery(Name = "group")] public string? Group { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "lang")] public string? LanguageFilter { get; set; }

    public DraftView View { get; private set; } = null!;
    public IReadOnlyList<DispositionLine> Lines { get; private set; } = [];
    public DispositionProgress Overall { get; private set; } = new(0, 0);
    public DispositionProgress Shown { get; private set; } = new(0, 0);
    public bool Filtered { get; private set; }

    [TempData] public string? Problem { get; set; }

    /// <summary>The row the last form post was about, and whether it went well, to say so beside that row.</summary>
    [TempData] public int? RowDone { get; set; }
    [TempData] public int? RowProblem { get; set; }
    [TempData] public string? RowMessage { get; set; }
    [TempData] public string? BulkSummary { get; set; }

    public static IEnumerable<string> Groups => Enum.GetValues<StakeholderGroup>().Select(ProfileNames.Of);
    public static IEnumerable<string> Regions => Enum.GetValues<Core.Accounts.Region>().Select(ProfileNames.Of);

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        var view = await reader.LoadAsync(slug, number, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        await LoadLaterPlacesAsync(ct);
        var all = await queries.LinesAsync(view.Version.Id, ct);
        var filter = new DispositionFilter(
            Blank(Section), Type,
            Enum.TryParse<Decision>(DecisionFilter, out var decision) ? decision : null,
            DecisionFilter == "none",
            Blank(Area), Blank(Principle), Blank(Group), Blank(Region), Blank(LanguageFilter));
        Filtered = !filter.IsEmpty;
        Lines = all.Where(l => filter.Matches(l.Row)).ToList();
        Overall = DispositionProgress.Of(all.Select(l => l.Row));
        Shown = DispositionProgress.Of(Lines.Select(l => l.Row));
        return Page();
    }

    /// <summary>One row of the table, as the page draws it: the script swaps it in after a decision made through the hub.</summary>
    public async Task<IActionResult> OnGetRowAsync(string slug, int number, int commentId, CancellationToken ct)
    {
        var view = await reader.LoadAsync(slug, number, ct);
        if (view is null || await queries.LineAsync(view.Version.Id, commentId, ct) is not { } line)
        {
            return NotFound();
        }

        View = view;
        await LoadLaterPlacesAsync(ct);
        return Partial("_DispositionRow", new DispositionRowModel(this, line));
    }

    public async Task<IActionResult> OnPostDecideAsync(string slug, int number, int commentId, Decision? decision, string? observation, int? addressedVersion, string? addressedAnchor, long? expected, CancellationToken ct)
    {
        if (!await BelongsAsync(slug, number, commentId, ct))
        {
            Problem = $"Comment #{commentId} is not on this version. Nothing was changed.";
            return Back(commentId);
        }

        if (decision is null)
        {
            (RowProblem, RowMessage) = (commentId, $"Comment #{commentId}: choose a decision. Nothing was changed.");
            return Back(commentId);
        }

        await RunAsync(() => comments.SetDispositionAsync(Caller.From(User), new DispositionInput(commentId, decision.Value, observation, addressedVersion, addressedAnchor, expected ?? 0), ct),
            $"Decision recorded on comment #{commentId}.", commentId);
        return Back(commentId);
    }

    public async Task<IActionResult> OnPostResetAsync(string slug, int number, int commentId, long? expected, CancellationToken ct)
    {
        if (!await BelongsAsync(slug, number, commentId, ct))
        {
            Problem = $"Comment #{commentId} is not on this version. Nothing was changed.";
            return Back(commentId);
        }

        await RunAsync(() => comments.ResetDispositionAsync(Caller.From(User), new ResetDispositionInput(commentId, expected ?? 0), ct),
            $"Comment #{commentId} is back to “not yet decided”.", commentId);
        return Back(commentId);
    }

    /// <summary>
    /// One decision for the selected rows (without script; the script goes through the hub).
    /// Each selected box is "id:seq", the comment and the decision its row showed.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(string slug, int number, List<string>? selected, Decision? decision, string? observation, CancellationToken ct)
    {
        var targets = DispositionsModel.ParseSelected(selected);
        if (targets is null || targets.Count == 0)
        {
            Problem = "Select at least one comment (the boxes in the first column) before applying a decision. Nothing was changed.";
            return Redirect($"{Request.Path}{FilterQuery()}#bulk");
        }

        if (decision is null)
        {
            Problem = "Choose the decision to apply to the selected comments. Nothing was changed.";
            return Redirect($"{Request.Path}{FilterQuery()}#bulk");
        }

        var version = await db.DraftVersions.Where(v => v.Number == number && v.Guideline.Slug == slug).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct);
        var ids = targets.Select(t => t.CommentId).ToList();
        var here = await db.Comments.Where(c => ids.Contains(c.Id) && c.VersionId == version).Select(c => c.Id).ToListAsync(ct);
        var outside = targets.Where(t => !here.Contains(t.CommentId)).ToList();
        try
        {
            var result = await comments.SetDispositionsAsync(Caller.From(User),
                new BulkDispositionInput(targets.Where(t => here.Contains(t.CommentId)).ToList(), decision.Value, observation), ct);
            var items = result.Items.Concat(outside.Select(o => new BulkItem(o.CommentId, "it is not on this version."))).ToList();
            BulkSummary = DispositionRules.Summary($"Recorded “{CommentNames.Of(decision.Value)}”", items);
        }
        catch (RefusedException e)
        {
            Problem = $"{e.Message} Nothing was changed.";
        }

        return Redirect($"{Request.Path}{FilterQuery()}#bulk");
    }

    /// <summary>"12:345" boxes as targets; null when one is not of that form.</summary>
    public static List<BulkTarget>? ParseSelected(IEnumerable<string>? selected)
    {
        var targets = new List<BulkTarget>();
        foreach (var value in selected ?? [])
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var id) || !long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var seq))
            {
                return null;
            }

            targets.Add(new BulkTarget(id, seq));
        }

        return targets;
    }

    public async Task<IActionResult> OnPostRetagAsync(string slug, int number, int commentId, List<string>? areas, List<string>? principles, CancellationToken ct)
    {
        if (!await BelongsAsync(slug, number, commentId, ct))
        {
            Problem = $"Comment #{commentId} is not on this version. Nothing was changed.";
            return Back(commentId);
        }

        await RunAsync(() => comments.RetagAsync(Caller.From(User), new RetagInput(commentId, areas ?? [], principles ?? []), ct),
            $"Tags of comment #{commentId} saved.", commentId);
        return Back(commentId);
    }

    private Task<bool> BelongsAsync(string slug, int number, int commentId, CancellationToken ct) =>
        db.Comments.AnyAsync(c => c.Id == commentId && db.DraftVersions.Any(v => v.Id == c.VersionId && v.Number == number && v.Guideline.Slug == slug), ct);

    private async Task RunAsync(Func<Task<CommentView>> change, string done, int commentId)
    {
        try
        {
            await change();
            TempData["Flash"] = done;
            (RowDone, RowMessage) = (commentId, done);
        }
        catch (RefusedException e)
        {
            var nothing = e.Message.Contains("Nothing was saved", StringComparison.Ordinal) ? "" : " Nothing was changed.";
            (RowProblem, RowMessage) = (commentId, $"Comment #{commentId}: {e.Message}{nothing}");
        }
    }

    /// <summary>Back to the same filtered table, at the row just changed.</summary>
    private RedirectResult Back(int commentId) => Redirect($"{Request.Path}{FilterQuery()}#row-{commentId}");

    public string FilterQuery()
    {
        var query = Request.Query.Where(q => q.Key is not ("handler" or "commentId")).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        return query.Count == 0 ? "" : "?" + string.Join("&", query);
    }

    /// <summary>The guideline's languages, the version's own first: those a comment can be written in.</summary>
    public IReadOnlyList<string> Languages => View.Guideline.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .OrderBy(l => string.Equals(l, View.Version.Language, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();

    public string TermName(string key, bool area) =>
        (area ? View.Areas : View.Principles).FirstOrDefault(t => t.Key == key)?.Name ?? key;

    /// <summary>The blocks of every later version in words, by version number: "addressed in" picks from them.</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, Core.Drafts.BlockPlace>> LaterPlaces { get; private set; } = new Dictionary<int, IReadOnlyDictionary<string, Core.Drafts.BlockPlace>>();

    private async Task LoadLaterPlacesAsync(CancellationToken ct)
    {
        var later = new Dictionary<int, IReadOnlyDictionary<string, Core.Drafts.BlockPlace>>();
        var ids = await db.DraftVersions.Where(v => v.GuidelineId == View.Guideline.Id && v.Number > View.Version.Number)
            .Select(v => new { v.Id, v.Number }).ToListAsync(ct);
        foreach (var v in ids.OrderBy(v => v.Number))
        {
            later[v.Number] = await places.ForVersionAsync(v.Id, ct);
        }

        LaterPlaces = later;
    }

    /// <summary>A paragraph of a later version in words, or its anchor when that version's places are not at hand.</summary>
    public string PlaceIn(int versionNumber, string anchor) =>
        LaterPlaces.GetValueOrDefault(versionNumber)?.GetValueOrDefault(anchor)?.Label ?? anchor;

    /// <summary>The versions a comment on <paramref name="commentVersion"/> can have been addressed in.</summary>
    public IReadOnlyList<int> AddressableVersions(int commentVersion) =>
        DispositionRules.AddressableVersions(commentVersion, View.AllVersions.Select(v => v.Number));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>A row of the table and the page it belongs to (for its forms' addresses and tag names).</summary>
public sealed record DispositionRowModel(DispositionsModel Page, DispositionLine Line);
