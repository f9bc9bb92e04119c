using System.Diagnostics;
using System.Text;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Glossary.Find. Expected hits are written into the source between ⟦ and ⟧, and the actual hits
/// are drawn the same way, so a failing row shows both texts side by side.
/// </summary>
public sealed class GlossaryTests
{
    private static readonly string[] Terms =
    [
        "open data",
        "open data platform",
        "data",
        "digital public infrastructure",
        "box",
        "e-government",
        "C++",
        "stakeholder",
        "café",
    ];

    [Theory]
    [InlineData("Publish ⟦open data⟧ now.")]
    [InlineData("⟦OPEN Data⟧ and ⟦Open data⟧.")]
    // Whole words only; a word is a run of letters, marks and digits.
    [InlineData("A database of metadata, reopen ⟦data⟧, ⟦data⟧'s value; data2 is another word.")]
    [InlineData("Open-⟦data⟧ is not the two-word term; opendata is one word.")]
    // Multi-word terms, with any white space between the words.
    [InlineData("Build ⟦digital public infrastructure⟧.")]
    [InlineData("Build ⟦digital public\ninfrastructure⟧ and ⟦digital  public\u00A0infrastructure⟧.")]
    [InlineData("Build digital public works.")]
    // Longest match wins; the scan goes on after it.
    [InlineData("The ⟦open data platform⟧ holds ⟦open data⟧ and ⟦data⟧.")]
    [InlineData("⟦open data platforms⟧ and the ⟦open data platform⟧’s ⟦data⟧")]
    // Simple English plurals: s and es on the last word.
    [InlineData("Two ⟦boxes⟧, three ⟦boxs⟧, ⟦datas⟧, ⟦stakeholders⟧’ views, ⟦digital public infrastructures⟧.")]
    [InlineData("No boxen, no boxed, no stakeholdership.")]
    // Punctuation inside and at the ends of a term must be there.
    [InlineData("⟦e-government⟧, ⟦E\u2011Government⟧ (non-breaking hyphen), e government.")]
    [InlineData("⟦C++⟧ and C and C+.")]
    // Unicode: a decomposed é is the same letter.
    [InlineData("⟦café⟧ and ⟦cafe\u0301⟧ and ⟦CAFÉ⟧.")]
    // Markdown: not in code spans, link addresses or autolinks; yes in link text and through emphasis.
    [InlineData("`open data` and [⟦open data⟧](https://example.org/data) and <https://data.example>.")]
    [InlineData("*⟦open* data⟧ and **⟦open data⟧** and _⟦open_ data⟧.")]
    [InlineData("![⟦data⟧ chart](charts/data.png)")]
    public void Finds_whole_terms_longest_first(string marked)
    {
        var source = marked.Replace("⟦", "", StringComparison.Ordinal).Replace("⟧", "", StringComparison.Ordinal);
        var hits = Glossary.Find(source, Entries(Terms));
        Assert.Equal(marked, Draw(source, hits));
    }

    [Fact]
    public void Hits_are_ordered_by_position_whatever_the_order_of_the_entries()
    {
        const string source = "Open data, a box and digital public infrastructure.";
        var forward = Glossary.Find(source, Entries(Terms));
        var backward = Glossary.Find(source, Entries(Enumerable.Reverse(Terms)));
        Assert.Equal(forward.Select(h => (h.Start, h.Length, h.Entry.Term)), backward.Select(h => (h.Start, h.Length, h.Entry.Term)));
        Assert.Equal(forward.Select(h => h.Start).Order(), forward.Select(h => h.Start));
        Assert.Equal(["open data", "box", "digital public infrastructure"], forward.Select(h => h.Entry.Term));
    }

    [Fact]
    public void Of_two_entries_with_the_same_term_the_first_listed_wins()
    {
        var first = new GlossaryEntry("Open data", new Dictionary<string, GlossaryRendering>(), "first");
        var second = new GlossaryEntry("open data", new Dictionary<string, GlossaryRendering>(), "second");
        Assert.Same(first, Assert.Single(Glossary.Find("open data", [first, second])).Entry);
        Assert.Same(second, Assert.Single(Glossary.Find("open data", [second, first])).Entry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Blank_terms_and_terms_without_words_are_ignored(string term)
    {
        Assert.Empty(Glossary.Find("Open data? Yes!", Entries([term])));
        Assert.Empty(Glossary.Find("Open data", []));
        Assert.Empty(Glossary.Find("", Entries(Terms)));
    }

    [Fact]
    public void Text_the_parser_refuses_is_searched_as_plain_text()
    {
        var source = new string('x', TranslationChecks.MaxTextLength) + " open data";
        var hit = Assert.Single(Glossary.Find(source, Entries(Terms)));
        Assert.Equal(TranslationChecks.MaxTextLength + 1, hit.Start);
    }

    [Fact]
    public void A_hundred_terms_on_a_two_thousand_character_block_take_well_under_a_millisecond_each()
    {
        var terms = Terms.Concat(Enumerable.Range(0, 100 - Terms.Length).Select(i => $"term{i} of the glossary")).ToList();
        var entries = Entries(terms);
        var block = new StringBuilder();
        var k = 0;
        while (block.Length < 2_000)
        {
            block.Append(k % 7 == 0 ? $"term{k % 91} of the glossary, " : "open data platforms and digital public infrastructure with *data* and [a box](https://example.org/box). ");
            k++;
        }

        var source = block.ToString();
        Assert.NotEmpty(Glossary.Find(source, entries)); // warm up
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            Glossary.Find(source, entries);
        }

        // Typically about 0.1 ms a call; the bound leaves room for a slow, busy test machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"200 calls took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    private static List<GlossaryEntry> Entries(IEnumerable<string> terms) =>
        terms.Select(t => new GlossaryEntry(t, new Dictionary<string, GlossaryRendering>(), "")).ToList();

    private static string Draw(string source, IReadOnlyList<GlossaryHit> hits)
    {
        var drawn = new StringBuilder(source);
        foreach (var hit in hits.OrderByDescending(h => h.Start))
        {
            drawn.Insert(hit.Start + hit.Length, '⟧').Insert(hit.Start, '⟦');
        }

        return drawn.ToString();
    }
}
