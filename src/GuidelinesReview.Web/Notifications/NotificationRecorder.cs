using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Core.Notifications;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Notifications;

/// <summary>
/// Adds notification rows to the caller's unit of work, beside the event that causes them, so the
/// event's own SaveChanges records both or neither: an event is never lost nor told twice. Only
/// people with a confirmed (or invitation-given) address who have not chosen "never" get one.
/// </summary>
public sealed class NotificationRecorder(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A reply to someone else's comment, for that comment's author.</summary>
    public async Task ReplyAsync(Comment parent, Comment reply, CancellationToken ct)
    {
        if (parent.AuthorId == reply.AuthorId || !await MayHearAsync(parent.AuthorId, ct))
        {
            return;
        }

        var replier = await db.Users.Where(u => u.Id == reply.AuthorId).Select(u => u.DisplayName).SingleAsync(ct);
        await AddAboutCommentAsync(parent, NotificationKind.Reply, reply.Body, replier, null, ct);
    }

    /// <summary>A decision recorded or changed on a comment, for its author, with the observation as written.</summary>
    public async Task DecisionAsync(Comment comment, Disposition disposition, CancellationToken ct)
    {
        if (await MayHearAsync(comment.AuthorId, ct))
        {
            await AddAboutCommentAsync(comment, NotificationKind.Decision, disposition.Observation, "the secretariat", CommentNames.Of(disposition.Decision), ct);
        }
    }

    /// <summary>Segments offered for review (one saved, or several imported), for the reviewers of their language other than the one who offered them.</summary>
    public async Task TranslationToReviewAsync(int versionId, string language, string submitterId, int segments, CancellationToken ct)
    {
        var reviewers = await Eligible(db.TranslatorLanguages.Where(l => l.Language == language && l.Reviews && l.UserId != submitterId).Select(l => l.UserId))
            .ToListAsync(ct);
        if (reviewers.Count == 0)
        {
            return;
        }

        var version = await VersionPathAsync(versionId, ct);
        foreach (var reviewer in reviewers.SelectMany(r => Enumerable.Repeat(r, segments)))
        {
            Add(reviewer, NotificationKind.TranslationToReview, versionId, $"{version}/translate/{language}", Languages.Of(language).EnglishName, "");
        }
    }

    /// <summary>A window opening or closing, for everyone in its audience who may comment.</summary>
    public async Task WindowAsync(ConsultationWindow window, bool opened, CancellationToken ct)
    {
        var groups = window.Audience == ConsultationAudience.StakeholderGroups ? window.Groups.Select(g => g.Group).ToList() : null;
        // Public participants hear only of windows open to the public: a members-only consultation is not theirs to know of.
        var roles = window.IsPublic ? WriterRoles : MemberWriterRoles;
        var writers = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
        if (groups is not null)
        {
            writers = writers.Where(u => groups.Contains(u.StakeholderGroup));
        }

        var recipients = await Eligible(writers.Select(u => u.Id)).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return;
        }

        var version = await VersionPathAsync(window.VersionId, ct);
        var audience = groups is null ? "everyone who comments" : ConsultationRules.AudienceName(groups);
        var text = opened
            ? $"Open to {audience} until {ConsultationRules.Describe(window.ClosesAt)}."
            : $"Closed on {ConsultationRules.Describe(window.ClosesAt)}. The draft stays readable.";
        foreach (var recipient in recipients)
        {
            Add(recipient, opened ? NotificationKind.ConsultationOpened : NotificationKind.ConsultationClosed, window.VersionId, version, window.Title, text);
        }
    }

    private static readonly string[] WriterRoles = Roles.All.Where(r => CommentRules.CanWrite([r])).ToArray();

    private static readonly string[] MemberWriterRoles = WriterRoles.Where(r => r != Roles.Public).ToArray();

    private async Task AddAboutCommentAsync(Comment comment, NotificationKind kind, string text, string actor, string? decision, CancellationToken ct)
    {
        var version = await VersionPathAsync(comment.VersionId, ct);
        var anchor = await db.Blocks.Where(b => b.Id == comment.BlockId).Select(b => b.Anchor).SingleAsync(ct);
        var row = Add(comment.AuthorId, kind, comment.VersionId, $"{version}#{anchor}", DigestComposer.Excerpt(comment.Body), text);
        (row.Actor, row.Decision, row.CommentId) = (actor, decision, comment.Id);
    }

    private Notification Add(string recipientId, NotificationKind kind, int versionId, string link, string about, string text)
    {
        var row = new Notification { RecipientId = recipientId, Kind = kind, VersionId = versionId, Link = link, About = about, Text = text, RecordedAt = Now };
        db.Notifications.Add(row);
        return row;
    }

    private Task<bool> MayHearAsync(string userId, CancellationToken ct) =>
        Eligible(db.Users.Where(u => u.Id == userId).Select(u => u.Id)).AnyAsync(ct);

    /// <summary>Those of the people who have a confirmed address, are not suspended and have not chosen "never".</summary>
    private IQueryable<string> Eligible(IQueryable<string> userIds) =>
        db.Users.Where(u => userIds.Contains(u.Id) && u.EmailConfirmed
                && !db.PublicRegistrations.Any(r => r.UserId == u.Id && r.SuspendedAt != null)
                && !db.NotificationSettings.Any(s => s.UserId == u.Id && s.Frequency == NotificationFrequency.Never))
            .Select(u => u.Id);

    /// <summary>The draft page's path, which every link of a notification starts from.</summary>
    private async Task<string> VersionPathAsync(int versionId, CancellationToken ct)
    {
        var v = await db.DraftVersions.Where(v => v.Id == versionId).Select(v => new { v.Guideline.Slug, v.Number }).SingleAsync(ct);
        return $"/guidelines/{v.Slug}/v/{v.Number}";
    }
}
