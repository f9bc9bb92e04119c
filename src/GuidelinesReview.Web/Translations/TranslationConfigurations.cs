using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Translations;

internal sealed class TranslationConfiguration : IEntityTypeConfiguration<Translation>
{
    public void Configure(EntityTypeBuilder<Translation> builder)
    {
        builder.HasIndex(t => new { t.VersionId, t.Language, t.SegmentId }).IsUnique();
        builder.Property(t => t.Language).HasMaxLength(20);
        builder.Property(t => t.SegmentId).HasMaxLength(80);
        builder.Property(t => t.BlockAnchor).HasMaxLength(60);
        builder.Property(t => t.SourceHash).HasMaxLength(32);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.Property(t => t.RejectReason).HasMaxLength(1000);
        builder.Property(t => t.WaivedChecks).HasMaxLength(400);
        builder.Property(t => t.WaiverReason).HasMaxLength(1000);
        builder.HasOne(t => t.Version).WithMany().HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Translator).WithMany().HasForeignKey(t => t.TranslatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Reviewer).WithMany().HasForeignKey(t => t.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Translation>().WithMany().HasForeignKey(t => t.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TranslationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TranslationEventConfiguration : IEntityTypeConfiguration<TranslationEvent>
{
    public void Configure(EntityTypeBuilder<TranslationEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TranslationCandidateConfiguration : IEntityTypeConfiguration<TranslationCandidate>
{
    public void Configure(EntityTypeBuilder<TranslationCandidate> builder)
    {
        builder.HasIndex(c => new { c.VersionId, c.Language, c.SegmentId });
        builder.Property(c => c.Language).HasMaxLength(20);
        builder.Property(c => c.SegmentId).HasMaxLength(80);
        builder.Property(c => c.Reason).HasMaxLength(20);
        builder.HasOne(c => c.FromTranslation).WithMany().HasForeignKey(c => c.FromTranslationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Drafts.DraftVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TranslationCommentConfiguration : IEntityTypeConfiguration<TranslationComment>
{
    public void Configure(EntityTypeBuilder<TranslationComment> builder)
    {
        builder.HasIndex(c => new { c.VersionId, c.Language, c.SegmentId });
        builder.Property(c => c.Language).HasMaxLength(20);
        builder.Property(c => c.SegmentId).HasMaxLength(80);
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Drafts.DraftVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TranslatorLanguageConfiguration : IEntityTypeConfiguration<TranslatorLanguage>
{
    public void Configure(EntityTypeBuilder<TranslatorLanguage> builder)
    {
        builder.HasKey(l => new { l.UserId, l.Language });
        builder.Property(l => l.Language).HasMaxLength(20);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GlossaryItemConfiguration : IEntityTypeConfiguration<GlossaryItem>
{
    public void Configure(EntityTypeBuilder<GlossaryItem> builder)
    {
        builder.HasIndex(g => new { g.GuidelineId, g.Term }).IsUnique();
        builder.Property(g => g.Term).HasMaxLength(200);
        builder.Property(g => g.Note).HasMaxLength(1000);
        builder.HasOne(g => g.Guideline).WithMany().HasForeignKey(g => g.GuidelineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Renderings).WithOne().HasForeignKey(r => r.GlossaryItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GlossaryItemRenderingConfiguration : IEntityTypeConfiguration<GlossaryItemRendering>
{
    public void Configure(EntityTypeBuilder<GlossaryItemRendering> builder)
    {
        builder.HasKey(r => new { r.GlossaryItemId, r.Language });
        builder.Property(r => r.Language).HasMaxLength(20);
        builder.Property(r => r.Preferred).HasMaxLength(200);
        builder.Property(r => r.Forbidden).HasMaxLength(1000);
    }
}
