using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// The text a reader sees in a block, with white space collapsed: what quote selectors are
/// matched against and what content hashes are computed from.
/// </summary>
public static class PlainText
{
    public static string Of(MarkdownObject node)
    {
        var builder = new StringBuilder();
        Append(node, builder);
        return Collapse(builder.ToString());
    }

    /// <summary>Collapses runs of white space to one space and trims, as browsers do when showing text.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Append(MarkdownObject node, StringBuilder text)
    {
        switch (node)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Append(leaf.Inline, text);
                text.Append(' ');
                break;
            case LeafBlock leaf:
                text.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(child, text);
                    text.Append(' ');
                }

                break;
        }
    }
}
