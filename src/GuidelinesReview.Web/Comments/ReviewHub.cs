using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// The live side of a draft page, at <c>/hubs/review</c>. A connection views one version at a
/// time; everything it may write goes through <see cref="CommentService"/>, which checks roles
/// and input and answers a refusal with a specific message (see <see cref="HubCallFilter"/>).
/// </summary>
[Authorize]
public sealed class ReviewHub(
    AppDbContext db,
    CommentService comments,
    CommentViews views,
    VersionPresence presence,
    CommentSnapshots snapshots,
    PresenceNotifier presenceNotifier,
    Consultations.ConsultationService consultations,
    Consultations.ReadAccess access) : Hub<IReviewClient>
{
    private Caller Caller => Caller.From(Context.User!);

    /// <summary>Starts (or resumes, with <paramref name="since"/> = the last seq seen) viewing a version.</summary>
    public async Task<JoinResult> JoinVersion(int versionId, long since)
    {
        var caller = Caller;
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, Context.ConnectionAborted);
        if (version is null || !await access.CanReadVersionAsync(Context.User!, versionId, Context.ConnectionAborted))
        {
            throw RefusedException.NotFound($"Draft version {versionId} does not exist.");
        }

        if (presence.PlaceOf(Context.ConnectionId) is { } previous && previous != versionId)
        {
            await LeaveAsync(previous, caller);
        }

        // Join before reading, so nothing committed in between is missed (duplicates are fine: clients keep the highest seq).
        await Groups.AddToGroupAsync(Context.ConnectionId, ReviewGroups.Version(versionId, caller.CanModerate));
        var seq = await views.LatestSeqAsync(versionId, Context.ConnectionAborted);
        var changed = since > 0
            ? await views.ForVersionAsync(versionId, since, caller.CanModerate, Context.ConnectionAborted)
            : await snapshots.AllAsync(versionId, seq, caller.CanModerate,
                () => views.ForVersionAsync(versionId, 0, moderator: true, Context.ConnectionAborted));
        var carried = await views.CarriedIntoAsync(versionId, caller.CanModerate, Context.ConnectionAborted);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.DisplayName).SingleAsync(Context.ConnectionAborted);
        var consultation = await consultations.StateAsync(caller, versionId, version.Number, Context.ConnectionAborted);
        var superseded = await consultations.SupersessionAsync(versionId, Context.ConnectionAborted);
        presence.Join(Context.ConnectionId, versionId, new PresenceView(caller.UserId, user, MainRole(caller)));
        presenceNotifier.Changed(versionId);
        return new JoinResult(
            versionId,
            seq,
            changed,
            carried,
            presence.People(versionId),
            caller.CanWrite && version.Status != Core.Content.DraftStatus.Final,
            caller.CanModerate,
            CommentRules.CheckVersionOpen(version.Status, version.Number) ?? (caller.CanWrite ? null : "Your role can read drafts but not comment on them."),
            ConsultationViewOf(consultation, Supersession.Check(superseded), consultations.Now),
            superseded is null ? null : new SupersededView(superseded.Newest.Number, superseded.Newest.Date, superseded.KeptOpen, Supersession.Check(superseded)?.Message));
    }

    /// <summary>
    /// The open/closed state the draft page shows and its forms obey: a superseded version not kept open
    /// says so (it is the first thing to fix: comment on the newer version), else the windows' state.
    /// </summary>
    private static ConsultationView? ConsultationViewOf(Consultations.ConsultationState? windows, Core.Consultations.ConsultationRefusal? superseded, DateTime now) =>
        superseded is not null ? new ConsultationView(superseded.Message, windows?.ChangesAt, windows?.Now ?? now)
        : windows is null ? null : new ConsultationView(windows.Refusal?.Message, windows.ChangesAt, windows.Now);

    public async Task<CommentView> PostComment(PostCommentInput input) => (await comments.PostAsync(Caller, input, Context.ConnectionAborted)).Comment;

    public Task<CommentView> EditComment(EditCommentInput input) => comments.EditAsync(Caller, input, Context.ConnectionAborted);

    public Task<CommentView> WithdrawComment(int commentId) => comments.WithdrawAsync(Caller, commentId, Context.ConnectionAborted);

    public Task<CommentView> SetSupport(int commentId, bool support) => comments.SetSupportAsync(Caller, commentId, support, Context.ConnectionAborted);

    public Task<CommentView> HideComment(int commentId, string reason) => comments.HideAsync(Caller, commentId, reason, Context.ConnectionAborted);

    public Task<CommentView> UnhideComment(int commentId) => comments.UnhideAsync(Caller, commentId, Context.ConnectionAborted);

    public Task<CommentView> SetDisposition(DispositionInput input) => comments.SetDispositionAsync(Caller, input, Context.ConnectionAborted);

    public Task<BulkDispositionResult> SetDispositions(BulkDispositionInput input) => comments.SetDispositionsAsync(Caller, input, Context.ConnectionAborted);

    public Task<CommentView> ResetDisposition(ResetDispositionInput input) => comments.ResetDispositionAsync(Caller, input, Context.ConnectionAborted);

    public Task<CommentView> RetagComment(RetagInput input) => comments.RetagAsync(Caller, input, Context.ConnectionAborted);

    public Task<CommentHistory> GetHistory(int commentId) => comments.HistoryAsync(Caller, commentId, Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Leave(Context.ConnectionId) is { } versionId)
        {
            presenceNotifier.Changed(versionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(int versionId, Caller caller)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ReviewGroups.Version(versionId, caller.CanModerate));
        presence.Leave(Context.ConnectionId);
        presenceNotifier.Changed(versionId);
    }

    private static string MainRole(Caller caller) =>
        Core.Accounts.Roles.All.FirstOrDefault(caller.Roles.Contains) is { } role ? Core.Accounts.Roles.DisplayName(role) : "";
}
