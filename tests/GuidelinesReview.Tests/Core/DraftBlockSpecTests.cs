using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Tests.Core;

/// <summary>Runs the cases of Specs/draft-blocks.md (format described at the top of that file).</summary>
public sealed class DraftBlockSpecTests
{
    private const string FileName = "draft-blocks.md";

    private static readonly Lazy<(Taxonomy Taxonomy, List<SpecCase> Cases)> Spec = new(Load);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var specCase in Spec.Value.Cases)
        {
            data.Add(specCase.Name);
        }

        return data;
    }

    [Fact]
    public void The_spec_file_holds_cases_and_every_case_expects_something()
    {
        Assert.True(Spec.Value.Cases.Count >= 25, $"only {Spec.Value.Cases.Count} cases in {FileName}");
        Assert.All(Spec.Value.Cases, c => Assert.True(c.Expectations.Count > 0, $"case '{c.Name}' (line {c.LineNumber}) expects nothing"));
        Assert.All(Spec.Value.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Markdown), $"case '{c.Name}' has no Markdown"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        var taxonomy = Spec.Value.Taxonomy;
        var spec = Spec.Value.Cases.Single(c => c.Name == name);
        var error = spec.Expectations.SingleOrDefault(e => e.Name == "error");
        if (error is not null)
        {
            var exception = Record.Exception(() => DraftParser.Parse(spec.Markdown, taxonomy));
            Assert.NotNull(exception);
            Assert.Equal(error.Argument, exception.GetType().Name);
            foreach (var fragment in error.Entries())
            {
                Assert.Contains(fragment.Trim(), exception.Message, StringComparison.Ordinal);
            }

            return;
        }

        var document = DraftParser.Parse(spec.Markdown, taxonomy);

        // What holds for every document, whatever the case says.
        var duplicates = document.Blocks.GroupBy(b => b.Anchor, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(b => $"{b.Kind} '{b.Text}'"))})").ToList();
        Assert.True(duplicates.Count == 0, $"anchors used by more than one block: {string.Join("; ", duplicates)}");
        var blocks = document.Blocks.ToDictionary(b => b.Anchor, StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, document.Blocks.Count), document.Blocks.Select(b => b.Ordinal));
        foreach (var block in document.Blocks)
        {
            Assert.Contains($"id=\"{block.Anchor}\"", block.Html, StringComparison.Ordinal);
            Assert.Contains($"data-anchor=\"{block.Anchor}\"", block.Html, StringComparison.Ordinal);
            Assert.Equal(DraftParser.HashOf(block.Kind, block.Text), block.ContentHash);
            HtmlSafety.AssertSafe(block.Html, $"block {block.Anchor}");
        }

        foreach (var expectation in spec.Expectations)
        {
            switch (expectation.Name)
            {
                case "blocks":
                    Assert.Equal(
                        expectation.Entries().Select(ExpectedBlock).ToList(),
                        document.Blocks.Select(ActualBlock).ToList());
                    break;
                case "sections":
                    Assert.Equal(
                        expectation.Entries().Select(ExpectedSection).ToList(),
                        document.Sections.Select(ActualSection).ToList());
                    break;
                case "html":
                    Assert.True(blocks.TryGetValue(expectation.Argument, out var htmlBlock), $"no block {expectation.Argument}; blocks are {string.Join(", ", blocks.Keys)}");
                    Assert.Equal(expectation.Body().TrimEnd('\n'), htmlBlock.Html.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
                    break;
                case "same-hash":
                    var (a, b) = Pair(expectation, blocks);
                    Assert.Equal(a.Text, b.Text);
                    Assert.Equal(a.ContentHash, b.ContentHash);
                    break;
                case "other-hash":
                    var (c, d) = Pair(expectation, blocks);
                    Assert.NotEqual(c.ContentHash, d.ContentHash);
                    break;
                case "anchors-unique":
                    break; // checked above for every case
                default:
                    Assert.Fail($"{FileName} line {expectation.LineNumber}: unknown directive '@@@ {expectation.Name}'.");
                    break;
            }
        }
    }

    private static (Taxonomy, List<SpecCase>) Load()
    {
        var (header, cases) = SpecFile.ReadCases(FileName);
        var taxonomy = header.Single(d => d.Name == "taxonomy");
        return (SpecFile.TaxonomyFrom(taxonomy.Argument), cases);
    }

    private static (DraftBlock, DraftBlock) Pair(SpecDirective expectation, Dictionary<string, DraftBlock> blocks)
    {
        var anchors = expectation.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(anchors.Length == 2, $"{FileName} line {expectation.LineNumber}: '@@@ {expectation.Name}' needs two anchors.");
        Assert.True(blocks.ContainsKey(anchors[0]), $"no block {anchors[0]}");
        Assert.True(blocks.ContainsKey(anchors[1]), $"no block {anchors[1]}");
        return (blocks[anchors[0]], blocks[anchors[1]]);
    }

    private static string ExpectedBlock(string line)
    {
        var cells = Cells(line, 4, 5);
        return Row(cells[0], cells[1], cells[2], cells[3], SpecFile.NormalizeTags(cells.ElementAtOrDefault(4) ?? ""));
    }

    private static string ActualBlock(DraftBlock block) =>
        Row(block.Anchor, block.Kind.ToString(), block.SectionAnchor, block.Text, SpecFile.FormatTags(block.Areas, block.Principles));

    private static string ExpectedSection(string line)
    {
        var cells = Cells(line, 6, 6);
        return Row(cells[0], cells[1], cells[2], cells[3], SpecFile.NormalizeTags(cells[4]), SpecFile.NormalizeTags(cells[5]));
    }

    private static string ActualSection(DraftSection section) =>
        Row(
            section.Anchor,
            section.ParentAnchor ?? "-",
            section.Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            section.Title,
            SpecFile.FormatTags(section.OwnAreas, section.OwnPrinciples),
            SpecFile.FormatTags(section.Areas, section.Principles));

    private static string[] Cells(string line, int min, int max)
    {
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length < min || cells.Length > max)
        {
            throw new InvalidDataException($"{FileName}: expected {min}-{max} cells separated by '|' in: {line}");
        }

        return cells;
    }

    private static string Row(params string[] cells) => string.Join(" | ", cells);
}
