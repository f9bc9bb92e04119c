using System.Text.RegularExpressions;

namespace GuidelinesReview.Core.Diff;

/// <summary>Word-set similarity of blocks. Words are compared lower-cased; punctuation is ignored.</summary>
public static partial class Similarity
{
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>Sorted distinct word ids of a text, for fast intersections.</summary>
    public static int[] WordSet(string text, Dictionary<string, int> vocabulary)
    {
        var ids = new HashSet<int>();
        foreach (Match m in Word().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            if (!vocabulary.TryGetValue(word, out var id))
            {
                id = vocabulary.Count;
                vocabulary[word] = id;
            }

            ids.Add(id);
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>How many words a text has (as <see cref="WordSet"/> reads them, repeats counted).</summary>
    public static int WordCount(string text) => Word().Count(text);

    public static int Intersection(int[] a, int[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>Dice coefficient: 2·|A∩B| / (|A|+|B|), 1 for identical word sets, 0 for none shared.</summary>
    public static double Dice(int[] a, int[] b) =>
        a.Length + b.Length == 0 ? 1 : 2.0 * Intersection(a, b) / (a.Length + b.Length);

    /// <summary>How much of A is in B: |A∩B| / |A| (a paragraph merged into a longer one scores high).</summary>
    public static double Containment(int[] a, int[] b) =>
        a.Length == 0 ? 0 : (double)Intersection(a, b) / a.Length;
}
