using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>
/// The reading view of one draft version, optionally filtered by thematic area and principle, in its
/// own language or (<c>/v/{number}/{lang}</c>) in one of the guideline's target languages: approved
/// translations, and the source marked "not translated yet" where there is none. <c>?format=md</c> or
/// <c>docx</c> downloads what the page shows.
/// </summary>
[CompressResponse]
[AllowAnonymous] // publicly consulted versions of some guidelines are readable without signing in (ReadAccess)
public sealed class DraftModel(DraftReader reader, MeetingReader rooms, Consultations.ConsultationService consultations, LocalizedVersions localized, Consultations.ReadAccess access, BlockPlaces places, DiffService diffs) : PageModel
{
    /// <summary>Each block's place in words (section number and title, first words), by anchor: what forms and threads name.</summary>
    public IReadOnlyDictionary<string, BlockPlace> Places { get; private set; } = new Dictionary<string, BlockPlace>();

    /// <summary>The label of a block, or its anchor when (never expected) the version has no place for it.</summary>
    public string PlaceOf(string anchor) => Places.TryGetValue(anchor, out var place) ? place.Label : anchor;

    /// <summary>The guideline's newest version when it is not this one: the page says so and links each block to it.</summary>
    public VersionSummary? Current { get; private set; }

    /// <summary>For a superseded version: where each block stands in <see cref="Current"/> (null: its text is gone).</summary>
    public IReadOnlyDictionary<string, string?> InCurrent { get; private set; } = new Dictionary<string, string?>();

    /// <summary>Not signed in: the text without comments, with a call to register or sign in.</summary>
    public bool Anonymous { get; private set; }

    /// <summary>A public window on this version is open now, so reading visitors may register to comment.</summary>
    public bool RegistrationOpen { get; private set; }

    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "principle")]
    public string? Principle { get; set; }

    /// <summary>Commenting from a breakout room: its comments carry the room and meeting.</summary>
    [FromQuery(Name = "room")]
    public int? RoomId { get; set; }

    public string? RoomTitle { get; private set; }

    /// <summary>The language the page shows the version in, when it is not the version's own (null: the source text).</summary>
    public LanguageInfo? Language { get; private set; }

    /// <summary>The reading view in <see cref="Language"/>.</summary>
    public LocalizedReading? Localized { get; private set; }

    /// <summary>The languages the version can be read in, for the switcher.</summary>
    public IReadOnlyList<LanguageChoice> Languages { get; private set; } = [];

    /// <summary>Why the language in the address cannot be shown (the page is then a 404 saying so).</summary>
    public string? LanguageRefusal { get; private set; }

    public ConsultationBanner? Consultation { get; private set; }

    /// <summary>
    /// The newer version that supersedes this one (null: this is the current draft) and whether the
    /// secretariat keeps it open; when closed, its <c>Refusal</c> is what the server answers to new comments.
    /// </summary>
    public Core.Consultations.Supersession? Superseded { get; private set; }

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
        language = Language?.Code,
        sourceLanguage = View.Version.Language,
        languages = Languages.ToDictionary(l => l.Language.Code, l => l.Language.EnglishName),
        current = Current?.Number,
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default });

    public string VersionPath => $"/guidelines/{View.Guideline.Slug}/v/{View.Version.Number}";

    /// <summary>This page's address: the version's, in the language shown.</summary>
    public string PagePath => Language is null ? VersionPath : $"{VersionPath}/{Language.Code}";

    public LanguageInfo SourceLanguage => GuidelinesReview.Core.Translations.Languages.Of(View.Version.Language);

    public async Task<IActionResult> OnGetAsync(string slug, int number, string? lang, string? format, CancellationToken ct)
    {
        var view = await reader.LoadAsync(slug, number, ct);
        if (view is null)
        {
            return NotFound();
        }

        if (!await access.CanReadVersionAsync(User, view.Version.Id, ct))
        {
            // Not signed in: sign in to read; a public participant does not learn that a members-only version exists.
            return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }

        Anonymous = User.Identity?.IsAuthenticated != true;
        View = view;
        Languages = await localized.ChoicesAsync(view, ct);
        if (lang is not null && string.Equals(lang, view.Version.Language, StringComparison.OrdinalIgnoreCase))
        {
            return Redirect(VersionPath + Request.QueryString);
        }

        if (lang is not null)
        {
            try
            {
                Language = LocalizedVersions.TargetOf(view, lang);
            }
            catch (RefusedException e)
            {
                LanguageRefusal = e.Message;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }
        }

        if (format is not null)
        {
            return await localized.DownloadAsync(view, Language ?? SourceLanguage, format, ct) is { } file
                ? File(file.Content, file.ContentType, file.FileName)
                : BadRequest("Choose a format: format=md (Markdown) or format=docx (Word).");
        }

        if (Language is not null)
        {
            Localized = await localized.ReadingAsync(view, Language, ct);
        }

        var windows = (await consultations.WindowsAsync(view.Version.Id, ct)).Select(w => w.Period).ToList();
        Consultation = ConsultationBanner.For(windows, consultations.Now);
        RegistrationOpen = Core.Consultations.ConsultationRules.OpenForRegistration(windows, consultations.Now);
        Superseded = await consultations.SupersessionAsync(view.Version.Id, ct);
        if (RoomId is { } roomId)
        {
            RoomTitle = await rooms.RoomTitleOnVersionAsync(roomId, view.Version.Id, ct);
            if (RoomTitle is null)
            {
                FilterProblems = ["That breakout room does not discuss this version; comments here are not linked to a room."];
                RoomId = null;
            }
        }
        Places = await places.ForVersionAsync(view.Version.Id, ct);
        if (view.AllVersions[^1].Number > view.Version.Number && await reader.VersionIdAsync(view.Guideline.Id, view.AllVersions[^1].Number, ct) is { } currentId)
        {
            Current = view.AllVersions[^1];
            // The alignment the compare view computes (cached per pair of versions).
            var diff = await diffs.CompareAsync(view.Version.Id, currentId, ct);
            InCurrent = diff.Pairs.Where(p => p.Old is not null).ToDictionary(p => p.Old!.Anchor, p => p.New?.Anchor, StringComparer.Ordinal);
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
