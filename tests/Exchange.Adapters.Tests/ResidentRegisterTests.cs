using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Adapters.Tests;

/// <summary>
/// The population register's SQLite read (a prepared statement on a kept connection, not EF Core) against the rows EF
/// Core's migrations and inserts made: every column as EF Core reads it, nothing cached between calls.
/// </summary>
public sealed class ResidentRegisterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("exchange-residents-").FullName;
    private readonly string _connectionString;

    public ResidentRegisterTests() => _connectionString = $"Data Source={Path.Combine(_folder, "population.db")}";

    [Fact]
    public async Task Every_resident_reads_as_ef_core_reads_it_and_an_unknown_id_reads_as_none()
    {
        var residents = SyntheticPopulation.Generate(SyntheticPopulationOptions.Default with
        {
            ResidentCount = 300, EnterpriseCount = 10, MarriageCount = 10, SocialOrganizationCount = 5,
        }).Residents;
        await using (var store = await OpenMigratedAsync())
        {
            store.Residents.AddRange(residents.Select(r => new RegisteredResident
            {
                CitizenId = r.CitizenId, Name = r.Name, Gender = r.Gender, BirthDate = r.BirthDate, Ethnicity = r.Ethnicity,
                RegisteredAddress = r.RegisteredAddress, Status = r.Status,
            }));
            await store.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // Every gender and status the generator makes is among them, so each enum value's column is read once at least.
        Assert.True(residents.Select(r => r.Status).Distinct().Count() > 1);

        using var register = Register();
        await using var reference = await OpenMigratedAsync();
        foreach (var resident in residents)
        {
            var expected = await reference.Residents.AsNoTracking().SingleAsync(r => r.CitizenId == resident.CitizenId, TestContext.Current.CancellationToken);
            var read = await register.FindAsync(resident.CitizenId, TestContext.Current.CancellationToken);
            Assert.NotNull(read);
            Assert.Equivalent(expected, read, strict: true);
            Assert.Equal(expected.Name, await register.NameOfAsync(resident.CitizenId, TestContext.Current.CancellationToken));
        }
        Assert.Null(await register.FindAsync("110101190001010000", TestContext.Current.CancellationToken));
        Assert.Null(await register.NameOfAsync("110101190001010000", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_resident_registered_or_changed_after_a_lookup_is_read_as_committed_by_the_next_lookups()
    {
        const string citizenId = "11010119900307001X";
        await using (await OpenMigratedAsync()) { }
        using var register = Register();
        // Several lookups at once, so that more than one kept connection exists and each must see the later writes.
        var before = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => register.FindAsync(citizenId, default).AsTask())));
        Assert.All(before, Assert.Null);

        await using (var store = await OpenMigratedAsync())
        {
            store.Residents.Add(new RegisteredResident
            {
                CitizenId = citizenId, Name = "张三", Gender = Gender.Male, BirthDate = new DateOnly(1990, 3, 7), Ethnicity = "汉族",
                RegisteredAddress = "北京市东城区", Status = ResidentStatus.Normal,
            });
            await store.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => register.FindAsync(citizenId, default).AsTask())));
        Assert.All(after, r => Assert.Equal(ResidentStatus.Normal, r?.Status));

        await using (var store = await OpenMigratedAsync())
        {
            await store.Residents.Where(r => r.CitizenId == citizenId)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, ResidentStatus.Deceased), TestContext.Current.CancellationToken);
        }
        var changed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => register.FindAsync(citizenId, default).AsTask())));
        Assert.All(changed, r => Assert.Equal(ResidentStatus.Deceased, r?.Status));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ResidentRegister Register() => new(
        new StoreConnectionOf<PopulationStore>(new StoreConnection(StoreProvider.Sqlite, _connectionString)),
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

    private async Task<SqlitePopulationStore> OpenMigratedAsync()
    {
        var store = new SqlitePopulationStore(new DbContextOptionsBuilder<SqlitePopulationStore>().UseSqlite(_connectionString).Options);
        await store.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return store;
    }
}
