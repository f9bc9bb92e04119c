using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Drafts;

/// <summary>
/// Turns a draft's Markdown body into sections and blocks with stable anchors.
/// </summary>
/// <remarks>
/// Anchors: a heading's anchor is the section number the document itself gives it, so that
/// people can read and quote them: "2.3 Open data" is <c>s2.3</c>, "Annex A. Actions" is
/// <c>sA</c>, "A.2 Costs" is <c>sA.2</c>. A heading without a number (or repeating one
/// already used) gets a slug of its title, e.g. "Foreword" is <c>s-foreword</c>. Other
/// blocks are numbered per kind inside their section:
/// <c>-p</c> paragraph, <c>-li</c> list item, <c>-q</c> quote, <c>-t</c> table, <c>-c</c> code,
/// e.g. <c>s2.3-p4</c>. Numbering per kind keeps paragraph anchors stable when a list or table is
/// added to a section. Top-level list items are blocks (nested lists belong to their item).
///
/// Tags: a heading may end with <c>{areas: a, b; principles: x}</c>; a section carries its own
/// tags and those of the sections it is part of, and its blocks inherit them.
/// </remarks>
public static class DraftParser
{
    // A trailing brace group of "name: values" is a tag group (an unknown name is an error, to catch
    // typos); other braces, such as "Use of {placeholders}", are heading text.
    internal static readonly Regex TagGroup = new(@"\s*\{\s*([A-Za-z]+\s*:[^{}]*)\}\s*$", RegexOptions.CultureInvariant);

    /// <param name="firstLine">The file line the Markdown starts on, so errors name the line an editor sees.</param>
    public static DraftDocument Parse(string markdown, Taxonomy taxonomy, int firstLine = 1)
    {
        var document = SafeMarkdown.Parse(markdown, SafeMarkdown.MaxDraftLength);
        var sections = new List<DraftSection>();
        var blocks = new List<DraftBlock>();
        var path = new List<(int Level, DraftSection Section)>();
        var usedAnchors = new HashSet<string>(StringComparer.Ordinal) { "s0" };
        var preamble = new DraftSection("s0", null, 0, "", [], [], [], []);
        var current = preamble;
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var node in document)
        {
            if (node is HeadingBlock heading)
            {
                var (areas, principles) = TakeTags(heading, taxonomy, firstLine);
                while (path.Count > 0 && path[^1].Level >= heading.Level)
                {
                    path.RemoveAt(path.Count - 1);
                }

                var parent = path.Count > 0 ? path[^1].Section : null;
                var title = PlainText.Of(heading);
                var anchor = SectionAnchor(title, usedAnchors);
                current = new DraftSection(
                    anchor,
                    parent?.Anchor,
                    path.Count + 1,
                    title,
                    areas,
                    principles,
                    Union(parent?.Areas, areas),
                    Union(parent?.Principles, principles));
                sections.Add(current);
                path.Add((heading.Level, current));
                counters.Clear();

                // The page's own title is the h1; sections start at h2.
                heading.Level = Math.Min(6, current.Level + 1);
                blocks.Add(MakeBlock(markdown, blocks.Count, anchor, BlockKind.Heading, current, heading, SafeMarkdown.Render(heading, anchor)));
                continue;
            }

            if (current == preamble && sections.Count == 0)
            {
                sections.Add(preamble);
            }

            // Headings inside a quote or list item must not outrank the section they stand in.
            if (node is ContainerBlock container)
            {
                foreach (var nested in container.Descendants<HeadingBlock>())
                {
                    nested.Level = Math.Min(6, current.Level + 1 + nested.Level);
                }
            }

            switch (node)
            {
                case ListBlock list:
                    var order = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var anchor = Next(current, "li", counters);
                        blocks.Add(MakeBlock(markdown, blocks.Count, anchor, BlockKind.ListItem, current, item, RenderListItem(list, item, anchor, order++)));
                    }

                    break;
                case ParagraphBlock:
                    AddBlock("p", BlockKind.Paragraph);
                    break;
                case QuoteBlock:
                    AddBlock("q", BlockKind.Quote);
                    break;
                case Table:
                    AddBlock("t", BlockKind.Table);
                    break;
                case CodeBlock code:
                    var codeAnchor = Next(current, "c", counters);
                    blocks.Add(MakeBlock(markdown, blocks.Count, codeAnchor, BlockKind.Code, current, code, RenderCode(code, codeAnchor)));
                    break;

                // Thematic breaks and link reference definitions carry no text to comment on.
            }

