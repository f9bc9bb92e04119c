using GuidelinesReview.Core.Text;

namespace GuidelinesReview.Tests.Core;

public sealed class TypedTextTests
{
    [Theory]
    [InlineData("Bell\u0007 inside", "The field body contains an invisible control character (U+0007 at character 5); remove it and send it again.")]
    [InlineData("\u0001 first", "The field body contains an invisible control character (U+0001 at character 1); remove it and send it again.")]
    [InlineData("delete \u007F", "The field body contains an invisible control character (U+007F at character 8); remove it and send it again.")]
    [InlineData("C1 \u0085 next line", "The field body contains an invisible control character (U+0085 at character 4); remove it and send it again.")]
    [InlineData("C1 \u009F last", "The field body contains an invisible control character (U+009F at character 4); remove it and send it again.")]
    public void Control_characters_are_refused_naming_the_field_the_character_and_where(string text, string message) =>
        Assert.Equal(message, TypedText.Check("body", text));

    /// <summary>Lone surrogates are built here: xunit cannot carry them through its test data.</summary>
    [Theory]
    [InlineData("half ", 0xD83D, "", "U+D83D at character 6")]
    [InlineData("", 0xDE00, " low first", "U+DE00 at character 1")]
    [InlineData("high at the end ", 0xD800, "", "U+D800 at character 17")]
    public void Lone_surrogates_are_refused_naming_the_field_and_where(string before, int unit, string after, string where) =>
        Assert.Equal($"The field body holds a broken character (a lone surrogate {where}); retype it or paste it again.", TypedText.Check("body", before + (char)unit + after));

    [Theory]
    [InlineData("")]
    [InlineData("Point one:\tkeep\r\nPoint two: ok\n")]
    [InlineData("智慧城市 — مدن ذكية — 😀 emoji pairs")]
    [InlineData("no\u00A0break, zero\u200Bwidth and soft\u00ADhyphen are format characters, not controls")]
    public void Tabs_line_breaks_and_text_of_any_script_pass(string text) =>
        Assert.Null(TypedText.Check("body", text));

    [Fact]
    public void No_text_is_no_problem() => Assert.Null(TypedText.Check("proposedText", null));
}
