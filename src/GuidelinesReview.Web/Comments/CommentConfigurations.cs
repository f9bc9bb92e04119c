using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasIndex(c => new { c.AuthorId, c.ClientId }).IsUnique();
        builder.HasIndex(c => new { c.VersionId, c.BlockId });
        builder.HasIndex(c => c.ParentId);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.HiddenReason).HasMaxLength(500);
        builder.Property(c => c.Language).HasMaxLength(20);
        builder.HasOne<DraftVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Block).WithMany().HasForeignKey(c => c.BlockId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BreakoutRoom>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Disposition).WithOne().HasForeignKey<Disposition>(d => d.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Supports).WithOne().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentTagConfiguration : IEntityTypeConfiguration<CommentTag>
{
    public void Configure(EntityTypeBuilder<CommentTag> builder)
    {
        builder.HasKey(t => new { t.CommentId, t.TermId });
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentSupportConfiguration : IEntityTypeConfiguration<CommentSupport>
{
    public void Configure(EntityTypeBuilder<CommentSupport> builder)
    {
        builder.HasKey(s => new { s.CommentId, s.UserId });
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> builder)
    {
        builder.HasKey(d => d.CommentId);
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AddressedAnchor).HasMaxLength(60);
        builder.HasOne(d => d.AddressedVersion).WithMany().HasForeignKey(d => d.AddressedVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentEventConfiguration : IEntityTypeConfiguration<CommentEvent>
{
    public void Configure(EntityTypeBuilder<CommentEvent> builder)
    {
        builder.HasIndex(e => new { e.VersionId, e.Id });
        builder.HasIndex(e => e.CommentId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(500);
    }
}

internal sealed class CommentPlacementConfiguration : IEntityTypeConfiguration<CommentPlacement>
{
    public void Configure(EntityTypeBuilder<CommentPlacement> builder)
    {
        builder.HasKey(p => new { p.CommentId, p.VersionId });
        builder.HasIndex(p => p.VersionId);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Comment>().WithMany().HasForeignKey(p => p.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DraftVersion>().WithMany().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DraftVersion>().WithMany().HasForeignKey(p => p.FromVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Block).WithMany().HasForeignKey(p => p.BlockId).OnDelete(DeleteBehavior.Restrict);
    }
}
