using CsCheck;

namespace GuidelinesReview.Tests.Core.Properties;

/// <summary>
/// Generators of draft text for the property tests. Words come from a small vocabulary, so random
/// paragraphs share words and phrases the way revisions of one draft do, and look-alike text near
/// the similarity thresholds comes up often.
/// </summary>
internal static class Drafts
{
    /// <summary>A few words each of English, French, Arabic and Chinese, and one outside the BMP.</summary>
    public static readonly string[] Vocabulary =
    [
        "city", "cities", "data", "residents", "public", "services", "digital", "open", "the", "of",
        "and", "to", "should", "plan", "budget", "per", "cent", "inclusion", "rights", "platform",
        "procurement", "suppliers", "local", "government", "ville", "données", "publics", "المدينة",
        "البيانات", "城市", "数据", "𝑥",
    ];

    public static readonly Gen<string> Word = Gen.OneOf(Vocabulary);

    /// <summary>A sentence of 1–24 words, sometimes with punctuation, capitalised as written.</summary>
    public static readonly Gen<string> Sentence =
        Gen.Select(Word.Array[1, 24], Gen.OneOf(".", ",", ";", "", " (2024)."), (words, end) => string.Join(' ', words) + end);

    /// <summary>
    /// Text that repeats itself ("ab b ab b ab b"): the same passage with the same context in
    /// several places, and identical blocks, which ordinary sentences seldom give.
    /// </summary>
    public static readonly Gen<string> Repetitive = Gen.Select(Gen.OneOf("a", "ab", "b").Array[1, 3], Gen.Int[1, 30],
        (pattern, times) => string.Join(' ', Enumerable.Repeat(string.Join(' ', pattern), times)));

    /// <summary>Plain text of a block as the parser stores it: words separated by single spaces.</summary>
    public static readonly Gen<string> BlockText = Gen.Frequency(
        (4, Sentence.Array[1, 3].Select(s => string.Join(' ', s))),
        (1, Repetitive));

    /// <summary>What a generated block is; headings are numbered in order when the draft is written.</summary>
    public enum Kind
    {
        Section,
        Subsection,
        Paragraph,
        ListItem,
        Quote,
    }

    public static readonly Gen<(Kind Kind, string Text)> Block = Gen.Select(
        Gen.Frequency((1, Gen.Const(Kind.Section)), (1, Gen.Const(Kind.Subsection)), (6, Gen.Const(Kind.Paragraph)), (2, Gen.Const(Kind.ListItem)), (1, Gen.Const(Kind.Quote))),
        BlockText);

    /// <summary>A draft of 1–30 blocks under numbered headings, blocks separated by blank lines.</summary>
    public static readonly Gen<string> Markdown = Block.Array[1, 30].Select(Write);

    /// <summary>Writes blocks as Markdown: a heading's title is its first words, without punctuation.</summary>
    public static string Write((Kind Kind, string Text)[] blocks)
    {
        var parts = new List<string> { "# 1. Introduction" };
        int section = 1, subsection = 0;
        foreach (var (kind, text) in blocks)
        {
            var title = string.Join(' ', text.Split(' ').Take(6)).TrimEnd('.', ',', ';', ')');
            parts.Add(kind switch
            {
                Kind.Section => $"# {++section}. {title}",
                Kind.Subsection => $"## {section}.{++subsection} {title}",
                Kind.ListItem => "- " + text,
                Kind.Quote => "> " + text,
                _ => text,
            });
            if (kind == Kind.Section)
            {
                subsection = 0;
            }
        }

        return string.Join("\n\n", parts) + "\n";
    }
}
