using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

/// <remarks>Abstract: the service runs <see cref="SqliteCatalogDbContext"/> or <see cref="PostgreSqlCatalogDbContext"/>, each with its provider's migrations.</remarks>
public abstract class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<ResourceEntry> ResourceEntries => Set<ResourceEntry>();
    public DbSet<ResourceVersion> ResourceVersions => Set<ResourceVersion>();
    public DbSet<CatalogChange> Changes => Set<CatalogChange>();
    public DbSet<AccessApplicationRecord> AccessApplications => Set<AccessApplicationRecord>();
    public DbSet<GrantChangeRecord> GrantChanges => Set<GrantChangeRecord>();
    public DbSet<IssuerKeyRecord> IssuerKeys => Set<IssuerKeyRecord>();
    public DbSet<ServiceItemRecord> ServiceItems => Set<ServiceItemRecord>();
    public DbSet<WitnessedCheckpointRecord> WitnessedCheckpoints => Set<WitnessedCheckpointRecord>();
    public DbSet<ObjectionRecord> Objections => Set<ObjectionRecord>();
    public DbSet<ObjectionEventRecord> ObjectionEvents => Set<ObjectionEventRecord>();
    public DbSet<RedeemedAuthorizationCodeRecord> RedeemedAuthorizationCodes => Set<RedeemedAuthorizationCodeRecord>();

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

        model.Entity<IssuerKeyRecord>(key =>
        {
            key.ToTable("issuer_keys");
            key.HasKey(k => k.KeyId);
            key.HasIndex(k => k.DepartmentCode);
        });

        model.Entity<WitnessedCheckpointRecord>(witnessed =>
        {
            witnessed.ToTable("witnessed_checkpoints");
            witnessed.HasKey(w => w.LogId);
        });

        model.Entity<RedeemedAuthorizationCodeRecord>(redeemed =>
        {
            redeemed.ToTable("redeemed_authorization_codes");
            redeemed.HasKey(r => r.CodeId);
            redeemed.HasIndex(r => r.ExpiresAtMillis);
        });

        model.Entity<ObjectionRecord>(objection =>
        {
            objection.ToTable("objections");
            objection.HasKey(o => o.Id);
            objection.HasIndex(o => new { o.State, o.ProviderDepartmentCode });
            objection.HasIndex(o => new { o.RaisedBy, o.State });
            objection.HasIndex(o => o.HolderId);
            objection.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.ObjectionId);
        });

        model.Entity<ObjectionEventRecord>(step =>
        {
            step.ToTable("objection_events");
            step.HasKey(e => e.Revision);
            step.Property(e => e.Revision).ValueGeneratedOnAdd();
        });

        model.Entity<ServiceItemRecord>(item =>
        {
            item.ToTable("service_items");
            item.HasKey(i => i.Code);
            item.OwnsMany(i => i.Roles, roles => roles.ToJson());
            item.OwnsMany(i => i.Materials, materials => materials.ToJson());
            item.Property(i => i.Revision).IsConcurrencyToken();
        });
    }
}
