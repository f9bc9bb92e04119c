using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Web.Pages.Guidelines;

public enum DiffSide
{
    /// <summary>Inline: deletions and insertions together.</summary>
    Both,
    Old,
    New,
}

public sealed record DiffText(BlockPair Pair, DiffSide Side);
