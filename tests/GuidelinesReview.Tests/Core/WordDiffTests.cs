using System.Globalization;
using GuidelinesReview.Core.Diff;

namespace GuidelinesReview.Tests.Core;

/// <summary>Word-level differences inside a changed block, as highlighted in the compare views.</summary>
public sealed class WordDiffTests
{
    [Fact]
    public void Equal_texts_are_a_single_unchanged_run()
    {
        const string text = "Cities should publish open data, and residents should be able to use it.";

        Assert.Equal([new WordChange(WordOp.Equal, text)], WordDiff.Compare(text, new string(text.AsSpan())));
    }

    [Theory]
    [InlineData("should publish open data.", "Cities should publish open data.", "{+Cities +}should publish open data.")]
    [InlineData("Cities should publish open data.", "should publish open data.", "[-Cities -]should publish open data.")]
    [InlineData("Cities should publish open data.", "All cities should publish open data.", "[-Cities-]{+All cities+} should publish open data.")]
    [InlineData("Cities should publish open data.", "Cities should publish reliable open data.", "Cities should publish {+reliable +}open data.")]
    [InlineData("Cities should publish open data.", "Cities should open data.", "Cities should [-publish -]open data.")]
    [InlineData("Cities should publish open data.", "Cities should release open data.", "Cities should [-publish-]{+release+} open data.")]
    [InlineData("Cities should publish open data.", "Cities should publish open data regularly.", "Cities should publish open data{+ regularly+}.")]
    [InlineData("Cities should publish open data regularly.", "Cities should publish open data.", "Cities should publish open data[- regularly-].")]
    [InlineData("Cities should publish open data.", "Cities should publish open data", "Cities should publish open data[-.-]")]
    [InlineData("systems and services", "systems, and services", "systems{+,+} and services")]
    [InlineData("by 2030 at the latest", "by 2035 at the latest", "by [-2030-]{+2035+} at the latest")]
    public void Insertions_deletions_and_replacements_at_the_start_middle_and_end_show_only_the_changed_words(string oldText, string newText, string expected)
    {
        Assert.Equal(expected, Render(WordDiff.Compare(oldText, newText)));
    }

    [Fact]
    public void A_changed_word_is_shown_whole_not_letter_by_letter()
    {
        var changes = WordDiff.Compare("interoperable platforms", "interoperability platforms");

        Assert.Equal("[-interoperable-]{+interoperability+} platforms", Render(changes));
    }

    [Fact]
    public void An_empty_side_is_all_inserted_or_all_deleted()
    {
        Assert.Equal([new WordChange(WordOp.Inserted, "New text.")], WordDiff.Compare("", "New text."));
        Assert.Equal([new WordChange(WordOp.Deleted, "Old text.")], WordDiff.Compare("Old text.", ""));
        Assert.Empty(WordDiff.Compare("", "")!);
    }

    [Fact]
    public void Words_spaces_and_each_punctuation_mark_are_separate_tokens()
    {
        Assert.Equal(["Data", "-", "sharing", ",", " ", "2030", " ", "(", "draft", ")", ".", ".", "."], WordDiff.Tokens("Data-sharing, 2030 (draft)..."));
        Assert.Equal(["Ciudades", " ", "inteligentes", " ", "—", " ", "façade", "  ", "naïve"], WordDiff.Tokens("Ciudades inteligentes — façade  naïve"));
    }

    public static TheoryData<string, string> TextPairs() => new()
    {
        { "Cities should publish open data.", "Cities should publish open data." },
        { "Cities should publish open data.", "All cities must publish reliable open data, regularly." },
        { "", "Something new." },
        { "Something old.", "" },
        { "a b c d e f", "f e d c b a" },
        { "data, data; data: data!", "data data data data" },
        { "Residents  use   spaces", "Residents use spaces\tand\nlines" },
        { "Ciudades inteligentes — façade naïve résumé", "Villes intelligentes – façade naïve resume" },
        { "The table below summarises: 1 Initial 2 Developing 3 Defined", "The table summarises: 1 Initial 2 Emerging 3 Defined 4 Managed" },
        { "Smile 😀 please", "Smile 😃 please, 👍" },
        { "Cities (and towns) [all sizes] {rural}", "Towns (and cities) {urban} [some sizes]" },
    };

