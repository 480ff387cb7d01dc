using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options) : CatalogDbContext(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlCatalogDbContext(DbContextOptions<PostgreSqlCatalogDbContext> options) : CatalogDbContext(options);
