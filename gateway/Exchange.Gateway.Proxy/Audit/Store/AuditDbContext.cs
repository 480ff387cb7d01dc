using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Gateway.Audit.Store;

/// <summary>
/// The audit database's schema, kept by EF Core migrations for SQLite and PostgreSQL. Records are written and read
/// with plain ADO.NET (<see cref="AuditStore"/>): the group-commit writer needs one prepared insert and a lock, not a
/// change tracker. Tables and columns are snake_case, as the SQL of the writer, the statistics and the verifier uses them.
/// </summary>
/// <remarks>Abstract: the service runs <see cref="SqliteAuditDbContext"/> or <see cref="PostgreSqlAuditDbContext"/>.</remarks>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditRecordRow>(record =>
        {
            record.ToTable("audit_records");
            record.HasKey(r => r.Sequence);
            record.Property(r => r.Sequence).ValueGeneratedNever();
            record.HasIndex(r => new { r.Consumer, r.Sequence }).HasDatabaseName("ix_audit_consumer");
            record.HasIndex(r => new { r.Provider, r.Sequence }).HasDatabaseName("ix_audit_provider");
            record.HasIndex(r => new { r.Resource, r.Sequence }).HasDatabaseName("ix_audit_resource");
            record.HasIndex(r => new { r.HolderId, r.Sequence }).HasDatabaseName("ix_audit_holder");
            record.HasIndex(r => r.TimeMicros).HasDatabaseName("ix_audit_time");
        });
        modelBuilder.Entity<AuditRecordRow>().Property(r => r.LeafHash).HasDefaultValue("");
        modelBuilder.Entity<AuditCheckpointRow>(checkpoint =>
        {
            checkpoint.ToTable("audit_checkpoints");
            checkpoint.HasKey(c => new { c.LogId, c.TreeSize });
        });
        modelBuilder.Entity<LicenceUseRow>(use =>
        {
            use.ToTable("licence_uses");
            use.HasKey(u => u.Id);
            use.HasIndex(u => new { u.HolderId, u.Id }).HasDatabaseName("ix_licence_uses_holder");
        });
        modelBuilder.Entity<MaterialCheckRow>(check =>
        {
            check.ToTable("material_checks");
            check.HasKey(c => c.AuditSequence);
            check.Property(c => c.AuditSequence).ValueGeneratedNever();
            check.HasIndex(c => new { c.ServiceItemCode, c.Consumer, c.CaseNumber });
        });

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
            property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0)
                snake.Append('_');
            snake.Append(char.ToLowerInvariant(c));
        }
        return snake.ToString();
    }
}
