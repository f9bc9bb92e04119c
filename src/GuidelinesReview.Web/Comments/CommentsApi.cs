using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Comments;

/// <summary>
/// The JSON API over the same <see cref="CommentService"/> as the hub, for integrations and
/// clients that cannot hold a WebSocket. Documented in the README ("Integrations").
/// </summary>
public static class CommentsApi
{
    public sealed record HideInput(string? Reason);

    public sealed record CommentList(long Seq, IReadOnlyList<CommentView> Comments);

    public static void MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<ApiRefusalFilter>();

        api.MapGet("/versions/{versionId:int}/comments", async (int versionId, long? since, HttpContext http, CommentViews views, AppDbContext db, ReadAccess access, CancellationToken ct) =>
        {
            // A version a public participant may not read does not exist for them.
            if (!await db.DraftVersions.AnyAsync(v => v.Id == versionId, ct) || !await access.CanReadVersionAsync(http.User, versionId, ct))
            {
                throw RefusedException.NotFound($"Draft version {versionId} does not exist.");
            }

            var caller = Caller.From(http.User);
            var seq = await views.LatestSeqAsync(versionId, ct);
            return Results.Ok(new CommentList(seq, await views.ForVersionAsync(versionId, Math.Max(0, since ?? 0), caller.CanModerate, ct)));
        });

        api.MapPost("/versions/{versionId:int}/comments", async (int versionId, [FromBody] PostCommentInput input, HttpContext http, CommentService comments, CancellationToken ct) =>
        {
            var caller = Caller.From(http.User);
            var (comment, created) = await comments.PostAsync(caller, input with { VersionId = versionId }, ct);
            return created ? Results.Created($"/api/comments/{comment.Id}", comment) : Results.Ok(comment);
        });

        api.MapPut("/comments/{id:int}", async (int id, [FromBody] EditCommentInput input, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.EditAsync(Caller.From(http.User), input with { CommentId = id }, ct)));

        api.MapPost("/comments/{id:int}/withdraw", async (int id, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.WithdrawAsync(Caller.From(http.User), id, ct)));

        api.MapPut("/comments/{id:int}/support", async (int id, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.SetSupportAsync(Caller.From(http.User), id, support: true, ct)));

        api.MapDelete("/comments/{id:int}/support", async (int id, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.SetSupportAsync(Caller.From(http.User), id, support: false, ct)));

        api.MapPost("/comments/{id:int}/hide", async (int id, [FromBody] HideInput input, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.HideAsync(Caller.From(http.User), id, input.Reason, ct)));

        api.MapPost("/comments/{id:int}/unhide", async (int id, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.UnhideAsync(Caller.From(http.User), id, ct)));

        api.MapPut("/comments/{id:int}/disposition", async (int id, [FromBody] DispositionInput input, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.SetDispositionAsync(Caller.From(http.User), input with { CommentId = id }, ct)));

        api.MapDelete("/comments/{id:int}/disposition", async (int id, long? expected, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.ResetDispositionAsync(Caller.From(http.User), new ResetDispositionInput(id, expected), ct)));

        api.MapPut("/comments/{id:int}/tags", async (int id, [FromBody] RetagInput input, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.RetagAsync(Caller.From(http.User), input with { CommentId = id }, ct)));

        api.MapGet("/comments/{id:int}/history", async (int id, HttpContext http, CommentService comments, CancellationToken ct) =>
            Results.Ok(await comments.HistoryAsync(Caller.From(http.User), id, ct)));
    }
}
