using System.Net;
using System.Text;
using GuidelinesReview.Core.Diff;
using Microsoft.AspNetCore.Html;

namespace GuidelinesReview.Web.Pages.Guidelines;

public enum DiffSide
{
    /// <summary>Inline: deletions and insertions together.</summary>
    Both,
    Old,
    New,
}

/// <summary>
/// A block's text with its word-level changes as HTML. Deleted and inserted words are wrapped
/// in <c>del</c>/<c>ins</c> with a hidden "[deleted: …]"/"[inserted: …]" for screen readers, so
/// the change is not told by colour alone. Written without any white space between the pieces:
/// the words' own spaces are part of the text, except where a deletion meets the insertion that
/// replaces it with no space of their own (inline view): a space keeps them two words to the eye and
/// to a screen reader ("<del>the</del> <ins>two</ins>", never "thetwo").
/// </summary>
public static class DiffText
{
    public static HtmlString Render(BlockPair pair, DiffSide side)
    {
        var html = new StringBuilder();
        string? deletedJustBefore = null;
        void Text(string text)
        {
            html.Append(WebUtility.HtmlEncode(text));
            deletedJustBefore = null;
        }

        void Mark(string tag, string label, string text, bool whole = false)
        {
            if (tag == "ins" && deletedJustBefore is { Length: > 0 } deleted && !char.IsWhiteSpace(deleted[^1]) && text.Length > 0 && !char.IsWhiteSpace(text[0]))
            {
                html.Append("<span class=\"diff-gap\"> </span>");
            }

            Append(tag, label, text, whole);
            deletedJustBefore = tag == "del" ? text : null;
        }

        void Append(string tag, string label, string text, bool whole) => html
            .Append('<').Append(tag).Append(whole ? " class=\"whole\">" : ">")
            .Append("<span class=\"visually-hidden\">[").Append(label).Append(": </span>")
            .Append(WebUtility.HtmlEncode(text))
            .Append("<span class=\"visually-hidden\">]</span></").Append(tag).Append('>');

        if (pair.Words is { } words)
        {
            foreach (var w in words)
            {
                if (w.Op == WordOp.Equal)
                {
                    Text(w.Text);
                }
                else if (w.Op == WordOp.Deleted && side != DiffSide.New)
                {
                    Mark("del", "deleted", w.Text);
                }
                else if (w.Op == WordOp.Inserted && side != DiffSide.Old)
                {
                    Mark("ins", "inserted", w.Text);
                }
            }
        }
        else if (pair is { Old: not null, New: not null } && pair.Old.Text != pair.New.Text)
        {
            // Too long to compare word by word: the whole text out and in.
            if (side != DiffSide.New)
            {
                Mark("del", "deleted", pair.Old.Text, whole: true);
            }

            if (side != DiffSide.Old)
            {
                Mark("ins", "inserted", pair.New.Text, whole: true);
            }
        }
        else if (pair.Change == BlockChange.Added)
        {
            if (side != DiffSide.Old)
            {
                Mark("ins", "inserted", pair.New!.Text, whole: true);
            }
        }
        else if (pair.Change == BlockChange.Deleted)
        {
            if (side != DiffSide.New)
            {
                Mark("del", "deleted", pair.Old!.Text, whole: true);
            }
        }
        else
        {
            Text((side == DiffSide.Old ? pair.Old : pair.New ?? pair.Old)!.Text);
        }

        return new HtmlString(html.ToString());
    }
}
