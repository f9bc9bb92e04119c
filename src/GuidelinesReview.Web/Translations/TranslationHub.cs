using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Translations;

/// <summary>
/// The translation workspace live, at <c>/hubs/translate</c>. Joining checks the caller's
/// languages on the server; only then is the connection added to the version × language group.
/// </summary>
[Authorize]
public sealed class TranslationHub(TranslationService translations, TranslationAccess access, TranslationPresence presence, AppDbContext db, IHubContext<TranslationHub, ITranslationClient> hub) : Hub<ITranslationClient>
{
    private Caller Caller => Caller.From(Context.User!);

    public async Task<WorkspaceJoined> JoinWorkspace(int versionId, string language)
    {
        var caller = Caller;
        var target = await access.OpenAsync(caller, versionId, language ?? "", Context.ConnectionAborted);
        var place = presence.PlaceOf(versionId, target.Language.Code);
        if (presence.PlaceOf(Context.ConnectionId) is { } previous && previous != place)
        {
            foreach (var group in presence.GroupsOf(previous))
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            }

            presence.Leave(Context.ConnectionId);
            await SendPresenceAsync(previous);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, TranslationGroups.Of(versionId, target.Language.Code));
        var name = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.DisplayName).SingleAsync(Context.ConnectionAborted);
        var role = target.Rights.CanReview ? "Reviewer" : target.Rights.CanTranslate ? "Translator" : "Secretariat";
        presence.Join(Context.ConnectionId, place, new PresenceView(caller.UserId, name, role));
        await SendPresenceAsync(place);
        return new WorkspaceJoined(target.Rights, presence.People(place));
    }

    public Task<TranslationSaveResult> SaveTranslation(int versionId, string language, string segmentId, string text, int baseRevision, bool submit) =>
        translations.SaveAsync(Caller, versionId, language ?? "", segmentId ?? "", text ?? "", baseRevision, submit, Context.ConnectionAborted);

    public Task<TranslationView> Approve(int versionId, string language, string segmentId, int revision, string? waiverReason) =>
        translations.ApproveAsync(Caller, versionId, language ?? "", segmentId ?? "", revision, waiverReason, Context.ConnectionAborted);

    public Task<TranslationView> Reject(int versionId, string language, string segmentId, int revision, string reason) =>
        translations.RejectAsync(Caller, versionId, language ?? "", segmentId ?? "", revision, reason ?? "", Context.ConnectionAborted);

    public Task<TranslationCommentView> Comment(int versionId, string language, string segmentId, string body) =>
        translations.CommentAsync(Caller, versionId, language ?? "", segmentId ?? "", body ?? "", Context.ConnectionAborted);

    public Task<IReadOnlyList<TranslationEventView>> History(int versionId, string language, string segmentId) =>
        translations.HistoryAsync(Caller, versionId, language ?? "", segmentId ?? "", Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Leave(Context.ConnectionId) is { } place)
        {
            await SendPresenceAsync(place);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task SendPresenceAsync(int place)
    {
        foreach (var group in presence.GroupsOf(place))
        {
            var parts = group.Split(':');
            await hub.Clients.Group(group).PresenceChanged(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2], presence.People(place));
        }
    }
}
