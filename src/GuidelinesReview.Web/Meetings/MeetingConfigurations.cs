using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Slug).HasMaxLength(80);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.TimeZone).HasMaxLength(60);
        builder.HasOne(m => m.Version).WithMany().HasForeignKey(m => m.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Days).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingDayConfiguration : IEntityTypeConfiguration<MeetingDay>
{
    public void Configure(EntityTypeBuilder<MeetingDay> builder) =>
        builder.HasMany(d => d.Agenda).WithOne().HasForeignKey(a => a.DayId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.HasMany(a => a.Rooms).WithOne(r => r.AgendaItem).HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreakoutRoomConfiguration : IEntityTypeConfiguration<BreakoutRoom>
{
    public void Configure(EntityTypeBuilder<BreakoutRoom> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.FocusAnchor).HasMaxLength(60);
        builder.HasOne(r => r.Moderator).WithMany().HasForeignKey(r => r.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.NoteTaker).WithMany().HasForeignKey(r => r.NoteTakerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomMemberConfiguration : IEntityTypeConfiguration<RoomMember>
{
    public void Configure(EntityTypeBuilder<RoomMember> builder)
    {
        builder.HasKey(m => new { m.RoomId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomTagConfiguration : IEntityTypeConfiguration<RoomTag>
{
    public void Configure(EntityTypeBuilder<RoomTag> builder)
    {
        builder.HasKey(t => new { t.RoomId, t.TermId });
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoomSectionConfiguration : IEntityTypeConfiguration<RoomSection>
{
    public void Configure(EntityTypeBuilder<RoomSection> builder)
    {
        builder.HasKey(s => new { s.RoomId, s.Anchor });
        builder.Property(s => s.Anchor).HasMaxLength(60);
    }
}

internal sealed class NotesRevisionConfiguration : IEntityTypeConfiguration<NotesRevision>
{
    public void Configure(EntityTypeBuilder<NotesRevision> builder)
    {
        builder.HasIndex(r => new { r.RoomId, r.Version }).IsUnique();
        builder.HasOne<BreakoutRoom>().WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.SavedBy).WithMany().HasForeignKey(r => r.SavedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TakeawayConfiguration : IEntityTypeConfiguration<Takeaway>
{
    public void Configure(EntityTypeBuilder<Takeaway> builder)
    {
        builder.HasIndex(t => new { t.RoomId, t.Ordinal });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Text).HasMaxLength(2000);
        builder.Property(t => t.Anchor).HasMaxLength(60);
        builder.HasOne<BreakoutRoom>().WithMany().HasForeignKey(t => t.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TakeawayId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Supports).WithOne().HasForeignKey(s => s.TakeawayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TakeawayTagConfiguration : IEntityTypeConfiguration<TakeawayTag>
{
    public void Configure(EntityTypeBuilder<TakeawayTag> builder)
    {
        builder.HasKey(t => new { t.TakeawayId, t.TermId });
        builder.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TakeawaySupportConfiguration : IEntityTypeConfiguration<TakeawaySupport>
{
    public void Configure(EntityTypeBuilder<TakeawaySupport> builder) => builder.HasKey(s => new { s.TakeawayId, s.UserId });
}

internal sealed class RaisedHandConfiguration : IEntityTypeConfiguration<RaisedHand>
{
    public void Configure(EntityTypeBuilder<RaisedHand> builder)
    {
        builder.HasKey(h => new { h.RoomId, h.UserId });
        builder.HasOne<BreakoutRoom>().WithMany().HasForeignKey(h => h.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.User).WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
