using System.Globalization;
using System.Net;
using System.Text;

namespace GuidelinesReview.Core.Notifications;

/// <summary>
/// One thing that happened, as recorded for one person: what the digest says about it. Texts are
/// as their authors wrote them (plain text; the composer escapes them for HTML).
/// </summary>
/// <param name="Id">The notification's id: later ids happened later.</param>
/// <param name="Link">The page it is about, as a path from the app's address (e.g. "/guidelines/x/v/3#s2-p1").</param>
/// <param name="About">What it concerns: the excerpt of the person's comment, the window's title or the language's name.</param>
/// <param name="Text">The reply, the secretariat's observation, or the window's times.</param>
/// <param name="Actor">Who replied or decided.</param>
/// <param name="Decision">The decision's name, for a decision.</param>
/// <param name="CommentId">The comment it is about, so that a decision changed twice is told once.</param>
public sealed record DigestEvent(
    long Id,
    NotificationKind Kind,
    DateTime At,
    string Guideline,
    int VersionNumber,
    string Link,
    string About,
    string Text,
    string? Actor = null,
    string? Decision = null,
    int? CommentId = null);

/// <summary>The person a digest is for, and the absolute links every digest ends with.</summary>
public sealed record DigestRecipient(string Name, NotificationFrequency Frequency, int DailyHourUtc, string BaseUrl, string ProfileUrl, string UnsubscribeUrl);

/// <summary>A digest mail: subject, plain-text part and HTML part.</summary>
public sealed record Digest(string Subject, string Text, string Html);

/// <summary>Turns one person's notifications into one mail, grouped by guideline and version.</summary>
public static class DigestComposer
{
    public const string SubjectPrefix = "[Guidelines review] ";

