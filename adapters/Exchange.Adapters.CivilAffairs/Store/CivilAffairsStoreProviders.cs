using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.CivilAffairs.Store;

/// <summary>The store on SQLite, with the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteCivilAffairsStore(DbContextOptions<SqliteCivilAffairsStore> options) : CivilAffairsStore(options);

/// <summary>The store on PostgreSQL, with the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlCivilAffairsStore(DbContextOptions<PostgreSqlCivilAffairsStore> options) : CivilAffairsStore(options);
