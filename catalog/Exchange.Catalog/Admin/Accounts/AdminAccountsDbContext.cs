using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>The admin UI's accounts, in a SQLite file of their own (ConnectionStrings:CatalogAdmin), apart from the catalog.</summary>
/// <remarks>Abstract: the service runs <see cref="SqliteAdminAccountsDbContext"/> or <see cref="PostgreSqlAdminAccountsDbContext"/>, each with its provider's migrations.</remarks>
public abstract class AdminAccountsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AdminAccount> Accounts => Set<AdminAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var account = modelBuilder.Entity<AdminAccount>();
        account.ToTable("admin_accounts");
        account.HasKey(a => a.UserName);
        account.Property(a => a.UserName).HasMaxLength(AccountName.MaxLength);
        account.Property(a => a.Role).HasMaxLength(32);
        account.Property(a => a.DepartmentCode).HasMaxLength(64);
    }
}
