using CsCheck;
using GuidelinesReview.Core.Comments;

namespace GuidelinesReview.Tests.Core.Properties;

/// <summary>A quote selector built from any passage of any block finds that same passage again.</summary>
public sealed class TextQuoteProperties
{
    [Fact]
    public void A_selector_for_a_random_passage_resolves_to_the_same_range_in_the_same_text()
    {
        Gen.Select(Drafts.BlockText, Gen.Int[0, 10_000], Gen.Int[1, 80]).Sample((text, from, length) =>
        {
            var (start, end) = Passage(text, from, length);
            if (start >= end)
            {
                return;
            }

            var selector = TextQuote.Capture(text, start, end);

            var found = TextQuote.Locate(text, selector.Exact, selector.Prefix, selector.Suffix, selector.Start);

            Assert.NotNull(found);
            Assert.Equal((start, end, text[start..end]), (found.Start, found.End, found.Exact));
        }, iter: 2000);
    }

    /// <summary>
    /// A passage as a reader selects it: not starting or ending in white space (the app trims the
    /// selection) and not splitting a character outside the BMP.
    /// </summary>
    private static (int Start, int End) Passage(string text, int from, int length)
    {
        var start = from % text.Length;
        var end = Math.Min(text.Length, start + length);
        while (start < end && (char.IsWhiteSpace(text[start]) || char.IsLowSurrogate(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || char.IsHighSurrogate(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }
}
