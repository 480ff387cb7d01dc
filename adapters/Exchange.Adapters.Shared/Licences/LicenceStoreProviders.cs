using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteLicenceStore(DbContextOptions<SqliteLicenceStore> options) : LicenceStore(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlLicenceStore(DbContextOptions<PostgreSqlLicenceStore> options) : LicenceStore(options);
