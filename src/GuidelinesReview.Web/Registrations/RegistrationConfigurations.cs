using GuidelinesReview.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Registrations;

internal sealed class PublicRegistrationConfiguration : IEntityTypeConfiguration<PublicRegistration>
{
    public void Configure(EntityTypeBuilder<PublicRegistration> builder)
    {
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.SuspendedReason).HasMaxLength(Core.Accounts.PublicRegistrationRules.MaxReason);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<PublicRegistration>(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.RegisteredAt);
    }
}
