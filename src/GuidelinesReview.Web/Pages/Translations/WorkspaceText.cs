using System.Net;
using System.Text;
using GuidelinesReview.Core.Diff;
using GuidelinesReview.Core.Translations;
using Microsoft.AspNetCore.Html;

namespace GuidelinesReview.Web.Pages.Translations;

/// <summary>
/// The workspace's source texts as HTML: the segment's Markdown shown as written (translators keep
/// its marks, link addresses and code), with glossary terms in <c>mark</c>, and the word diff of an
/// outdated segment's English. Scripts/translate/render.js draws the same markup on live updates.
/// </summary>
public static class WorkspaceText
{
    /// <summary>The tooltip of a glossary term: its agreed rendering, the forbidden ones and the note.</summary>
    public static string Tooltip(GlossaryEntry entry, string language)
    {
        var text = new StringBuilder(entry.Term);
        if (Rendering(entry, language) is { } rendering)
        {
            text.Append(" → ").Append(rendering.Preferred.Length == 0 ? "(no agreed rendering yet)" : rendering.Preferred);
            if (rendering.Forbidden.Count > 0)
            {
                text.Append(" (not: ").AppendJoin(", ", rendering.Forbidden).Append(')');
            }
        }

        if (entry.Note.Length > 0)
        {
            text.Append(". ").Append(entry.Note);
        }

        return text.ToString();
    }

    public static GlossaryRendering? Rendering(GlossaryEntry entry, string language) =>
        entry.Renderings.TryGetValue(language, out var exact) ? exact
        : entry.Renderings.TryGetValue(language.Split('-')[0], out var primary) ? primary
        : null;

    /// <summary>The source with each glossary hit in a <c>mark</c> whose title names the agreed rendering.</summary>
    public static HtmlString Source(string source, IReadOnlyList<GlossaryHit> hits, string language)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var hit in hits.OrderBy(h => h.Start))
        {
            if (hit.Start < at || hit.Start + hit.Length > source.Length)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(source[at..hit.Start]))
                .Append("<mark class=\"gl-term\" title=\"").Append(WebUtility.HtmlEncode(Tooltip(hit.Entry, language))).Append("\">")
                .Append(WebUtility.HtmlEncode(source.Substring(hit.Start, hit.Length)))
                .Append("</mark>");
            at = hit.Start + hit.Length;
        }

        html.Append(WebUtility.HtmlEncode(source[at..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>The glossary entries of a segment, each once, in the order they first occur.</summary>
    public static IReadOnlyList<GlossaryEntry> Terms(IReadOnlyList<GlossaryHit> hits) =>
        hits.OrderBy(h => h.Start).Select(h => h.Entry).Distinct().ToList();

    /// <summary>
    /// The English of an outdated segment: deleted words in <c>del</c>, inserted ones in <c>ins</c>,
    /// each with a hidden "[deleted: …]" / "[inserted: …]" so the change is not told by colour alone.
    /// </summary>
    public static HtmlString Diff(IReadOnlyList<WordChange> changes)
    {
        var html = new StringBuilder();
        foreach (var change in changes)
        {
            var text = WebUtility.HtmlEncode(change.Text);
            switch (change.Op)
            {
                case WordOp.Deleted:
                    html.Append("<del><span class=\"visually-hidden\">[deleted: </span>").Append(text).Append("<span class=\"visually-hidden\">]</span></del>");
                    break;
                case WordOp.Inserted:
                    html.Append("<ins><span class=\"visually-hidden\">[inserted: </span>").Append(text).Append("<span class=\"visually-hidden\">]</span></ins>");
                    break;
                default:
                    html.Append(text);
                    break;
            }
        }

        return new HtmlString(html.ToString());
    }
}
