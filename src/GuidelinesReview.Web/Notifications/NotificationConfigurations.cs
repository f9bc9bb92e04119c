using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.About).HasMaxLength(300); // as long as a window's title, the longest thing it holds
        builder.Property(n => n.Actor).HasMaxLength(200);
        builder.Property(n => n.Decision).HasMaxLength(40);

        // The digest pass's one query: what is still to be told, per person.
        builder.HasIndex(n => new { n.DoneAt, n.RecipientId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DraftVersion>().WithMany().HasForeignKey(n => n.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Stamp).HasMaxLength(40);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<NotificationSetting>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationWatchConfiguration : IEntityTypeConfiguration<ConsultationWatch>
{
    public void Configure(EntityTypeBuilder<ConsultationWatch> builder) =>
        builder.Property(w => w.Id).ValueGeneratedNever();
}
