using Exchange.Adapters.Shared;
using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Adapters.PublicSecurity.Store;

/// <summary>
/// The population register's reads by citizen id, one per call. On SQLite (the default store) a resident is read
/// with a prepared statement on a kept connection (<see cref="SqliteLookup{T}"/>); on PostgreSQL through EF Core with
/// a compiled query on a pooled store.
/// </summary>
internal sealed class ResidentRegister : IDisposable
{
    // Compiled once: a call skips EF Core's per-query work before the read (walking and hashing the LINQ expression
    // to find its cached translation, extracting the parameter).
    private static readonly Func<PopulationStore, string, CancellationToken, Task<RegisteredResident?>> ResidentById =
        EF.CompileAsyncQuery((PopulationStore store, string citizenId, CancellationToken cancellationToken) =>
            store.Residents.AsNoTracking().SingleOrDefault(r => r.CitizenId == citizenId));

    private const string SelectResident =
        "SELECT CitizenId, Name, Gender, BirthDate, Ethnicity, RegisteredAddress, Status FROM residents WHERE CitizenId = $key";

    private readonly IServiceScopeFactory _scopes;
    private readonly SqliteLookup<RegisteredResident>? _sqlite;

    public ResidentRegister(StoreConnectionOf<PopulationStore> store, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        if (store.Connection.Provider == StoreProvider.Sqlite)
            _sqlite = new SqliteLookup<RegisteredResident>(store.Connection.ConnectionString, SelectResident, Read, 2 * Environment.ProcessorCount);
    }

    /// <summary>The resident with this citizen id, or null.</summary>
    public async ValueTask<RegisteredResident?> FindAsync(string citizenId, CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
            return _sqlite.Find(citizenId);
        await using var scope = _scopes.CreateAsyncScope();
        return await ResidentById(scope.ServiceProvider.GetRequiredService<PopulationStore>(), citizenId, cancellationToken);
    }

    /// <summary>The registered name of the resident with this citizen id, or null.</summary>
    public async ValueTask<string?> NameOfAsync(string citizenId, CancellationToken cancellationToken) =>
        (await FindAsync(citizenId, cancellationToken))?.Name;

    public void Dispose() => _sqlite?.Dispose();

    // The columns as EF Core's SQLite migrations made them: enums as INTEGER, DateOnly as TEXT (yyyy-MM-dd).
    private static RegisteredResident Read(SqliteDataReader row) => new()
    {
        CitizenId = row.GetString(0),
        Name = row.GetString(1),
        Gender = (Gender)row.GetInt32(2),
        BirthDate = row.GetFieldValue<DateOnly>(3),
        Ethnicity = row.GetString(4),
        RegisteredAddress = row.GetString(5),
        Status = (ResidentStatus)row.GetInt32(6),
    };
}
