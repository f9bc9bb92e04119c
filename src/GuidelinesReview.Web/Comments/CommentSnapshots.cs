using System.Collections.Concurrent;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// The full comment list of a version as of a change sequence number, kept until the next
/// change. When a meeting starts, or everyone reconnects after a restart, hundreds of pages
/// ask for the whole list at once; they share one database read instead of one each.
/// </summary>
public sealed class CommentSnapshots
{
    private sealed record Snapshot(long Seq, IReadOnlyList<CommentView> Full, IReadOnlyList<CommentView> Redacted);

    private readonly ConcurrentDictionary<int, Snapshot> snapshots = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> loading = new();

    /// <summary>Drops every snapshot: after changes that are not comment events (a version published, a profile renamed).</summary>
    public void Clear() => snapshots.Clear();

    /// <param name="seq">The version's latest change, read before calling.</param>
    /// <param name="loadFull">Reads every comment of the version as the secretariat sees them.</param>
    public async Task<IReadOnlyList<CommentView>> AllAsync(int versionId, long seq, bool moderator, Func<Task<IReadOnlyList<CommentView>>> loadFull)
    {
        if (!snapshots.TryGetValue(versionId, out var snapshot) || snapshot.Seq != seq)
        {
            var gate = loading.GetOrAdd(versionId, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync();
            try
            {
                if (!snapshots.TryGetValue(versionId, out snapshot) || snapshot.Seq != seq)
                {
                    var full = await loadFull();
                    snapshot = new Snapshot(seq, full, full.Select(c => c.Hidden is null ? c : CommentViews.Redact(c)).ToList());
                    snapshots[versionId] = snapshot;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        return moderator ? snapshot.Full : snapshot.Redacted;
    }
}
