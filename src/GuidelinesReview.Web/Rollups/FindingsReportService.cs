using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Rollups;

/// <summary>Gathers a version's findings report for the filters in the address: the rollup, the key findings, and the text of every counted comment and takeaway.</summary>
public sealed class FindingsReportService(AppDbContext db, RollupQueries queries, KeyFindingService findings, BlockPlaces places)
{
    public async Task<(FindingsReport Report, IReadOnlyList<ReportComment> Comments)?> BuildAsync(string slug, int number, IQueryCollection query, CancellationToken ct)
    {
        var version = await queries.VersionAsync(slug, number, ct);
        if (version is null)
        {
            return null;
        }

        var source = await queries.LoadAsync(version.Id, version.GuidelineId, ct);
        var filters = RollupQueryString.Parse(query, source.Windows, source.Languages);
        var rollup = Rollup.Build(source.Items, filters.Filter);
        var comments = await CommentsAsync(version.Id, ct);
        var takeawayIds = rollup.Items.Where(i => i.Kind == RollupItemKind.Takeaway).Select(i => i.Id).ToList();
        var takeaways = (await db.Takeaways.AsNoTracking().Where(t => takeawayIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Kind, t.Text, Room = db.BreakoutRooms.Where(r => r.Id == t.RoomId).Select(r => r.Title).First() }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => new ReportTakeaway(t.Id, t.Room, MeetingNames.Of(t.Kind), t.Text));
        var keyFindings = (await findings.ListAsync(version.Id, ct)).Select(f => new FindingsReport.Finding(f.Links, f.Text)).ToList();

        var report = FindingsReport.Build(
            $"Consultation findings: {version.GuidelineTitle}, v{version.Number}",
            filters.IsEmpty ? "All feedback on this version." : $"Feedback matching: {filters.Describe(source)}.",
            rollup,
            source.Areas.Select(a => new FindingsReport.Term(a.Id, a.Name)).ToList(),
            source.Principles.Select(p => new FindingsReport.Term(p.Id, p.Name)).ToList(),
            keyFindings,
            comments,
            takeaways);
        var counted = rollup.Items.Where(i => i.Kind == RollupItemKind.Comment).Select(i => i.Id).ToHashSet();
        return (report, comments.Values.Where(c => counted.Contains(c.Id)).ToList());
    }

    /// <summary>Every top-level comment of the version as an annex entry, in document order, its place and where it was addressed in words.</summary>
    private async Task<IReadOnlyDictionary<int, ReportComment>> CommentsAsync(int versionId, CancellationToken ct)
    {
        var versionLanguage = await db.DraftVersions.Where(v => v.Id == versionId).Select(v => v.Language).SingleAsync(ct);
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.VersionId == versionId && c.ParentId == null && c.HiddenAt == null && c.WithdrawnAt == null)
            .OrderBy(c => c.Block.Ordinal).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, Section = c.Block.Section.Title, c.Block.Anchor, c.Author.DisplayName, c.Author.Organisation, c.Author.StakeholderGroup, c.Author.Region,
                c.Type, c.Body, c.ProposedText, c.Language,
                Decision = c.Disposition == null ? (Decision?)null : c.Disposition.Decision,
                Observation = c.Disposition == null ? "" : c.Disposition.Observation,
                AddressedVersion = c.Disposition == null || c.Disposition.AddressedVersion == null ? (int?)null : c.Disposition.AddressedVersion.Number,
                AddressedVersionId = c.Disposition == null ? (int?)null : c.Disposition.AddressedVersionId,
                AddressedAnchor = c.Disposition == null ? null : c.Disposition.AddressedAnchor,
            })
            .ToListAsync(ct);
        var here = await places.ForVersionAsync(versionId, ct);
        var there = new Dictionary<int, IReadOnlyDictionary<string, GuidelinesReview.Core.Drafts.BlockPlace>>();
        foreach (var id in rows.Select(r => r.AddressedVersionId).OfType<int>().Distinct())
        {
            there[id] = await places.ForVersionAsync(id, ct);
        }

        var lines = new Dictionary<int, ReportComment>(rows.Count);
        foreach (var c in rows)
        {
            var where = "";
            if (c.AddressedVersion is { } v)
            {
                var place = c.AddressedAnchor is null ? null
                    : c.AddressedVersionId is { } vid && there[vid].GetValueOrDefault(c.AddressedAnchor) is { } p ? p.Label : c.AddressedAnchor;
                where = place is null ? $"v{v}" : $"v{v}, {place}";
            }

            lines[c.Id] = new ReportComment(c.Id, c.Section, c.Anchor, c.DisplayName, c.Organisation, ProfileNames.Of(c.StakeholderGroup), c.Region is { } r ? ProfileNames.Of(r) : "",
                CommentNames.Of(c.Type), c.Body, c.ProposedText, c.Decision, c.Observation, where,
                (c.Language ?? versionLanguage).ToUpperInvariant(), here.GetValueOrDefault(c.Anchor)?.Label ?? "");
        }

        return lines;
    }
}
