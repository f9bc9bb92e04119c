using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Rollups;

public sealed record KeyFindingInput(int? Id, int VersionId, int AreaTermId, int? PrincipleTermId, string? Text, IReadOnlyList<int> CommentIds, IReadOnlyList<int> TakeawayIds);

public sealed record KeyFindingView(int Id, int Area, int? Principle, string Text, string Html, IReadOnlySet<int> Comments, IReadOnlySet<int> Takeaways)
{
    public FindingLinks Links => new(Id, Area, Principle, Comments, Takeaways);
}

/// <summary>The secretariat's key findings for a version: written in Markdown, tied to a thematic area (and optionally a principle) and to the items that support them.</summary>
public sealed class KeyFindingService(AppDbContext db, TimeProvider clock)
{
    public const int MaxText = 10_000;

    public async Task<IReadOnlyList<KeyFindingView>> ListAsync(int versionId, CancellationToken ct) =>
        (await db.KeyFindings.AsNoTracking().Where(f => f.VersionId == versionId).OrderBy(f => f.AreaTermId).ThenBy(f => f.Ordinal)
            .Select(f => new { f.Id, f.AreaTermId, f.PrincipleTermId, f.Text, f.TextHtml, Comments = f.Comments.Select(c => c.CommentId).ToList(), Takeaways = f.Takeaways.Select(t => t.TakeawayId).ToList() })
            .ToListAsync(ct))
        .Select(f => new KeyFindingView(f.Id, f.AreaTermId, f.PrincipleTermId, f.Text, f.TextHtml, f.Comments.ToHashSet(), f.Takeaways.ToHashSet()))
        .ToList();

    /// <summary>Adds or changes a finding; returns every problem, and saves nothing when there is one.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(Caller caller, KeyFindingInput input, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return ["Only the secretariat writes key findings."];
        }

        var problems = new List<string>();
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == input.VersionId, ct);
        if (version is null)
        {
            return ["That draft version does not exist."];
        }

        var terms = await db.GuidelineTerms.AsNoTracking().Where(t => t.GuidelineId == version.GuidelineId).ToDictionaryAsync(t => t.Id, t => t.Kind, ct);
        if (terms.GetValueOrDefault(input.AreaTermId, (TaxonomyKind)(-1)) != TaxonomyKind.ThematicArea)
        {
            problems.Add("Choose one of the guideline's thematic areas.");
        }

        if (input.PrincipleTermId is { } p && terms.GetValueOrDefault(p, (TaxonomyKind)(-1)) != TaxonomyKind.Principle)
        {
            problems.Add("Choose one of the guideline's principles, or none.");
        }

        var text = input.Text?.Trim() ?? "";
        string html = "";
        if (text.Length == 0 || text.Length > MaxText)
        {
            problems.Add($"Write the finding (at most {MaxText:N0} characters).");
        }
        else
        {
            try
            {
                html = SafeMarkdown.ToHtml(text, MaxText);
            }
            catch (MarkdownRejectedException e)
            {
                problems.Add(e.Message);
            }
        }

        var commentIds = input.CommentIds.Distinct().ToList();
        var takeawayIds = input.TakeawayIds.Distinct().ToList();
        var knownComments = await db.Comments.CountAsync(c => commentIds.Contains(c.Id) && c.VersionId == input.VersionId && c.ParentId == null, ct);
        var knownTakeaways = await db.Takeaways.CountAsync(t => takeawayIds.Contains(t.Id)
            && db.Meetings.Any(m => m.VersionId == input.VersionId && m.Days.Any(d => d.Agenda.Any(a => a.Rooms.Any(r => r.Id == t.RoomId)))), ct);
        if (knownComments != commentIds.Count || knownTakeaways != takeawayIds.Count)
        {
            problems.Add("Some of the chosen comments or takeaways are not feedback on this version; reload the page.");
        }

        KeyFinding? finding = null;
        if (input.Id is { } id)
        {
            finding = await db.KeyFindings.Include(f => f.Comments).Include(f => f.Takeaways).FirstOrDefaultAsync(f => f.Id == id && f.VersionId == input.VersionId, ct);
            if (finding is null)
            {
                problems.Add("That key finding no longer exists; reload the page.");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (finding is null)
        {
            var last = await db.KeyFindings.Where(f => f.VersionId == input.VersionId && f.AreaTermId == input.AreaTermId).MaxAsync(f => (int?)f.Ordinal, ct);
            finding = new KeyFinding { VersionId = input.VersionId, Ordinal = (last ?? -1) + 1 };
            db.KeyFindings.Add(finding);
        }

        finding.AreaTermId = input.AreaTermId;
        finding.PrincipleTermId = input.PrincipleTermId;
        (finding.Text, finding.TextHtml) = (text, html);
        (finding.WrittenById, finding.WrittenAt) = (caller.UserId, clock.GetUtcNow().UtcDateTime);
        finding.Comments.RemoveAll(c => !commentIds.Contains(c.CommentId));
        finding.Comments.AddRange(commentIds.Except(finding.Comments.Select(c => c.CommentId)).Select(c => new KeyFindingComment { CommentId = c }));
        finding.Takeaways.RemoveAll(t => !takeawayIds.Contains(t.TakeawayId));
        finding.Takeaways.AddRange(takeawayIds.Except(finding.Takeaways.Select(t => t.TakeawayId)).Select(t => new KeyFindingTakeaway { TakeawayId = t }));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<string?> DeleteAsync(Caller caller, int versionId, int id, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return "Only the secretariat writes key findings.";
        }

        var finding = await db.KeyFindings.FirstOrDefaultAsync(f => f.Id == id && f.VersionId == versionId, ct);
        if (finding is null)
        {
            return "That key finding no longer exists.";
        }

        db.KeyFindings.Remove(finding);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
