using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteAdminAccountsDbContext(DbContextOptions<SqliteAdminAccountsDbContext> options) : AdminAccountsDbContext(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAdminAccountsDbContext(DbContextOptions<PostgreSqlAdminAccountsDbContext> options) : AdminAccountsDbContext(options);
