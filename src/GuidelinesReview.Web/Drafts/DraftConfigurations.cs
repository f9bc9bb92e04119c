using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Drafts;

internal sealed class GuidelineConfiguration : IEntityTypeConfiguration<Guideline>
{
    public void Configure(EntityTypeBuilder<Guideline> builder)
    {
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Property(g => g.Slug).HasMaxLength(80);
        builder.Property(g => g.Title).HasMaxLength(300);
        builder.HasMany(g => g.Terms).WithOne().HasForeignKey(t => t.GuidelineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Versions).WithOne(v => v.Guideline).HasForeignKey(v => v.GuidelineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuidelineTermConfiguration : IEntityTypeConfiguration<GuidelineTerm>
{
    public void Configure(EntityTypeBuilder<GuidelineTerm> builder)
    {
        builder.HasIndex(t => new { t.GuidelineId, t.Kind, t.Key }).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Key).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(200);
    }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> builder)
    {
        builder.HasIndex(v => new { v.GuidelineId, v.Number }).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Label).HasMaxLength(120);
        builder.Property(v => v.Language).HasMaxLength(20);
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Blocks).WithOne().HasForeignKey(b => b.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.HasIndex(s => new { s.VersionId, s.Anchor }).IsUnique();
        builder.Property(s => s.Anchor).HasMaxLength(60);
        builder.HasMany(s => s.Tags).WithOne().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SectionTagConfiguration : IEntityTypeConfiguration<SectionTag>
{
    public void Configure(EntityTypeBuilder<SectionTag> builder)
    {
        builder.HasKey(t => new { t.SectionId, t.TermId });
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.HasIndex(b => new { b.VersionId, b.Anchor }).IsUnique();
        builder.HasIndex(b => new { b.VersionId, b.Ordinal });
        builder.Property(b => b.Anchor).HasMaxLength(60);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.ContentHash).HasMaxLength(32);
        builder.HasOne(b => b.Section).WithMany().HasForeignKey(b => b.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