    /// <summary>The digest, or null when nothing is left to tell.</summary>
    public static Digest? Compose(DigestRecipient recipient, IEnumerable<DigestEvent> events)
    {
        var told = Tellable(events);
        if (told.Count == 0)
        {
            return null;
        }

        var groups = told
            .GroupBy(e => (e.Guideline, e.VersionNumber))
            .OrderBy(g => g.Key.Guideline, StringComparer.Ordinal).ThenBy(g => g.Key.VersionNumber)
            .ToList();

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {recipient.Name},\n\n{Intro(recipient.Frequency)}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Hello {Encode(recipient.Name)},</p>\n<p>{Encode(Intro(recipient.Frequency))}</p>\n");
        foreach (var group in groups)
        {
            var heading = $"{group.Key.Guideline}, v{group.Key.VersionNumber}";
            text.Append(CultureInfo.InvariantCulture, $"\n== {heading} ==\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(heading)}</h2>\n<ul>\n");
            foreach (var item in group.OrderBy(e => Order(e.Kind)).ThenBy(e => e.Id))
            {
                var url = recipient.BaseUrl.TrimEnd('/') + item.Link;
                var (line, detail) = Describe(item);
                text.Append(CultureInfo.InvariantCulture, $"\n* {line}\n");
                if (detail.Length > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {detail.ReplaceLineEndings("\n  ")}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"  {url}\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><p><a href=\"{Encode(url)}\">{Encode(line)}</a></p>");
                if (detail.Length > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<blockquote>{Encode(detail).ReplaceLineEndings("<br>")}</blockquote>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        var footer = Footer(recipient);
        text.Append(CultureInfo.InvariantCulture, $"\n-- \n{footer}\nChange how often you hear from us: {recipient.ProfileUrl}\nStop these mails: {recipient.UnsubscribeUrl}\n");
        html.Append(CultureInfo.InvariantCulture, $"<hr>\n<p>{Encode(footer)} <a href=\"{Encode(recipient.ProfileUrl)}\">Change how often you hear from us</a> · <a href=\"{Encode(recipient.UnsubscribeUrl)}\">Stop these mails</a></p>\n");
        return new Digest(Subject(told, groups.Select(g => g.Key.Guideline).Distinct().ToList()), text.ToString(), html.ToString());
    }

    /// <summary>
    /// What is worth telling: a decision changed before the digest went out is told once, as it
    /// stands now; translations waiting for review are told once per version and language.
    /// </summary>
    private static List<DigestEvent> Tellable(IEnumerable<DigestEvent> events)
    {
        var all = events.OrderBy(e => e.Id).ToList();
        var latestDecision = all.Where(e => e.Kind == NotificationKind.Decision && e.CommentId is not null)
            .GroupBy(e => e.CommentId).ToDictionary(g => g.Key!.Value, g => g.Last().Id);
        var translations = all.Where(e => e.Kind == NotificationKind.TranslationToReview)
            .GroupBy(e => (e.Guideline, e.VersionNumber, e.About))
            .Select(g => g.First() with { Text = Segments(g.Count()) });
        return all
            .Where(e => e.Kind is not NotificationKind.TranslationToReview)
            .Where(e => e.Kind != NotificationKind.Decision || e.CommentId is null || latestDecision[e.CommentId.Value] == e.Id)
            .Concat(translations)
            .ToList();
    }

    /// <summary>The start of a text as a one-line quote for a mail: white space collapsed, cut at a word near <paramref name="max"/> characters.</summary>
    public static string Excerpt(string text, int max = 80)
    {
        var collapsed = Markdown.PlainText.Collapse(text);
        if (collapsed.Length <= max)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', max);
        return collapsed[..(cut > max / 2 ? cut : max)] + "…";
    }

    private static string Segments(int count) =>
        count == 1 ? "1 segment is waiting for review." : $"{count} segments are waiting for review.";

    private static (string Line, string Detail) Describe(DigestEvent e) => e.Kind switch
    {
        NotificationKind.Reply => ($"{e.Actor} replied to your comment “{e.About}”", e.Text),
        NotificationKind.Decision => ($"Decision on your comment “{e.About}”: {e.Decision}", e.Text.Length == 0 ? "" : $"The secretariat's observation: {e.Text}"),
        NotificationKind.ConsultationOpened => ($"Consultation open: {e.About}", e.Text),
        NotificationKind.ConsultationClosed => ($"Consultation closed: {e.About}", e.Text),
        _ => ($"Translation to review in {e.About}", e.Text),
    };

    private static int Order(NotificationKind kind) => kind switch
    {
        NotificationKind.ConsultationOpened or NotificationKind.ConsultationClosed => 0,
        NotificationKind.Decision => 1,
        NotificationKind.Reply => 2,
        _ => 3,
    };

    private static string Subject(IReadOnlyList<DigestEvent> told, IReadOnlyList<string> guidelines)
    {
        var parts = new List<string>();
        Count(told.Count(e => e.Kind == NotificationKind.Reply), "reply", "replies");
        Count(told.Count(e => e.Kind == NotificationKind.Decision), "decision", "decisions");
        Count(told.Count(e => e.Kind == NotificationKind.ConsultationOpened), "consultation opened", "consultations opened");
        Count(told.Count(e => e.Kind == NotificationKind.ConsultationClosed), "consultation closed", "consultations closed");
        Count(told.Count(e => e.Kind == NotificationKind.TranslationToReview), "translation to review", "translations to review");
        var what = string.Join(", ", parts);
        return SubjectPrefix + (guidelines.Count == 1 ? $"{what} on {guidelines[0]}" : what);

        void Count(int n, string one, string many)
        {
            if (n > 0)
            {
                parts.Add(n == 1 ? $"1 {one}" : $"{n} {many}");
            }
        }
    }

    private static string Intro(NotificationFrequency frequency) => frequency == NotificationFrequency.Daily
        ? "Here is what happened since yesterday's mail on what you follow."
        : "Here is what just happened on what you follow.";

    private static string Footer(DigestRecipient recipient) => recipient.Frequency == NotificationFrequency.Daily
        ? $"You get this mail once a day at {recipient.DailyHourUtc:00}:00 UTC when there is news for you."
        : "You get this mail shortly after something happens on what you follow.";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
