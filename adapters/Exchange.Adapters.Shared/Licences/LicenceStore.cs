using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>The licences this adapter issued, in their own SQLite file (synchronous=FULL, so a revocation is on disk when it commits).</summary>
/// <remarks>Abstract: the service runs <see cref="SqliteLicenceStore"/> or <see cref="PostgreSqlLicenceStore"/>, each with its provider's migrations.</remarks>
public abstract class LicenceStore(DbContextOptions options) : DbContext(options)
{
    public DbSet<IssuedLicence> Licences => Set<IssuedLicence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IssuedLicence>(licence =>
        {
            licence.ToTable("licences");
            licence.HasKey(l => l.LicenceNumber);
            licence.Property(l => l.LicenceNumber).HasMaxLength(31);
            licence.Property(l => l.TypeCode).HasMaxLength(4);
            licence.Property(l => l.HolderId).HasMaxLength(18);
            licence.HasIndex(l => l.HolderId);
        });
    }
}
