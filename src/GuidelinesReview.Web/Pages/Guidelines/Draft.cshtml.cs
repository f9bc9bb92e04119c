using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>The reading view of one draft version, optionally filtered by thematic area and principle.</summary>
[CompressResponse]
public sealed class DraftModel(DraftReader reader, MeetingReader rooms, Consultations.ConsultationService consultations) : PageModel
{
    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "principle")]
    public string? Principle { get; set; }

    /// <summary>Commenting from a breakout room: its comments carry the room and meeting.</summary>
    [FromQuery(Name = "room")]
    public int? RoomId { get; set; }

    public string? RoomTitle { get; private set; }

    public ConsultationBanner? Consultation { get; private set; }

    public DraftView View { get; private set; } = null!;
    public SectionFilterResult? Filter { get; private set; }
    public IReadOnlyList<string> FilterProblems { get; private set; } = [];
    public ILookup<string?, SectionView> Children { get; private set; } = null!;
    public Dictionary<string, SectionView> SectionsByAnchor { get; private set; } = [];

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>What review.js needs besides the page: term names and the versions a disposition can point to.</summary>
    public string ReviewDataJson => JsonSerializer.Serialize(new
    {
        areas = View.Areas.ToDictionary(t => t.Key, t => t.Name),
        principles = View.Principles.ToDictionary(t => t.Key, t => t.Name),
        versions = View.AllVersions.Select(v => new { v.Number, v.Label }),
        decisions = Enum.GetValues<Decision>().Select(d => new { value = JsonNamingPolicy.CamelCase.ConvertName(d.ToString()), name = CommentNames.Of(d) }),
        maxBody = CommentRules.MaxBody,
        roomId = RoomId,
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default });

    public string VersionPath => $"/guidelines/{View.Guideline.Slug}/v/{View.Version.Number}";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        var view = await reader.LoadAsync(slug, number, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Consultation = ConsultationBanner.For((await consultations.WindowsAsync(view.Version.Id, ct)).Select(w => w.Period).ToList(), consultations.Now);
        if (RoomId is { } roomId)
        {
            RoomTitle = await rooms.RoomTitleOnVersionAsync(roomId, view.Version.Id, ct);
            if (RoomTitle is null)
            {
                FilterProblems = ["That breakout room does not discuss this version; comments here are not linked to a room."];
                RoomId = null;
            }
        }
        SectionsByAnchor = view.Sections.ToDictionary(s => s.Anchor, StringComparer.Ordinal);
        Children = view.Sections.ToLookup(s => s.ParentAnchor);

        // An unknown key in the address is reported and ignored, not an error page.
        var problems = new List<string>();
        Area = Known(Area, view.Areas, "thematic area", problems);
        Principle = Known(Principle, view.Principles, "principle", problems);
        FilterProblems = [.. FilterProblems, .. problems];
        if (Area is not null || Principle is not null)
        {
            Filter = SectionFilter.Apply(view.Sections.Select(s => s.Tags).ToList(), Area, Principle);
        }

        return Page();
    }

    /// <summary>"Community engagement", or "Urban resilience and Transparency and accountability".</summary>
    public string FilterDescription => string.Join(" and ", new[]
    {
        View.Areas.FirstOrDefault(t => t.Key == Area)?.Name,
        View.Principles.FirstOrDefault(t => t.Key == Principle)?.Name,
    }.OfType<string>());

    private static string? Known(string? key, IReadOnlyList<TermView> terms, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (terms.Any(t => t.Key == key))
        {
            return key;
        }

        problems.Add($"There is no {what} '{(key.Length > 40 ? key[..40] + "…" : key)}' in this guideline; showing all sections.");
        return null;
    }
}
