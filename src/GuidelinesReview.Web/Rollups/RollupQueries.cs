using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Rollups;

public sealed record VersionRef(int Id, int Number, int GuidelineId, string GuidelineSlug, string GuidelineTitle);

public sealed record TermLabel(int Id, string Key, string Name);

public sealed record MeetingLabel(int Id, string Title, IReadOnlyList<(int Id, string Title)> Rooms);

public sealed record WindowLabel(int Id, string Title, DateTime OpensAt, DateTime ClosesAt);

/// <summary>
/// Everything counted for one draft version, and the names the rollup page shows. <see cref="Languages"/>
/// are the guideline's languages, the version's own first: those comments can be written on.
/// </summary>
public sealed record RollupSource(
    IReadOnlyList<RollupItem> Items,
    IReadOnlyList<TermLabel> Areas,
    IReadOnlyList<TermLabel> Principles,
    IReadOnlyList<MeetingLabel> Meetings,
    IReadOnlyList<WindowLabel> Windows,
    IReadOnlyList<string> Languages);

/// <summary>What the drill-down lists for one item.</summary>
public sealed record RollupItemDetail(RollupItemKind Kind, int Id, string Text, string Who, string? Anchor, string? Room, int? RoomId, string? MeetingSlug, Decision? Decision, string? Language = null)
{
    /// <summary>
    /// The text as the page shows it: Markdown rendered by <see cref="Core.Markdown.SafeMarkdown"/> (never
    /// raw <c>**</c>); a text the renderer refuses (too deeply nested) is shown as plain, encoded text.
    /// </summary>
    public string Html
    {
        get
        {
            try
            {
                return Core.Markdown.SafeMarkdown.ToHtml(Text, int.MaxValue);
            }
            catch (Core.Markdown.MarkdownRejectedException)
            {
                return $"<p>{System.Net.WebUtility.HtmlEncode(Text)}</p>";
            }
        }
    }
}

/// <summary>
/// Loads a version's feedback for the rollup in a fixed number of queries (comments, their
/// tags, rooms, takeaways, their tags), whatever the number of items: the counting is done in
/// one pass in memory by <see cref="Rollup"/>.
/// </summary>
public sealed class RollupQueries(AppDbContext db)
{
    public Task<VersionRef?> VersionAsync(string slug, int number, CancellationToken ct) =>
        db.DraftVersions.AsNoTracking().Where(v => v.Guideline.Slug == slug && v.Number == number)
            .Select(v => new VersionRef(v.Id, v.Number, v.GuidelineId, v.Guideline.Slug, v.Guideline.Title)).FirstOrDefaultAsync(ct);

