using System.Text;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// A block's Markdown inline text as the checks need it, read from the tree of the platform's
/// parser (<see cref="SafeMarkdown.Parse"/>) so that escapes, entities and link syntax are
/// understood: what a reader sees, which parts of it are prose, and the links, images, code
/// spans, emphasis and footnote marks.
/// </summary>
internal sealed partial class InlineText
{
    /// <summary>Stands in <see cref="Prose"/> for what is not prose: code, addresses, footnote marks.</summary>
    public const char NotProse = '\uFFFC';

    private InlineText()
    {
    }

    /// <summary>
    /// What a reader sees: literal text, link and image texts, code span contents and autolink
    /// addresses, entities decoded; line breaks and block ends are "\n". No Markdown syntax.
    /// </summary>
    public string Visible { get; private set; } = "";

    /// <summary>
    /// <see cref="Visible"/>, character for character, with code spans, autolinks, bare web
    /// addresses and footnote marks replaced by <see cref="NotProse"/>: the text that words,
    /// numbers and punctuation are looked for in.
    /// </summary>
    public string Prose { get; private set; } = "";

    public List<string> LinkUrls { get; } = [];

    public List<string> ImageUrls { get; } = [];

    public List<string> CodeSpans { get; } = [];

    /// <summary>The plain text of each italic passage (<c>*x*</c>, <c>_x_</c>).</summary>
    public List<string> Italic { get; } = [];

    /// <summary>The plain text of each bold passage (<c>**x**</c>, <c>__x__</c>).</summary>
    public List<string> Bold { get; } = [];

    /// <summary>The labels of the footnote marks (<c>[^1]</c> gives "1"), in order.</summary>
    public List<string> Footnotes { get; } = [];

    /// <summary>
    /// The document of <paramref name="markdown"/> parsed without its leading white space (four
    /// spaces would make a code block of the first line), and how much was cut: add it to a
    /// node's span to find the node in <paramref name="markdown"/>.
    /// </summary>
    public static (MarkdownDocument Document, int Offset) Parse(string markdown, int maxLength)
    {
        var trimmed = markdown.TrimStart();
        return (SafeMarkdown.Parse(trimmed, maxLength), markdown.Length - trimmed.Length);
    }

    public static InlineText Of(MarkdownDocument document)
    {
        var text = new InlineText();
        var visible = new StringBuilder();
        var prose = new StringBuilder();
        var escaped = new HashSet<int>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (visible.Length > 0)
            {
                visible.Append('\n');
                prose.Append('\n');
            }

            if (block.Inline is null)
            {
                var lines = block.Lines.ToString();
                visible.Append(lines);
                prose.Append(lines);
                continue;
            }

            text.Walk(block.Inline, visible, prose, escaped);
        }

        var proseChars = prose.ToString().ToCharArray();

        // Footnote marks are literal text to the platform's pipeline (it has no footnote
        // extension, and the definitions are not in the block anyway): read them from the
        // literal text, so that one in code or an escaped "\[^1]" does not count.
        foreach (Match match in FootnoteMark().Matches(prose.ToString()))
        {
            if (Enumerable.Range(match.Index, match.Length).Any(escaped.Contains))
            {
                continue;
            }

            text.Footnotes.Add(match.Groups[1].Value);
            Array.Fill(proseChars, NotProse, match.Index, match.Length);
        }

        // Without the autolink extension a bare address is literal text; it is no prose either.
        foreach (Match match in BareUrl().Matches(new string(proseChars)))
        {
            var length = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '»', '"', '\'').Length;
            Array.Fill(proseChars, NotProse, match.Index, length);
        }

        text.Visible = visible.ToString();
        text.Prose = new string(proseChars);
        return text;
    }

    private void Walk(Inline inline, StringBuilder visible, StringBuilder prose, HashSet<int> escaped)
    {
        switch (inline)
        {
            case LiteralInline literal:
                if (literal.IsFirstCharacterEscaped)
                {
                    escaped.Add(visible.Length);
                }

                visible.Append(literal.Content.AsSpan());
                prose.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                CodeSpans.Add(code.Content);
                visible.Append(code.Content);
                prose.Append(NotProse, code.Content.Length);
                break;
            case AutolinkInline autolink:
                LinkUrls.Add(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                visible.Append(autolink.Url);
                prose.Append(NotProse, autolink.Url.Length);
                break;
            case HtmlEntityInline entity:
                visible.Append(entity.Transcoded.AsSpan());
                prose.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                visible.Append('\n');
                prose.Append('\n');
                break;
            case ContainerInline container:
                if (container is LinkInline link)
                {
                    (link.IsImage ? ImageUrls : LinkUrls).Add(link.Url ?? "");
                }
                else if (container is EmphasisInline emphasis)
                {
                    (emphasis.DelimiterCount >= 2 ? Bold : Italic).Add(PlainText.Of(emphasis));
                }

                foreach (var child in container)
                {
                    Walk(child, visible, prose, escaped);
                }

                break;
        }
    }

    [GeneratedRegex(@"\[\^([^\[\]\s]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.|\bmailto:)[^\s<>\uFFFC]+", RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();
}
