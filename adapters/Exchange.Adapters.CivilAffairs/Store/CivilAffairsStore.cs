using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.CivilAffairs.Store;

/// <remarks>Abstract: the service runs <see cref="SqliteCivilAffairsStore"/> or <see cref="PostgreSqlCivilAffairsStore"/>, each with its provider's migrations.</remarks>
public abstract class CivilAffairsStore(DbContextOptions options) : DbContext(options)
{
    public DbSet<RegisteredMarriage> Marriages => Set<RegisteredMarriage>();

    public DbSet<RegisteredSocialOrganization> SocialOrganizations => Set<RegisteredSocialOrganization>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredMarriage>(marriage =>
        {
            marriage.ToTable("marriage_registrations");
            marriage.HasKey(m => m.CertificateNumber);
            marriage.Property(m => m.CertificateNumber).HasMaxLength(32);
            marriage.Property(m => m.HusbandCitizenId).HasMaxLength(18);
            marriage.Property(m => m.WifeCitizenId).HasMaxLength(18);
            // A citizen's records are looked up by either party; SQLite answers the OR from both indexes.
            marriage.HasIndex(m => m.HusbandCitizenId);
            marriage.HasIndex(m => m.WifeCitizenId);
        });
        modelBuilder.Entity<RegisteredSocialOrganization>(organization =>
        {
            organization.ToTable("social_organizations");
            organization.HasKey(o => o.CreditCode);
            organization.Property(o => o.CreditCode).HasMaxLength(18);
            organization.Property(o => o.LegalRepresentativeCitizenId).HasMaxLength(18);
        });
    }
}
