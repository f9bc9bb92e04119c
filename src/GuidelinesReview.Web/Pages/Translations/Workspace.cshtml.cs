using System.Globalization;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>One section's rows in the workspace, under its heading.</summary>
public sealed record WorkspaceGroup(WorkspaceSection Section, IReadOnlyList<WorkspaceSegment> Rows, string Ancestors)
{
    /// <summary>h2 for a top-level section, h3 below it, ... (the page's own h1 is the guideline).</summary>
    public string HeadingTag => $"h{Math.Min(6, Section.Level + 1)}";
}

/// <summary>
/// The translation workspace of one version in one language: the English source and the translation
/// of every segment side by side, to write, submit, review and discuss (live through
/// <c>/hubs/translate</c>, Scripts/translate.js). Who may open it and what they may do is
/// <see cref="TranslationAccess"/>'s; a refusal is shown as its sentence with its status.
/// </summary>
// Compressed: the whole version is on one page and nothing on it is a secret (no antiforgery
// token: its forms send through the hub, which the sign-in cookie authorises).
[CompressResponse]
public sealed partial class WorkspaceModel(TranslationWorkspace workspace) : PageModel
{
    /// <summary>The state filter without JavaScript (<c>?state=untranslated</c>); JavaScript filters in place.</summary>
    [FromQuery(Name = "state")]
    public string? StateFilter { get; set; }

    /// <summary>The section filter without JavaScript (<c>?section=s4</c>, subsections included).</summary>
    [FromQuery(Name = "section")]
    public string? SectionFilter { get; set; }

    public WorkspaceView View { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public IReadOnlyList<WorkspaceGroup> Groups { get; private set; } = [];
    public string UserId { get; private set; } = "";

    public TranslationRights Rights => View.Target.Rights;
    public LanguageInfo Language => View.Target.Language;
    public int VersionNumber => View.Target.Version.Number;
    public string VersionPath => $"/guidelines/{View.GuidelineSlug}/v/{VersionNumber}";
    public string WorkspacePath => $"{VersionPath}/translate/{Language.Code}";

    /// <summary>The states in the order the progress bar and the filter list them.</summary>
    public static readonly IReadOnlyList<TranslationState> StateOrder =
        [TranslationState.Approved, TranslationState.Translated, TranslationState.Draft, TranslationState.Rejected, TranslationState.Outdated, TranslationState.Untranslated];

    public async Task<IActionResult> OnGetAsync(string slug, int number, string lang, CancellationToken ct)
    {
        try
        {
            View = await workspace.LoadAsync(Caller.From(User), slug, number, lang, ct);
        }
        catch (RefusedException e)
        {
            Refusal = e.Message;
            Response.StatusCode = e.StatusCode;
            return Page();
        }

        UserId = Caller.From(User).UserId;
        StateFilter = TranslationStates.TryParse(StateFilter, out var state) ? TranslationStates.Key(state) : null;
        SectionFilter = View.Sections.Any(s => s.Anchor == SectionFilter) ? SectionFilter : null;
        Groups = GroupsOf(View);
        return Page();
    }

    /// <summary>Consecutive segments of one section make a group; each knows its section's ancestors (for the section filter).</summary>
    private static List<WorkspaceGroup> GroupsOf(WorkspaceView view)
    {
        var sections = view.Sections.ToDictionary(s => s.Anchor, StringComparer.Ordinal);
        var ancestors = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<WorkspaceSection>();
        foreach (var section in view.Sections)
        {
            while (path.Count > 0 && path[^1].Level >= section.Level)
            {
                path.RemoveAt(path.Count - 1);
            }

            path.Add(section);
            ancestors[section.Anchor] = string.Join(' ', path.Select(p => p.Anchor));
        }

        var groups = new List<WorkspaceGroup>();
        foreach (var run in Runs(view.Segments))
        {
            var anchor = run[0].SectionAnchor;
            var section = sections.GetValueOrDefault(anchor) ?? new WorkspaceSection(anchor, run[0].SectionTitle, 1);
            groups.Add(new WorkspaceGroup(section, run, ancestors.GetValueOrDefault(anchor, anchor)));
        }

        return groups;
    }

    private static IEnumerable<List<WorkspaceSegment>> Runs(IReadOnlyList<WorkspaceSegment> segments)
    {
        var run = new List<WorkspaceSegment>();
        foreach (var segment in segments)
        {
            if (run.Count > 0 && run[0].SectionAnchor != segment.SectionAnchor)
            {
                yield return run;
                run = [];
            }

            run.Add(segment);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>Whether the no-JavaScript filter shows this row (the script filters the same way).</summary>
    public bool Shows(WorkspaceGroup group, WorkspaceSegment row) =>
        (StateFilter is null || TranslationStates.Key(row.State) == StateFilter)
        && (SectionFilter is null || group.Ancestors.Split(' ').Contains(SectionFilter, StringComparer.Ordinal));

    public int Count(TranslationState state) => View.Count(state);

    /// <summary>Percentage of all segments in a state, for the progress bar (its text says the counts).</summary>
    public string Percent(TranslationState state) =>
        View.Segments.Count == 0 ? "0" : (100.0 * Count(state) / View.Segments.Count).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Where a state's part of the progress bar starts.</summary>
    public string Offset(TranslationState state) =>
        View.Segments.Count == 0 ? "0" : (100.0 * StateOrder.TakeWhile(s => s != state).Sum(Count) / View.Segments.Count).ToString("0.###", CultureInfo.InvariantCulture);

    public string ProgressText => string.Join(", ", StateOrder.Select(s => $"{Count(s)} {TranslationStates.Name(s).ToLowerInvariant()}")) + $", of {View.Segments.Count} segments";

    [GeneratedRegex(@"-r(?<row>\d+)c(?<col>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CellSuffix();

    /// <summary>The segment's place as a translator reads it: its anchor, and for a table cell its row and column ("s2-t1 · row 1, col 2"; row 0 is the header).</summary>
    public static string Label(SourceSegment segment)
    {
        if (segment.Kind != BlockKind.Table || segment.Id == segment.BlockAnchor || CellSuffix().Match(segment.Id) is not { Success: true } cell)
        {
            return segment.Id;
        }

        var row = int.Parse(cell.Groups["row"].Value, CultureInfo.InvariantCulture);
        var col = int.Parse(cell.Groups["col"].Value, CultureInfo.InvariantCulture) + 1;
        return $"{segment.BlockAnchor} · {(row == 0 ? "header row" : $"row {row}")}, col {col}";
    }

    public static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.ListItem => "list-item",
        BlockKind.Quote => "quote",
        BlockKind.Table => "table-cell",
        BlockKind.Code => "code",
        _ => "paragraph",
    };

    public static string When(DateTime at) => at.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"));

    public static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How a candidate came to be offered, as the row says it.</summary>
    public static string CandidateReason(string reason) => reason switch
    {
        "merged" => "merged into this paragraph",
        "split" => "split from a longer paragraph",
        "edited" => "its English was edited",
        "import" => "imported, its English changed since the export",
        "gone" => "its English is gone",
        _ => reason,
    };

    /// <summary>Rows of a textarea for a source this long (the script grows it as the text grows).</summary>
    public static int RowsFor(string source, string? text) => Math.Clamp((Math.Max(source.Length, text?.Length ?? 0) / 70) + 2, 2, 14);
}

/// <summary>What one row of the workspace is drawn from (Pages/Translations/_WorkspaceRow.cshtml).</summary>
public sealed record WorkspaceRowModel(WorkspaceModel Page, WorkspaceGroup Group, WorkspaceSegment Row);
