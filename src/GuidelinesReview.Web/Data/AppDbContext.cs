using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Guideline> Guidelines => Set<Guideline>();
    public DbSet<GuidelineTerm> GuidelineTerms => Set<GuidelineTerm>();
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<SectionTag> SectionTags => Set<SectionTag>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
