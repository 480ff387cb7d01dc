using Microsoft.EntityFrameworkCore;

namespace Exchange.Gateway.Audit.Store;

/// <summary>The audit schema on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

/// <summary>The audit schema on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAuditDbContext(DbContextOptions<PostgreSqlAuditDbContext> options) : AuditDbContext(options);
