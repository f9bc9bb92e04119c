using Markdig;
using Markdig.Syntax;

namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// Counts, in each paragraph and heading, the marks Markdig has to pair up: square brackets,
/// runs of emphasis marks (<c>*</c>, <c>_</c>), runs of backticks and table pipes. Pairing them
/// costs Markdig time that grows with the square of their number in one paragraph (5,000
/// <c>[</c> then 5,000 <c>]</c> took 1.5 s), so a paragraph with more than it needs is refused
/// before it is parsed, naming the paragraph, the mark and the limit. Paragraphs are found by
/// Markdig itself with no inline parsers (linear, and exactly the paragraphs the full parse
/// will see): counting per paragraph keeps a long document of ordinary paragraphs acceptable.
/// </summary>
internal static class InlineMarks
{
    /// <summary>Marks of one kind any paragraph may have, however short: "**a** *b* [c](d)" has 8.</summary>
    public const int FreeMarks = 40;

    /// <summary>
    /// Beyond <see cref="FreeMarks"/>, a paragraph of n characters may have √(n × this) marks of
    /// one kind: pairing m marks costs about m², so the work stays within this many pairings
    /// per character, linear in the paragraph's length (a paragraph of 10,000 characters may have 447).
    /// </summary>
    public const int PairingsPerCharacter = 20;

    /// <summary>
    /// The markup budget of a whole text, in units of an ordinary character. Even paired in
    /// linear time, each mark costs Markdig far more than a letter (measured on the worst cases of
    /// Specs/markdown-cost.txt: about 20 letters for a bracket or an emphasis or code run, about 55
    /// for a table pipe between one-letter cells), so a text made mostly of marks, within every
    /// paragraph's allowance, still took 13 to 25 times as long as ordinary notes of its length.
    /// A text may spend <see cref="MarkupUnitsPerCharacter"/> units per character, plus
    /// <see cref="FreeMarkupUnits"/> so that a short comment holding a small table always passes.
    /// </summary>
    public const int MarkUnits = 20;

    /// <inheritdoc cref="MarkUnits"/>
    public const int PipeUnits = 55;

    /// <inheritdoc cref="MarkUnits"/>
    public const int MarkupUnitsPerCharacter = 7;

    /// <inheritdoc cref="MarkUnits"/>
    public const int FreeMarkupUnits = 5_000;

    /// <summary>Link definitions (<c>[label]: address</c>) in one text: Markdig's work on them grows faster than their number.</summary>
    public const int MaxDefinitions = 200;

    /// <summary>The most marks of one kind a paragraph of <paramref name="length"/> characters may have.</summary>
    public static int Allowed(int length) => Math.Max(FreeMarks, (int)Math.Sqrt((double)length * PairingsPerCharacter));

    /// <summary>Finds the paragraphs and headings, and nothing inside them.</summary>
    private static readonly MarkdownPipeline BlocksOnly = BuildBlocksOnly();

    private static MarkdownPipeline BuildBlocksOnly()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    /// <summary>The first paragraph with too many of one mark, as a sentence for the author; null if none.</summary>
    public static string? FirstProblem(string markdown)
    {
        long marks = 0, pipes = 0;
        foreach (var leaf in Markdig.Markdown.Parse(markdown, BlocksOnly).Descendants<LeafBlock>())
        {
            if (!leaf.ProcessInlines)
            {
                continue; // code: no marks are paired in it
            }

            var counts = Count(markdown.AsSpan(leaf.Span.Start, leaf.Span.Length));
            var allowed = Allowed(leaf.Span.Length);
            var where = leaf is HeadingBlock ? $"The heading on line {leaf.Line + 1:N0}" : $"The paragraph starting on line {leaf.Line + 1:N0}";
            var problem =
                counts.Brackets > allowed ? Sentence(where, leaf.Span.Length, counts.Brackets, "square brackets", allowed)
                : counts.EmphasisRuns > allowed ? Sentence(where, leaf.Span.Length, counts.EmphasisRuns, "runs of emphasis marks (* or _)", allowed)
                : counts.BacktickRuns > allowed ? Sentence(where, leaf.Span.Length, counts.BacktickRuns, "runs of backticks", allowed)
                : counts.Pipes > allowed ? Sentence(where, leaf.Span.Length, counts.Pipes, "table pipes (|)", allowed)
                : null;
            if (problem is not null)
            {
                return problem;
            }

            marks += counts.Brackets + counts.EmphasisRuns + counts.BacktickRuns;
            pipes += counts.Pipes;
        }

        return (MarkUnits * marks) + (PipeUnits * pipes) > ((long)MarkupUnitsPerCharacter * markdown.Length) + FreeMarkupUnits
            ? $"The text is mostly markup: {pipes:N0} table pipes (|) and {marks:N0} brackets, emphasis and code marks in {markdown.Length:N0} characters, more than is accepted for a text of this length. Use fewer links or emphasis marks, or fewer and wider table cells."
            : null;
    }

    /// <summary>
    /// Refuses more than <see cref="MaxDefinitions"/> link definitions, counted by their "]:" (every
    /// definition has one right after its label, on whatever line the label ends), before any parse.
    /// </summary>
    public static string? TooManyDefinitions(string markdown)
    {
        var count = 0;
        for (var i = markdown.IndexOf("]:", StringComparison.Ordinal); i >= 0; i = markdown.IndexOf("]:", i + 2, StringComparison.Ordinal))
        {
            count++;
        }

        return count > MaxDefinitions
            ? $"The text has {count:N0} link definitions ([label]: address); at most {MaxDefinitions:N0} are accepted. Write the addresses in the links instead."
            : null;
    }

    private static string Sentence(string where, int length, int count, string marks, int allowed) =>
        $"{where} has {count:N0} {marks} in {length:N0} characters; at most {allowed:N0} are accepted there. Use fewer, or split it into paragraphs (a blank line between them).";

    private readonly record struct Counts(int Brackets, int EmphasisRuns, int BacktickRuns, int Pipes);

    private static Counts Count(ReadOnlySpan<char> text)
    {
        // The paragraph's source, with the quote markers of its lines: they are not counted.
        int brackets = 0, emphasisRuns = 0, backtickRuns = 0, pipes = 0;
        var previous = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++; // an escaped mark is text, never paired
                previous = '\0';
                continue;
            }

            switch (c)
            {
                case '[' or ']':
                    brackets++;
                    break;
                case '*' or '_' when c != previous:
                    emphasisRuns++;
                    break;
                case '`' when c != previous:
                    backtickRuns++;
                    break;
                case '|':
                    pipes++;
                    break;
            }

            previous = c;
        }

        return new Counts(brackets, emphasisRuns, backtickRuns, pipes);
    }
}
