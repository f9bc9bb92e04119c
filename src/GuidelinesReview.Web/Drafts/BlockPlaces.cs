using System.Collections.Concurrent;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Drafts;

/// <summary>
/// The words that name each block of a version (<see cref="BlockPlace"/>), by anchor. A published
/// version never changes, so each version's places are read once and kept.
/// </summary>
public sealed class BlockPlaces(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyDictionary<string, BlockPlace>>>> byVersion = new();

    public Task<IReadOnlyDictionary<string, BlockPlace>> ForVersionAsync(int versionId, CancellationToken ct = default)
    {
        var entry = byVersion.GetOrAdd(versionId, id => new(() => LoadAsync(id)));
        if (entry.Value is { IsFaulted: true } or { IsCanceled: true })
        {
            // A failed read is not kept: the next caller reads again.
            byVersion.TryRemove(new(versionId, entry));
            entry = byVersion.GetOrAdd(versionId, id => new(() => LoadAsync(id)));
        }

        return entry.Value.WaitAsync(ct);
    }

    /// <summary>The place of one block, or null when the version has no such anchor.</summary>
    public async Task<BlockPlace?> FindAsync(int versionId, string anchor, CancellationToken ct = default) =>
        (await ForVersionAsync(versionId, ct)).GetValueOrDefault(anchor);

    private async Task<IReadOnlyDictionary<string, BlockPlace>> LoadAsync(int versionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Blocks.AsNoTracking()
            .Where(b => b.VersionId == versionId)
            .Select(b => new { b.Anchor, b.Kind, Section = b.Section.Title, b.Text })
            .ToListAsync();
        return rows.ToDictionary(r => r.Anchor, r => BlockPlace.Of(r.Anchor, r.Kind, r.Section, r.Text), StringComparer.Ordinal);
    }
}
