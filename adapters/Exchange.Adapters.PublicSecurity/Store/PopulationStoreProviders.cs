using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.PublicSecurity.Store;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqlitePopulationStore(DbContextOptions<SqlitePopulationStore> options) : PopulationStore(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlPopulationStore(DbContextOptions<PostgreSqlPopulationStore> options) : PopulationStore(options);
