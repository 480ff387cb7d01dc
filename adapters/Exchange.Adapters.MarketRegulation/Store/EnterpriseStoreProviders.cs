using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.MarketRegulation.Store;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteEnterpriseStore(DbContextOptions<SqliteEnterpriseStore> options) : EnterpriseStore(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlEnterpriseStore(DbContextOptions<PostgreSqlEnterpriseStore> options) : EnterpriseStore(options);
