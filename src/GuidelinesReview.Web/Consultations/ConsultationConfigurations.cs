using GuidelinesReview.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Consultations;

internal sealed class ConsultationWindowConfiguration : IEntityTypeConfiguration<ConsultationWindow>
{
    public void Configure(EntityTypeBuilder<ConsultationWindow> builder)
    {
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.Audience).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(w => new { w.VersionId, w.OpensAt });
        builder.HasOne(w => w.Version).WithMany().HasForeignKey(w => w.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Groups).WithOne().HasForeignKey(g => g.WindowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(w => w.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationGroupConfiguration : IEntityTypeConfiguration<ConsultationGroup>
{
    public void Configure(EntityTypeBuilder<ConsultationGroup> builder)
    {
        builder.HasKey(g => new { g.WindowId, g.Group });
        builder.Property(g => g.Group).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class PublicReadingConfiguration : IEntityTypeConfiguration<PublicReading>
{
    public void Configure(EntityTypeBuilder<PublicReading> builder)
    {
        builder.HasKey(r => r.GuidelineId);
        builder.HasOne<Drafts.Guideline>().WithMany().HasForeignKey(r => r.GuidelineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SetById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeptOpenVersionConfiguration : IEntityTypeConfiguration<KeptOpenVersion>
{
    public void Configure(EntityTypeBuilder<KeptOpenVersion> builder)
    {
        builder.HasKey(k => k.VersionId);
        builder.HasOne<Drafts.DraftVersion>().WithMany().HasForeignKey(k => k.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.SetById).OnDelete(DeleteBehavior.Restrict);
    }
}
