using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Rollups;

internal sealed class KeyFindingConfiguration : IEntityTypeConfiguration<KeyFinding>
{
    public void Configure(EntityTypeBuilder<KeyFinding> builder)
    {
        builder.HasIndex(f => new { f.VersionId, f.AreaTermId, f.Ordinal });
        builder.HasOne<DraftVersion>().WithMany().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Area).WithMany().HasForeignKey(f => f.AreaTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Principle).WithMany().HasForeignKey(f => f.PrincipleTermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.WrittenById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Comments).WithOne().HasForeignKey(c => c.KeyFindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Takeaways).WithOne().HasForeignKey(t => t.KeyFindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyFindingCommentConfiguration : IEntityTypeConfiguration<KeyFindingComment>
{
    public void Configure(EntityTypeBuilder<KeyFindingComment> builder)
    {
        builder.HasKey(c => new { c.KeyFindingId, c.CommentId });
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyFindingTakeawayConfiguration : IEntityTypeConfiguration<KeyFindingTakeaway>
{
    public void Configure(EntityTypeBuilder<KeyFindingTakeaway> builder)
    {
        builder.HasKey(t => new { t.KeyFindingId, t.TakeawayId });
        builder.HasOne<Takeaway>().WithMany().HasForeignKey(t => t.TakeawayId).OnDelete(DeleteBehavior.Cascade);
    }
}