            void AddBlock(string prefix, BlockKind kind)
            {
                var anchor = Next(current, prefix, counters);
                blocks.Add(MakeBlock(markdown, blocks.Count, anchor, kind, current, node, SafeMarkdown.Render(node, anchor)));
            }
        }

        return new DraftDocument(sections, blocks);
    }

    private static readonly Regex SectionNumber = new(
        @"^(?:(?<n>\d{1,3}(?:\.\d{1,3})*)\.?|Annex\s+(?<n>[A-Z])\.?|(?<n>[A-Z](?:\.\d{1,3})+)\.?)(?:\s|$)",
        RegexOptions.CultureInvariant);

    private static readonly Regex BlockSuffix = new(@"-(p|li|q|t|c)\d+$", RegexOptions.CultureInvariant);

    private static string SectionAnchor(string title, HashSet<string> used)
    {
        var number = SectionNumber.Match(title);
        if (number.Success && used.Add("s" + number.Groups["n"].Value))
        {
            return "s" + number.Groups["n"].Value;
        }

        var slug = Slug(title);
        if (BlockSuffix.IsMatch(slug))
        {
            slug += "-s"; // "Foo p1" must not take the anchor of section "Foo"'s first paragraph
        }

        var anchor = $"s-{slug}";
        for (var i = 2; !used.Add(anchor); i++)
        {
            anchor = $"s-{slug}-{i}";
        }

        return anchor;
    }

    /// <summary>Lower-case letters and digits (any script) joined by single hyphens, at most 40 characters.</summary>
    private static string Slug(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 40)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    /// <summary>SHA-256 of the block kind and its collapsed text, as 32 hex digits.</summary>
    public static string HashOf(BlockKind kind, string text) => Hashing.Sha256Hex($"{kind}\n{text}", bytes: 16);

    private static string Next(DraftSection section, string prefix, Dictionary<string, int> counters)
    {
        counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
        return $"{section.Anchor}-{prefix}{counters[prefix]}";
    }

    private static DraftBlock MakeBlock(string markdown, int ordinal, string anchor, BlockKind kind, DraftSection section, MarkdownObject node, string html)
    {
        var text = PlainText.Of(node);
        var source = markdown.Substring(node.Span.Start, Math.Min(node.Span.Length, markdown.Length - node.Span.Start)).TrimEnd();
        return new DraftBlock(ordinal, anchor, kind, section.Anchor, text, html, HashOf(kind, text), section.Areas, section.Principles, source);
    }

    /// <summary>Largest single block accepted when a block is rendered on its own (a translation of one).</summary>
    public const int MaxBlockLength = 40_000;

    /// <summary>
    /// Renders one block written on its own (a localized block built by <c>Segments.Localize</c>) as
    /// <see cref="Parse"/> renders the block it stands for: the same anchor, a heading at
    /// <paramref name="headingLevel"/>, a list item wrapped in its own list with its number.
    /// </summary>
    public static string RenderBlock(string markdown, string anchor, int headingLevel)
    {
        var document = SafeMarkdown.Parse(markdown, MaxBlockLength);
        var html = new StringBuilder();
        var first = true;
        foreach (var node in document.ToList())
        {
            var id = first ? anchor : null;
            first = false;
            switch (node)
            {
                case HeadingBlock heading:
                    heading.Level = Math.Min(6, headingLevel);
                    html.Append(id is null ? SafeMarkdown.Render(heading) : SafeMarkdown.Render(heading, id));
                    break;
                case ListBlock list when id is not null && list.FirstOrDefault() is ListItemBlock item:
                    var order = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    html.Append(RenderListItem(list, item, id, order));
                    break;
                case CodeBlock code when id is not null:
                    html.Append(RenderCode(code, id));
                    break;
                case Block block:
                    html.Append(id is null ? SafeMarkdown.Render(block) : SafeMarkdown.Render(block, id));
                    break;
            }
        }

        return html.ToString();
    }

    private static string RenderListItem(ListBlock list, ListItemBlock item, string anchor, int order)
    {
        SafeMarkdown.SetAnchor(item, anchor);
        var tag = list.IsOrdered ? "ol" : "ul";
        var startAttribute = list.IsOrdered && order != 1 ? $" start=\"{order}\"" : "";

        // As Markdig's ListRenderer writes one item: a tight list's paragraphs lose their <p>.
        return SafeMarkdown.Render(renderer =>
        {
            renderer.Write($"<{tag} class=\"blk-list\"{startAttribute}>\n");
            renderer.Write("<li").WriteAttributes(item).Write('>');
            var implicitParagraph = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = !list.IsLoose;
            renderer.WriteChildren(item);
            renderer.ImplicitParagraph = implicitParagraph;
            renderer.WriteLine("</li>");
            renderer.WriteLine($"</{tag}>");
        });
    }

    private static string RenderCode(CodeBlock code, string anchor)
    {
        var text = code.Lines.ToString();
        var encodedAnchor = WebUtility.HtmlEncode(anchor);
        return $"<pre id=\"{encodedAnchor}\" data-anchor=\"{encodedAnchor}\"><code>{WebUtility.HtmlEncode(text)}</code></pre>\n";
    }

    /// <summary>Reads and strips a trailing <c>{areas: ...; principles: ...}</c> group from a heading.</summary>
    private static (IReadOnlyList<string> Areas, IReadOnlyList<string> Principles) TakeTags(HeadingBlock heading, Taxonomy taxonomy, int firstLine)
    {
        if (heading.Inline?.LastChild is not LiteralInline literal)
        {
            return ([], []);
        }

        var content = literal.Content.ToString();
        var match = TagGroup.Match(content);
        if (!match.Success)
        {
            return ([], []);
        }

        var areas = new List<string>();
        var principles = new List<string>();
        foreach (var part in match.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? part : part[..colon].Trim();
            var (kind, target) = name switch
            {
                "areas" => (TaxonomyKind.ThematicArea, areas),
                "principles" => (TaxonomyKind.Principle, principles),
                _ => throw new ContentFormatException(
                    $"Line {heading.Line + firstLine}: heading tags must be 'areas:' or 'principles:', got '{name}'."),
            };

            foreach (var key in part[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!taxonomy.Contains(kind, key))
                {
                    var known = string.Join(", ", (kind == TaxonomyKind.ThematicArea ? taxonomy.ThematicAreas : taxonomy.Principles).Select(t => t.Key));
                    throw new ContentFormatException(
                        $"Line {heading.Line + firstLine}: '{key}' is not one of this guideline's {(kind == TaxonomyKind.ThematicArea ? "thematic areas" : "principles")} ({known}).");
                }

                if (!target.Contains(key))
                {
                    target.Add(key);
                }
            }
        }

        literal.Content = new Markdig.Helpers.StringSlice(content[..match.Index].TrimEnd());
        return (areas, principles);
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string>? inherited, IReadOnlyList<string> own) =>
        inherited is null ? own : inherited.Concat(own).Distinct(StringComparer.Ordinal).ToList();
}
