using System.Text;

namespace GuidelinesReview.Core.Meetings;

/// <summary>A takeaway in the summary; <paramref name="Place"/> names its paragraph in words (shown instead of the anchor when known).</summary>
public sealed record SummaryTakeaway(string Text, TakeawayKind Kind, bool ForPlenary, int Ordinal, int Supports, string? Anchor, string? Place = null)
{
    /// <summary>Where in the draft, as a reader reads it: the place's words, else the anchor, else nothing.</summary>
    public string? Where => Place ?? Anchor;
}

public sealed record SummaryRoom(string Session, string Title, string? Moderator, string? NoteTaker, IReadOnlyList<string> Covers, string NotesLink, IReadOnlyList<SummaryTakeaway> Takeaways)
{
    /// <summary>For-plenary takeaways first, then the room's own order.</summary>
    public IEnumerable<SummaryTakeaway> Ordered => Takeaways.OrderByDescending(t => t.ForPlenary).ThenBy(t => t.Ordinal);
}

/// <summary>The plenary summary of a meeting: each room's takeaways, as the secretariat reports them back.</summary>
public static class PlenarySummary
{
    public static string ToMarkdown(string meetingTitle, IReadOnlyList<SummaryRoom> rooms)
    {
        var md = new StringBuilder();
        md.Append("# Plenary summary: ").Append(Escape(meetingTitle)).Append("\n\n");
        foreach (var session in rooms.GroupBy(r => r.Session))
        {
            md.Append("## ").Append(Escape(session.Key)).Append("\n\n");
            foreach (var room in session)
            {
                md.Append("### ").Append(Escape(room.Title)).Append("\n\n");
                md.Append("Moderator: ").Append(Escape(room.Moderator ?? "—")).Append(" · Note-taker: ").Append(Escape(room.NoteTaker ?? "—")).Append("  \n");
                if (room.Covers.Count > 0)
                {
                    md.Append("Covers: ").Append(Escape(string.Join(", ", room.Covers))).Append("  \n");
                }

                md.Append("Notes: ").Append(room.NotesLink).Append("\n\n");
                if (room.Takeaways.Count == 0)
                {
                    md.Append("No takeaways recorded.\n\n");
                    continue;
                }

                foreach (var t in room.Ordered)
                {
                    md.Append("- ").Append(t.ForPlenary ? "**For plenary.** " : "").Append('*').Append(MeetingNames.Of(t.Kind)).Append(":* ")
                        .Append(Escape(t.Text))
                        .Append(t.Where is null ? "" : $" ({Escape(t.Where)})")
                        .Append(t.Supports > 0 ? $" — supported by {t.Supports}" : "")
                        .Append('\n');
                }

                md.Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>Markdown's inline syntax: emphasis, links and images, autolinks and raw HTML, code.</summary>
    private const string Syntax = "\\*_[]<>`~";

    /// <summary>
    /// Keeps text someone typed from being read as Markdown: no emphasis, and above all no live link
    /// (<c>[x](javascript:…)</c>, <c>&lt;javascript:…&gt;</c>) or HTML in the exported file; one line.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Syntax.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
