using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Core.Markdown;

namespace GuidelinesReview.Tests.Core;

/// <summary>Runs Specs/xss-corpus.txt through both renderers and checks the HTML with <see cref="HtmlSafety"/>.</summary>
public sealed class XssCorpusTests
{
    private const string FileName = "xss-corpus.txt";

    private static readonly Lazy<List<SpecCase>> Corpus = new(() => SpecFile.ReadCases(FileName).Cases);

    private static readonly Taxonomy Taxonomy = new(
        [new TaxonomyTerm(TaxonomyKind.ThematicArea, "infrastructure", "Digital infrastructure")],
        [new TaxonomyTerm(TaxonomyKind.Principle, "data", "Data platforms")]);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var xssCase in Corpus.Value)
        {
            data.Add(xssCase.Name);
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_35_cases()
    {
        Assert.True(Corpus.Value.Count >= 35, $"only {Corpus.Value.Count} cases in {FileName}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Comment_html_is_safe(string name)
    {
        var xssCase = Corpus.Value.Single(c => c.Name == name);
        var html = SafeMarkdown.ToHtml(xssCase.Markdown, 10_000);

        HtmlSafety.AssertSafe(html, "SafeMarkdown.ToHtml");
        CheckExpectations(xssCase, html);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Draft_block_html_is_safe(string name)
    {
        var xssCase = Corpus.Value.Single(c => c.Name == name);
        if (xssCase.Expectations.Any(e => e.Name == "draft-rejects"))
        {
            Assert.Throws<ContentFormatException>(() => DraftParser.Parse(xssCase.Markdown, Taxonomy));
            return;
        }

        var document = DraftParser.Parse(xssCase.Markdown, Taxonomy);
        Assert.NotEmpty(document.Blocks);
        foreach (var block in document.Blocks)
        {
            HtmlSafety.AssertSafe(block.Html, $"DraftParser block {block.Anchor}");
        }

        CheckExpectations(xssCase, string.Concat(document.Blocks.Select(b => b.Html)));
    }

    private static void CheckExpectations(SpecCase xssCase, string html)
    {
        foreach (var expectation in xssCase.Expectations)
        {
            switch (expectation.Name)
            {
                case "text":
                    Assert.Equal(expectation.Argument, HtmlSafety.VisibleText(html));
                    break;
                case "html-contains":
                    Assert.Contains(expectation.Argument, html, StringComparison.Ordinal);
                    break;
                case "draft-rejects":
                    break;
                default:
                    Assert.Fail($"{FileName} line {expectation.LineNumber}: unknown directive '@@@ {expectation.Name}'.");
                    break;
            }
        }
    }
}
