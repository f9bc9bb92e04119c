using System.Collections.Concurrent;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

/// <summary>
/// Block alignments between versions. Published text never changes, so a comparison is
/// computed once per pair of versions and kept (a singleton cache; each entry is small).
/// </summary>
public sealed class DiffCache
{
    public ConcurrentDictionary<int, IReadOnlyList<BlockRef>> Blocks { get; } = new();
    public ConcurrentDictionary<(int From, int To), DraftDiff> Diffs { get; } = new();
}

public sealed class DiffService(AppDbContext db, DiffCache cache)
{
    public async Task<IReadOnlyList<BlockRef>> BlocksAsync(int versionId, CancellationToken ct)
    {
        if (cache.Blocks.TryGetValue(versionId, out var blocks))
        {
            return blocks;
        }

        var loaded = await db.Blocks.AsNoTracking().Where(b => b.VersionId == versionId).OrderBy(b => b.Ordinal)
            .Select(b => new BlockRef(b.Ordinal, b.Anchor, b.Kind, b.Section.Anchor, b.Text))
            .ToListAsync(ct);
        return cache.Blocks.GetOrAdd(versionId, loaded);
    }

    public async Task<DraftDiff> CompareAsync(int fromVersionId, int toVersionId, CancellationToken ct)
    {
        if (cache.Diffs.TryGetValue((fromVersionId, toVersionId), out var diff))
        {
            return diff;
        }

        var computed = BlockAligner.Align(await BlocksAsync(fromVersionId, ct), await BlocksAsync(toVersionId, ct));
        return cache.Diffs.GetOrAdd((fromVersionId, toVersionId), computed);
    }
}
