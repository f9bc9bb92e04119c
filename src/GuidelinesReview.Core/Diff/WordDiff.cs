using System.Text.RegularExpressions;
using DiffPlex;

namespace GuidelinesReview.Core.Diff;

/// <summary>
/// Word-level differences inside one block, with DiffPlex. Words, runs of white space and
/// single punctuation marks are separate tokens, so "systems and" → "systems, and" shows one
/// inserted comma rather than a replaced word.
/// </summary>
public static partial class WordDiff
{
    private static readonly Differ Differ = new();

    /// <summary>Above this many tokens (both sides) a block is shown as replaced: DiffPlex's Myers diff has no cancellation.</summary>
    public const int MaxTokens = 6_000;

    // Letters keep their combining marks (Devanagari vowel signs), and a character outside the
    // basic plane (emoji, rare CJK) stays whole: a change never splits a character in half.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+|\s+|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\p{L}\p{M}\p{N}\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public static string[] Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToArray();

    /// <summary>The changes from <paramref name="oldText"/> to <paramref name="newText"/>, adjacent runs merged; null if too long to compare.</summary>
    public static IReadOnlyList<WordChange>? Compare(string oldText, string newText)
    {
        var oldTokens = Tokens(oldText);
        var newTokens = Tokens(newText);
        if (oldTokens.Length + newTokens.Length > MaxTokens)
        {
            return null;
        }

        // DiffPlex chunks each text with the given function; hand it the tokens we already have.
        var result = Differ.CreateCustomDiffs(oldText, newText, ignoreWhiteSpace: false,
            chunker: text => ReferenceEquals(text, oldText) ? oldTokens : newTokens);
        var changes = new List<WordChange>();
        void Add(WordOp op, IEnumerable<string> tokens)
        {
            var text = string.Concat(tokens);
            if (text.Length == 0)
            {
                return;
            }

            if (changes.Count > 0 && changes[^1].Op == op)
            {
                changes[^1] = changes[^1] with { Text = changes[^1].Text + text };
            }
            else
            {
                changes.Add(new WordChange(op, text));
            }
        }

        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(WordOp.Equal, oldTokens[a..block.DeleteStartA]);
            Add(WordOp.Deleted, oldTokens.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordOp.Inserted, newTokens.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(WordOp.Equal, oldTokens[a..]);
        return changes;
    }
}
