namespace GuidelinesReview.Core.Drafts;

/// <summary>
/// Where a block stands in a draft, in words a person reads: the section's number and title and
/// the block's first words. Anchors stay in URLs and the API; this is what pages, forms and
/// exports show instead of them.
/// </summary>
public sealed record BlockPlace(string Anchor, BlockKind Kind, string Section, string Opening)
{
    /// <summary>How many words of the block are quoted.</summary>
    public const int OpeningWords = 8;

    /// <summary>For a heading, the section alone; otherwise the section and the quoted first words.</summary>
    public string Label => Kind == BlockKind.Heading || Opening.Length == 0 ? Section : $"{Section}: “{Opening}”";

    public override string ToString() => Label;

    public static BlockPlace Of(string anchor, BlockKind kind, string sectionTitle, string blockText) =>
        new(anchor, kind, Markdown.PlainText.Collapse(sectionTitle), FirstWords(blockText, OpeningWords));

    /// <summary>The first <paramref name="count"/> words of a text, white space collapsed, with "…" when more follow.</summary>
    public static string FirstWords(string text, int count = OpeningWords)
    {
        var words = Markdown.PlainText.Collapse(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? string.Join(' ', words) : string.Join(' ', words.Take(count)) + "…";
    }
}
