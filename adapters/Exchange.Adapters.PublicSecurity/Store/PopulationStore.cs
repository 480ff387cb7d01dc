using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.PublicSecurity.Store;

/// <remarks>Abstract: the service runs <see cref="SqlitePopulationStore"/> or <see cref="PostgreSqlPopulationStore"/>, each with its provider's migrations.</remarks>
public abstract class PopulationStore(DbContextOptions options) : DbContext(options)
{
    public DbSet<RegisteredResident> Residents => Set<RegisteredResident>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredResident>(resident =>
        {
            resident.ToTable("residents");
            resident.HasKey(r => r.CitizenId);
            resident.Property(r => r.CitizenId).HasMaxLength(18);
            resident.Property(r => r.Name).HasMaxLength(32);
            resident.Property(r => r.Ethnicity).HasMaxLength(16);
            resident.Property(r => r.RegisteredAddress).HasMaxLength(200);
        });
    }
}