    [Theory]
    [MemberData(nameof(TextPairs))]
    public void Unchanged_and_deleted_parts_give_back_the_old_text_and_unchanged_and_inserted_parts_the_new_text(string oldText, string newText)
    {
        var changes = WordDiff.Compare(oldText, newText)!;

        AssertReconstructs(oldText, newText, changes);
    }

    [Fact]
    public void Every_modified_block_of_the_sample_guideline_reconstructs_both_versions()
    {
        foreach (var (from, to) in new[] { (1, 2), (2, 3) })
        {
            var modified = SampleDrafts.Diff(from, to).Pairs.Where(p => p.TextChanged).ToList();
            Assert.NotEmpty(modified);
            Assert.All(modified, p => AssertReconstructs(p.Old!.Text, p.New!.Text, Assert.IsAssignableFrom<IReadOnlyList<WordChange>>(p.Words)));
        }
    }

    [Theory]
    [InlineData("Smile 😀 please", "Smile 😃 please")]       // U+1F600 → U+1F603 share their high surrogate
    [InlineData("𠀀𠀁 city", "𠀀𠀂 city")]                    // CJK extension B letters, outside the BMP
    [InlineData("नगर योजना", "नगरीय योजना")]                // Devanagari vowel sign (a combining mark) inside a word
    public void A_change_never_splits_a_character_in_half(string oldText, string newText)
    {
        var changes = WordDiff.Compare(oldText, newText)!;

        AssertReconstructs(oldText, newText, changes);
        Assert.All(changes, c =>
        {
            Assert.False(char.IsLowSurrogate(c.Text[0]), $"{c.Op} run starts with the second half of a surrogate pair: {Escape(c.Text)}");
            Assert.False(char.IsHighSurrogate(c.Text[^1]), $"{c.Op} run ends with the first half of a surrogate pair: {Escape(c.Text)}");
            Assert.False(CharUnicodeInfo.GetUnicodeCategory(c.Text, 0) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark, $"{c.Op} run starts with a combining mark: {Escape(c.Text)}");
        });
    }

    [Fact]
    public void Texts_longer_than_the_token_limit_are_not_compared_word_by_word()
    {
        var old = string.Concat(Enumerable.Repeat("ab ", WordDiff.MaxTokens / 4));
        var atLimit = old.Replace("ab ", "cd ", StringComparison.Ordinal);
        var overLimit = atLimit + "x";
        Assert.Equal(WordDiff.MaxTokens, WordDiff.Tokens(old).Length + WordDiff.Tokens(atLimit).Length);

        Assert.NotNull(WordDiff.Compare(old, atLimit));
        Assert.Null(WordDiff.Compare(old, overLimit));
        Assert.Null(WordDiff.Compare(overLimit, old));
    }

    /// <summary>Git word-diff style: deleted <c>[-x-]</c>, inserted <c>{+x+}</c>, unchanged as is.</summary>
    internal static string Render(IReadOnlyList<WordChange>? changes) => changes is null
        ? "(not compared)"
        : string.Concat(changes.Select(c => c.Op switch
        {
            WordOp.Deleted => "[-" + c.Text + "-]",
            WordOp.Inserted => "{+" + c.Text + "+}",
            _ => c.Text,
        }));

    private static void AssertReconstructs(string oldText, string newText, IReadOnlyList<WordChange> changes)
    {
        Assert.Equal(oldText, string.Concat(changes.Where(c => c.Op != WordOp.Inserted).Select(c => c.Text)));
        Assert.Equal(newText, string.Concat(changes.Where(c => c.Op != WordOp.Deleted).Select(c => c.Text)));
        Assert.All(changes, c => Assert.NotEmpty(c.Text));
        for (var i = 1; i < changes.Count; i++)
        {
            Assert.NotEqual(changes[i - 1].Op, changes[i].Op); // adjacent runs of the same kind are merged
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
}
