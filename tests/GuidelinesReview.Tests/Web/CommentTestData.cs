using GuidelinesReview.Core.Comments;
using GuidelinesReview.Web.Comments;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>Shared inputs for the comment tests: the consultation draft and a passage in it.</summary>
public static class CommentTestData
{
    public const string Anchor = "s2.1-p1";

    public static async Task<(int VersionId, string BlockText)> ConsultationDraftAsync(AppFactory app) =>
        await app.DbAsync(async db =>
        {
            var version = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            var text = await db.Blocks.Where(b => b.VersionId == version.Id && b.Anchor == Anchor).Select(b => b.Text).SingleAsync();
            return (version.Id, text);
        });

    public static PostCommentInput Post(int versionId, string body = "This definition should mention residents' rights.", string anchor = Anchor,
        QuoteInput? quote = null, int? parentId = null, string? proposed = null, CommentType type = CommentType.Technical) =>
        new(Guid.NewGuid(), versionId, anchor, type, body, proposed, quote, parentId);

    /// <summary>A quote of the words at <paramref name="start"/>..+<paramref name="length"/> of the block, with context.</summary>
    public static QuoteInput QuoteOf(string blockText, int start, int length) =>
        new(blockText.Substring(start, length), blockText[Math.Max(0, start - 32)..start], blockText.Substring(start + length, Math.Min(32, blockText.Length - start - length)), start);
}
