using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<ResourceEntry> ResourceEntries => Set<ResourceEntry>();
    public DbSet<ResourceVersion> ResourceVersions => Set<ResourceVersion>();
    public DbSet<CatalogChange> Changes => Set<CatalogChange>();
    public DbSet<AccessApplicationRecord> AccessApplications => Set<AccessApplicationRecord>();
    public DbSet<GrantChangeRecord> GrantChanges => Set<GrantChangeRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DepartmentRecord>(department =>
        {
            department.ToTable("departments");
            department.HasKey(d => d.Code);
        });

        model.Entity<ResourceEntry>(entry =>
        {
            entry.ToTable("resource_entries");
            entry.HasKey(e => e.Code);
            entry.OwnsMany(e => e.DataItems, items => items.ToJson());
        });

        model.Entity<ResourceVersion>(version =>
        {
            version.ToTable("resource_versions");
            version.HasKey(v => new { v.Code, v.Version });
            version.HasIndex(v => v.State);
            version.OwnsMany(v => v.DataItems, items => items.ToJson());
        });

        model.Entity<CatalogChange>(change =>
        {
            change.ToTable("changes");
            change.HasKey(c => c.Revision);
            change.Property(c => c.Revision).ValueGeneratedOnAdd();
        });

        model.Entity<AccessApplicationRecord>(application =>
        {
            application.ToTable("access_applications");
            application.HasKey(a => a.Id);
            application.HasIndex(a => a.State);
            application.HasIndex(a => a.ConsumerDepartmentCode);
            application.HasIndex(a => a.ProviderDepartmentCode);
        });

        model.Entity<GrantChangeRecord>(change =>
        {
            change.ToTable("grant_changes");
            change.HasKey(c => c.Revision);
            change.Property(c => c.Revision).ValueGeneratedOnAdd();
        });
    }
}
