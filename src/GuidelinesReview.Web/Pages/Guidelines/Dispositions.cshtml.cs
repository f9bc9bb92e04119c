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
public sealed class DispositionsModel(DraftReader reader, DispositionQueries queries, CommentService comments, AppDbContext db) : PageModel
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

    public async Task<IActionResult> OnPostDecideAsync(string slug, int number, int commentId, Decision? decision, string? observation, int? addressedVersion, string? addressedAnchor, CancellationToken ct)
    {
        if (!await BelongsAsync(slug, number, commentId, ct))
        {
            Problem = $"Comment #{commentId} is not on this version. Nothing was changed.";
            return Back(commentId);
        }

        if (decision is null)
        {
            Problem = $"Comment #{commentId}: choose a decision. Nothing was changed.";
            return Back(commentId);
        }

        await RunAsync(() => comments.SetDispositionAsync(Caller.From(User), new DispositionInput(commentId, decision.Value, observation, addressedVersion, addressedAnchor), ct),
            $"Decision recorded on comment #{commentId}.", commentId);
        return Back(commentId);
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
        }
        catch (RefusedException e)
        {
            Problem = $"Comment #{commentId}: {e.Message} Nothing was changed.";
        }
    }

    /// <summary>Back to the same filtered table, at the row just changed.</summary>
    private RedirectResult Back(int commentId) => Redirect($"{Request.Path}{FilterQuery()}#row-{commentId}");

    public string FilterQuery()
    {
        var query = Request.Query.Where(q => q.Key != "handler").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        return query.Count == 0 ? "" : "?" + string.Join("&", query);
    }

    /// <summary>The guideline's languages, the version's own first: those a comment can be written in.</summary>
    public IReadOnlyList<string> Languages => View.Guideline.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .OrderBy(l => string.Equals(l, View.Version.Language, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();

    public string TermName(string key, bool area) =>
        (area ? View.Areas : View.Principles).FirstOrDefault(t => t.Key == key)?.Name ?? key;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
