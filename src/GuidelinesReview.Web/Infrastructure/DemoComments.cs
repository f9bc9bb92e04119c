using System.Security.Cryptography;
using System.Text;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Seeds <c>content/demo/comments.yml</c> in Development (<c>GuidelinesReview:SeedDemoComments</c>):
/// comments, replies, supports and decisions on the sample's earlier versions, at the times the file
/// gives, with their history events and their sections' tags; then each is carried forward to the
/// later versions as publishing would have done (<see cref="CarryForwardService.CarryLateAsync"/>).
/// Runs once: a comment already seeded (same client id) is left as it is.
/// </summary>
public sealed partial class DemoComments(
    AppDbContext db,
    CarryForwardService carryForward,
    IOptions<AppOptions> options,
    IHostEnvironment environment,
    ILogger<DemoComments> logger)
{
    public const string FileName = "comments.yml";

    public async Task SeedAsync(string contentPath, CancellationToken ct)
    {
        var path = Path.Combine(contentPath, "demo", FileName);
        if (!environment.IsDevelopment() || !options.Value.SeedDemoComments || !File.Exists(path))
        {
            return;
        }

        var file = DemoCommentsFile.Parse(await File.ReadAllTextAsync(path, ct), "demo/" + FileName);
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.Guideline.Slug == file.Guideline)
            .ToDictionaryAsync(v => v.Number, v => v.Id, ct);
        var first = file.Comments.FirstOrDefault();
        if (versions.Count == 0 || first is null || await db.Comments.AnyAsync(c => c.ClientId == ClientId(first, 0), ct))
        {
            return;
        }

        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var secretariat = users.GetValueOrDefault("secretariat@demo.local");
        if (secretariat is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seeded = new List<Comment>();
        foreach (var (demo, index) in file.Comments.Select((c, i) => (c, i)))
        {
            if (!versions.TryGetValue(demo.Version, out var versionId) || !users.TryGetValue(demo.Author, out var authorId))
            {
                LogSkipped(index + 1, demo.Version, demo.Author);
                continue;
            }

            var block = await BlockAsync(versionId, demo.Block, ct);
            if (block is null)
            {
                LogSkipped(index + 1, demo.Version, demo.Block);
                continue;
            }

            var comment = New(versionId, block.Id, authorId, ClientId(demo, 0), demo.Type, demo.Body, demo.At);
            comment.ProposedText = demo.Proposed;
            if (demo.Quote is { } quote && TextQuote.Locate(block.Text, quote, null, null, null) is { } found)
            {
                (comment.QuoteExact, comment.QuotePrefix, comment.QuoteSuffix, comment.QuoteStart, comment.QuoteEnd) = (found.Exact, found.Prefix, found.Suffix, found.Start, found.End);
            }

            comment.Tags.AddRange(await db.SectionTags.Where(t => t.SectionId == block.SectionId).Select(t => new CommentTag { TermId = t.TermId }).ToListAsync(ct));
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            Event(comment, CommentEventKind.Created, authorId, demo.At);

            foreach (var (reply, r) in demo.Replies.Select((x, r) => (x, r + 1)))
            {
                if (users.TryGetValue(reply.Author, out var replierId))
                {
                    var answer = New(versionId, block.Id, replierId, ClientId(demo, r), CommentType.General, reply.Body, reply.At);
                    answer.ParentId = comment.Id;
                    db.Comments.Add(answer);
                    await db.SaveChangesAsync(ct);
                    Event(answer, CommentEventKind.Created, replierId, reply.At);
                    Event(comment, CommentEventKind.Replied, replierId, reply.At);
                }
            }

            foreach (var (supporter, s) in demo.Supports.Select((x, s) => (x, s)))
            {
                if (users.TryGetValue(supporter, out var supporterId) && supporterId != authorId)
                {
                    var at = demo.At.AddHours(6 + (3 * s));
                    db.CommentSupports.Add(new CommentSupport { CommentId = comment.Id, UserId = supporterId, CreatedAt = at });
                    Event(comment, CommentEventKind.Supported, supporterId, at);
                }
            }

            if (demo.Decision is { } decision)
            {
                var addressedId = decision.AddressedIn is { } n ? versions.GetValueOrDefault(n) : (int?)null;
                var addressedBlock = addressedId is { } a && decision.AddressedBlock is { } words ? await BlockAsync(a, words, ct) : null;
                db.Dispositions.Add(new Disposition
                {
                    CommentId = comment.Id,
                    Decision = decision.Decision,
                    Observation = decision.Observation,
                    AddressedVersionId = addressedId is 0 ? null : addressedId,
                    AddressedAnchor = addressedBlock?.Anchor,
                    DecidedById = secretariat,
                    DecidedAt = decision.At,
                });
                Event(comment, CommentEventKind.Disposed, secretariat, decision.At, CommentNames.Of(decision.Decision));
            }

            await db.SaveChangesAsync(ct);
            seeded.Add(comment);
        }

        // As if each later version had been published after these comments: the same placements, version by version.
        foreach (var comment in seeded)
        {
            await carryForward.CarryLateAsync(comment, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogSeeded(seeded.Count, file.Guideline);
    }

    private Task<Block?> BlockAsync(int versionId, string firstWords, CancellationToken ct) =>
        db.Blocks.Where(b => b.VersionId == versionId && b.Text.StartsWith(firstWords)).OrderBy(b => b.Ordinal).FirstOrDefaultAsync(ct);

    private static Comment New(int versionId, int blockId, string authorId, Guid clientId, CommentType type, string body, DateTime at) => new()
    {
        VersionId = versionId,
        BlockId = blockId,
        AuthorId = authorId,
        ClientId = clientId,
        Type = type,
        Body = body,
        BodyHtml = SafeMarkdown.ToHtml(body, CommentRules.MaxBody),
        Status = CommentStatus.Active,
        CreatedAt = at,
    };

    private void Event(Comment comment, CommentEventKind kind, string actorId, DateTime at, string? note = null) =>
        db.CommentEvents.Add(new CommentEvent { VersionId = comment.VersionId, CommentId = comment.Id, Kind = kind, ActorId = actorId, At = at, Note = note });

    /// <summary>A stable id per demo comment and reply, so a second start finds them seeded.</summary>
    private static Guid ClientId(DemoComment demo, int reply) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-comment|{demo.Version}|{demo.Author}|{demo.At:O}|{reply}")).AsSpan(0, 16));

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo comments on the earlier drafts of {Guideline}")]
    private partial void LogSeeded(int count, string guideline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo comment {Index} (v{Version}) skipped: {Missing} not found")]
    private partial void LogSkipped(int index, int version, string missing);
}
