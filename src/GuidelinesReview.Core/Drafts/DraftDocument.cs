namespace GuidelinesReview.Core.Drafts;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Table,
    Code,
}

/// <summary>
/// A section of a draft: a heading and everything up to the next heading of the same or a
/// higher level. Its anchor is the section path, e.g. <c>s2.3</c>; text before the first
/// heading belongs to the preamble section <c>s0</c>.
/// </summary>
public sealed record DraftSection(
    string Anchor,
    string? ParentAnchor,
    int Level,
    string Title,
    IReadOnlyList<string> OwnAreas,
    IReadOnlyList<string> OwnPrinciples,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Principles);

/// <summary>
/// One commentable block of a draft. <see cref="Html"/> is the block's own element, carrying
/// its anchor as <c>id</c> and <c>data-anchor</c>; a list item comes wrapped in its own
/// single-item list so that every block can be shown on its own. <see cref="Source"/> is the
/// block's Markdown as written (markers and heading tags included): translation segments are cut from it.
/// </summary>
public sealed record DraftBlock(
    int Ordinal,
    string Anchor,
    BlockKind Kind,
    string SectionAnchor,
    string Text,
    string Html,
    string ContentHash,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Principles,
    string Source);

public sealed record DraftDocument(IReadOnlyList<DraftSection> Sections, IReadOnlyList<DraftBlock> Blocks);
