using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.MarketRegulation.Store;

/// <remarks>Abstract: the service runs <see cref="SqliteEnterpriseStore"/> or <see cref="PostgreSqlEnterpriseStore"/>, each with its provider's migrations.</remarks>
public abstract class EnterpriseStore(DbContextOptions options) : DbContext(options)
{
    public DbSet<RegisteredEnterprise> Enterprises => Set<RegisteredEnterprise>();

    public DbSet<CreditListing> CreditListings => Set<CreditListing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredEnterprise>(enterprise =>
        {
            enterprise.ToTable("enterprises");
            enterprise.HasKey(e => e.CreditCode);
            enterprise.Property(e => e.CreditCode).HasMaxLength(18);
            enterprise.Property(e => e.Name).HasMaxLength(100);
            enterprise.Property(e => e.LegalRepresentativeCitizenId).HasMaxLength(18);
            enterprise.HasIndex(e => e.LegalRepresentativeCitizenId);
        });
        modelBuilder.Entity<CreditListing>(listing =>
        {
            listing.ToTable("credit_listings");
            listing.HasKey(l => l.Id);
            listing.Property(l => l.CreditCode).HasMaxLength(18);
            listing.HasIndex(l => new { l.CreditCode, l.ListedDate });
            listing.HasOne<RegisteredEnterprise>().WithMany().HasForeignKey(l => l.CreditCode);
        });
    }
}
