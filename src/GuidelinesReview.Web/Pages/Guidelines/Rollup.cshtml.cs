using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Rollups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>
/// The secretariat's rollup of a version's feedback: thematic area × principle matrix, charts per
/// stakeholder group and region, disposition progress, a drill-down into one cell or area, and
/// the key findings written for it.
/// </summary>
public sealed class RollupModel(RollupQueries queries, KeyFindingService findings, GuidelinesReview.Web.Drafts.BlockPlaces places) : PageModel
{
    public const int PageSize = 100;

    [FromQuery(Name = "area")] public int? Area { get; set; }
    [FromQuery(Name = "principle")] public int? Principle { get; set; }
    [FromQuery(Name = "finding")] public int? EditFinding { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    [BindProperty] public KeyFindingForm Form { get; set; } = new();

    public VersionRef Version { get; private set; } = null!;
    public RollupSource Source { get; private set; } = null!;

    /// <summary>The version's blocks in words, for the drill-down's "where in the draft".</summary>
    public IReadOnlyDictionary<string, GuidelinesReview.Core.Drafts.BlockPlace> Places { get; private set; } = new Dictionary<string, GuidelinesReview.Core.Drafts.BlockPlace>();
    public RollupQueryString Query { get; private set; } = null!;
    public Rollup Rollup { get; private set; } = null!;
    public IReadOnlyList<KeyFindingView> Findings { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Coverage { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<RollupItem> DrillItems { get; private set; } = [];
    public IReadOnlyList<RollupItemDetail> DrillPage { get; private set; } = [];
    public IReadOnlySet<(RollupItemKind, int)> Uncovered { get; private set; } = new HashSet<(RollupItemKind, int)>();
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public sealed class KeyFindingForm
    {
        public int? Id { get; set; }
        public int AreaTermId { get; set; }
        public int? PrincipleTermId { get; set; }
        public string? Text { get; set; }
        public List<int> CommentIds { get; set; } = [];
        public List<int> TakeawayIds { get; set; } = [];
    }

    public bool Drilling => Area is not null;

    public string TermName(int id, bool area) =>
        id == Rollup.None ? (area ? "No thematic area" : "No principle") : (area ? Source.Areas : Source.Principles).FirstOrDefault(t => t.Id == id)?.Name ?? "?";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        if (!await LoadAsync(slug, number, ct))
        {
            return NotFound();
        }

        if (EditFinding is { } id && Findings.FirstOrDefault(f => f.Id == id) is { } editing)
        {
            Form = new KeyFindingForm
            {
                Id = editing.Id, AreaTermId = editing.Area, PrincipleTermId = editing.Principle, Text = editing.Text,
                CommentIds = editing.Comments.ToList(), TakeawayIds = editing.Takeaways.ToList(),
            };
        }
        else if (Area is { } area)
        {
            Form = new KeyFindingForm { AreaTermId = area, PrincipleTermId = Principle is > 0 ? Principle : null };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(string slug, int number, CancellationToken ct)
    {
        // The whole rollup is only read again when the form has to be shown with its problems.
        if (await queries.VersionAsync(slug, number, ct) is not { } version)
        {
            return NotFound();
        }

        var problems = await findings.SaveAsync(Caller.From(User),
            new KeyFindingInput(Form.Id, version.Id, Form.AreaTermId, Form.PrincipleTermId, Form.Text, Form.CommentIds, Form.TakeawayIds), ct);
        if (problems.Count > 0)
        {
            await LoadAsync(version, ct);
            Problems = problems;
            return Page();
        }

        TempData["Flash"] = "The key finding was saved.";
        return BackToRollup(slug, number, Form.AreaTermId, Form.PrincipleTermId);
    }

    public async Task<IActionResult> OnPostDeleteFindingAsync(string slug, int number, int findingId, CancellationToken ct)
    {
        if (await queries.VersionAsync(slug, number, ct) is not { } version)
        {
            return NotFound();
        }

        TempData["Flash"] = await findings.DeleteAsync(Caller.From(User), version.Id, findingId, ct) ?? "The key finding was deleted.";
        return BackToRollup(slug, number, Area, Principle);
    }

    /// <summary>The rollup with the same filters, opened on the findings of an area (or cell).</summary>
    private RedirectResult BackToRollup(string slug, int number, int? area, int? principle) =>
        Redirect(Url.Content($"~/guidelines/{slug}/v/{number}/rollup")
            + RollupQueryString.Parse(Request.Query, []).With(("area", area is { } a ? S(a) : null), ("principle", principle is { } p ? S(p) : null)) + "#findings");

    private async Task<bool> LoadAsync(string slug, int number, CancellationToken ct)
    {
        var version = await queries.VersionAsync(slug, number, ct);
        if (version is null)
        {
            return false;
        }

        await LoadAsync(version, ct);
        return true;
    }

    private async Task LoadAsync(VersionRef version, CancellationToken ct)
    {
        Version = version;
        Source = await queries.LoadAsync(version.Id, version.GuidelineId, ct);
        Query = RollupQueryString.Parse(Request.Query, Source.Windows, Source.Languages);
        Rollup = Rollup.Build(Source.Items, Query.Filter);
        Findings = await findings.ListAsync(version.Id, ct);
        Places = await places.ForVersionAsync(version.Id, ct);
        Coverage = KeyFindingCoverage.Covered(Rollup, Findings.Select(f => f.Links));
        if (Area is { } area)
        {
            DrillItems = Principle is { } principle ? Rollup.ItemsIn(area, principle) : Rollup.ItemsInArea(area);
            Uncovered = KeyFindingCoverage.Uncovered(Rollup, Findings.Select(f => f.Links).ToList(), area, Principle).Select(i => (i.Kind, i.Id)).ToHashSet();
            PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (DrillItems.Count + PageSize - 1) / PageSize));
            DrillPage = await queries.DetailsAsync(DrillItems.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList(), ct);
        }
    }

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