    public async Task<RollupSource> LoadAsync(int versionId, int guidelineId, CancellationToken ct)
    {
        var terms = await db.GuidelineTerms.AsNoTracking().Where(t => t.GuidelineId == guidelineId).OrderBy(t => t.Ordinal).ToListAsync(ct);
        var kindOf = terms.ToDictionary(t => t.Id, t => t.Kind);
        var language = await db.DraftVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.Language, Guideline = v.Guideline.Languages }).SingleAsync(ct);

        // Authors, decisions and tags are read apart and joined here: on SQLite, a lookup into
        // another table for each of 20,000 comments costs several times what these reads do.
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.VersionId == versionId && c.ParentId == null && c.HiddenAt == null && c.WithdrawnAt == null)
            .Select(c => new { c.Id, c.CreatedAt, c.RoomId, c.Type, c.AuthorId, c.Language })
            .ToListAsync(ct);
        var authorIds = comments.Select(c => c.AuthorId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.StakeholderGroup, u.Region, u.Organisation }).ToDictionaryAsync(u => u.Id, ct);
        var decisions = await (
                from c in db.Comments
                where c.VersionId == versionId
                join d in db.Dispositions on c.Id equals d.CommentId
                select new { d.CommentId, d.Decision }).ToDictionaryAsync(d => d.CommentId, d => d.Decision, ct);
        var commentTags = await CommentTagsAsync(versionId, ct);

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.VersionId == versionId)
            .Select(m => new { m.Id, m.Title, Rooms = m.Days.SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).OrderBy(r => r.Ordinal).Select(r => new { r.Id, r.Title, NotesEmpty = r.Notes == "", r.NotesSavedAt }).ToList() })
            .ToListAsync(ct);
        var meetingOfRoom = meetings.SelectMany(m => m.Rooms.Select(r => (r.Id, MeetingId: m.Id))).ToDictionary(r => r.Id, r => r.MeetingId);
        var roomIds = meetingOfRoom.Keys.ToList();
        var roomTags = (await db.Set<RoomTag>().AsNoTracking().Where(t => roomIds.Contains(t.RoomId)).Select(t => new { t.RoomId, t.TermId }).ToListAsync(ct))
            .ToLookup(t => t.RoomId, t => t.TermId);
        var takeaways = await db.Takeaways.AsNoTracking().Where(t => roomIds.Contains(t.RoomId)).Select(t => new { t.Id, t.RoomId, t.CreatedAt }).ToListAsync(ct);
        var takeawayTags = (await db.Set<TakeawayTag>().AsNoTracking().Where(t => db.Takeaways.Any(x => x.Id == t.TakeawayId && roomIds.Contains(x.RoomId)))
                .Select(t => new { t.TakeawayId, t.TermId }).ToListAsync(ct))
            .ToLookup(t => t.TakeawayId, t => t.TermId);

        (IReadOnlyList<int> Areas, IReadOnlyList<int> Principles) Split(IEnumerable<int> ids)
        {
            var (areas, principles) = (new List<int>(), new List<int>());
            foreach (var id in ids)
            {
                if (kindOf.TryGetValue(id, out var kind))
                {
                    (kind == TaxonomyKind.ThematicArea ? areas : principles).Add(id);
                }
            }

            return (areas, principles);
        }

        var items = new List<RollupItem>(comments.Count + takeaways.Count + roomIds.Count);
        foreach (var c in comments)
        {
            var (areas, principles) = Split(commentTags.GetValueOrDefault(c.Id) ?? []);
            int? meetingId = c.RoomId is { } r && meetingOfRoom.TryGetValue(r, out var m) ? m : null;
            var author = authors[c.AuthorId];
            items.Add(new RollupItem(RollupItemKind.Comment, c.Id, areas, principles, c.CreatedAt, author.StakeholderGroup, author.Region, author.Organisation,
                c.RoomId, meetingId, c.Type, decisions.TryGetValue(c.Id, out var d) ? d : null, FromRoom: c.RoomId is not null, Language: c.Language ?? language.Language));
        }

        foreach (var t in takeaways)
        {
            var (areas, principles) = Split(takeawayTags[t.Id]);
            items.Add(new RollupItem(RollupItemKind.Takeaway, t.Id, areas, principles, t.CreatedAt, RoomId: t.RoomId, MeetingId: meetingOfRoom[t.RoomId], FromRoom: true));
        }

        foreach (var room in meetings.SelectMany(m => m.Rooms.Where(r => !r.NotesEmpty).Select(r => (Room: r, MeetingId: m.Id))))
        {
            var (areas, principles) = Split(roomTags[room.Room.Id]);
            items.Add(new RollupItem(RollupItemKind.Notes, room.Room.Id, areas, principles, room.Room.NotesSavedAt ?? DateTime.MinValue,
                RoomId: room.Room.Id, MeetingId: room.MeetingId, FromRoom: true));
        }

        var windows = await db.ConsultationWindows.AsNoTracking().Where(w => w.VersionId == versionId).OrderBy(w => w.OpensAt)
            .Select(w => new WindowLabel(w.Id, w.Title, w.OpensAt, w.ClosesAt)).ToListAsync(ct);
        TermLabel Label(GuidelineTerm t) => new(t.Id, t.Key, t.Name);
        return new RollupSource(
            items,
            terms.Where(t => t.Kind == TaxonomyKind.ThematicArea).Select(Label).ToList(),
            terms.Where(t => t.Kind == TaxonomyKind.Principle).Select(Label).ToList(),
            meetings.Select(m => new MeetingLabel(m.Id, m.Title, m.Rooms.Select(r => (r.Id, r.Title)).ToList())).ToList(),
            windows,
            language.Guideline.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .OrderBy(l => string.Equals(l, language.Language, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList());
    }

    /// <summary>
    /// The term ids of each comment of a version. Read without EF: materialising one object per
    /// row of 60,000 tag rows took more than twice as long as the query itself.
    /// </summary>
    private async Task<Dictionary<int, List<int>>> CommentTagsAsync(int versionId, CancellationToken ct)
    {
        var tags = new Dictionary<int, List<int>>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT t.CommentId, t.TermId FROM Comments AS c JOIN CommentTags AS t ON t.CommentId = c.Id
                WHERE c.VersionId = $version
                """;
            var version = command.CreateParameter();
            (version.ParameterName, version.Value) = ("$version", versionId);
            command.Parameters.Add(version);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var commentId = reader.GetInt32(0);
                if (!tags.TryGetValue(commentId, out var terms))
                {
                    tags[commentId] = terms = [];
                }

                terms.Add(reader.GetInt32(1));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return tags;
    }

    /// <summary>Text and people of the listed items, for the drill-down (a page of them at a time).</summary>
    public async Task<IReadOnlyList<RollupItemDetail>> DetailsAsync(IReadOnlyList<RollupItem> items, CancellationToken ct)
    {
        var commentIds = items.Where(i => i.Kind == RollupItemKind.Comment).Select(i => i.Id).ToList();
        var takeawayIds = items.Where(i => i.Kind == RollupItemKind.Takeaway).Select(i => i.Id).ToList();
        var roomIds = items.Where(i => i.Kind == RollupItemKind.Notes).Select(i => i.Id).ToList();

        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Body, c.Author.DisplayName, c.Author.Organisation, c.Block.Anchor, c.RoomId, Decision = c.Disposition == null ? (Decision?)null : c.Disposition.Decision })
            .ToDictionaryAsync(c => c.Id, ct);
        var takeaways = await db.Takeaways.AsNoTracking().Where(t => takeawayIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Text, t.Anchor, t.RoomId }).ToDictionaryAsync(t => t.Id, ct);
        var roomsWanted = takeaways.Values.Select(t => t.RoomId).Concat(roomIds).Concat(comments.Values.Where(c => c.RoomId != null).Select(c => c.RoomId!.Value)).Distinct().ToList();
        var rooms = (await (
                from r in db.BreakoutRooms.AsNoTracking()
                where roomsWanted.Contains(r.Id)
                join a in db.Set<AgendaItem>() on r.AgendaItemId equals a.Id
                join d in db.Set<MeetingDay>() on a.DayId equals d.Id
                join m in db.Meetings on d.MeetingId equals m.Id
                select new { r.Id, r.Title, r.Notes, m.Slug }).ToListAsync(ct))
            .ToDictionary(r => r.Id);

        return items.Select(i => i.Kind switch
        {
            RollupItemKind.Comment when comments.TryGetValue(i.Id, out var c) => new RollupItemDetail(i.Kind, i.Id, c.Body, $"{c.DisplayName} ({c.Organisation})", c.Anchor,
                c.RoomId is { } r ? rooms.GetValueOrDefault(r)?.Title : null, c.RoomId, c.RoomId is { } s ? rooms.GetValueOrDefault(s)?.Slug : null, c.Decision, i.Language),
            RollupItemKind.Takeaway when takeaways.TryGetValue(i.Id, out var t) => new RollupItemDetail(i.Kind, i.Id, t.Text, "Room takeaway", t.Anchor,
                rooms.GetValueOrDefault(t.RoomId)?.Title, t.RoomId, rooms.GetValueOrDefault(t.RoomId)?.Slug, null),
            RollupItemKind.Notes when rooms.TryGetValue(i.Id, out var n) => new RollupItemDetail(i.Kind, i.Id, n.Notes, "Room notes", null, n.Title, n.Id, n.Slug, null),
            _ => null,
        }).OfType<RollupItemDetail>().ToList();
    }
}
