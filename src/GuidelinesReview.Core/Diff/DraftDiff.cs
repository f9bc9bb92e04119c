using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Core.Diff;

public enum BlockChange
{
    Unchanged,
    Modified,
    Moved,
    Added,
    Deleted,
}

public enum WordOp
{
    Equal,
    Inserted,
    Deleted,
}

/// <summary>A block as the diff needs it: position, anchor, kind, section and plain text.</summary>
public sealed record BlockRef(int Index, string Anchor, BlockKind Kind, string SectionAnchor, string Text);

public sealed record WordChange(WordOp Op, string Text);

/// <summary>
/// One line of a comparison. <see cref="Words"/> is the word-level difference of a modified
/// (or moved and modified) block, or null when the block is unchanged, added, deleted, or too
/// different to compare word by word. A heading whose only change is its number is
/// <see cref="Renumbered"/>.
/// </summary>
public sealed record BlockPair(
    BlockChange Change,
    BlockRef? Old,
    BlockRef? New,
    double Similarity,
    bool Renumbered,
    IReadOnlyList<WordChange>? Words)
{
    public bool TextChanged => Old is not null && New is not null && Old.Text != New.Text;
}

/// <summary>The comparison of two versions, in reading order of the newer one (deleted blocks where they stood).</summary>
public sealed record DraftDiff(IReadOnlyList<BlockPair> Pairs)
{
    private Dictionary<string, BlockPair>? byOldAnchor;

    public BlockPair? ForOldAnchor(string anchor) =>
        (byOldAnchor ??= Pairs.Where(p => p.Old is not null).ToDictionary(p => p.Old!.Anchor, StringComparer.Ordinal)).GetValueOrDefault(anchor);

    public int Count(BlockChange change) => Pairs.Count(p => p.Change == change);
}
