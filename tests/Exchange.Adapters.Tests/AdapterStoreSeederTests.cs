using Exchange.Adapters.CivilAffairs.Store;
using Exchange.Adapters.MarketRegulation.Store;
using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Adapters.Shared;
using Exchange.SyntheticData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Adapters.Tests;

public sealed class AdapterStoreSeederTests : IDisposable
{
    // Small enough to seed quickly, large enough to span several batches.
    private static readonly SyntheticPopulationOptions Options = SyntheticPopulationOptions.Default with
    {
        ResidentCount = 1_500, EnterpriseCount = 300, MarriageCount = 150, SocialOrganizationCount = 40,
    };

    private static readonly AdapterStoreOptions StoreOptions = new() { SeedBatchSize = 400 };

    private readonly string _folder = Directory.CreateTempSubdirectory("exchange-adapters-").FullName;

    [Fact]
    public async Task Seeding_the_population_store_twice_inserts_every_resident_once()
    {
        var expected = SyntheticPopulation.Generate(Options);
        var path = Path.Combine(_folder, "publicsecurity.db");

        Assert.Equal(expected.Residents.Count, await SeedAsync<PopulationStore>(path, o => new PopulationStore(o), new PopulationStoreSeed()));
        Assert.Equal(0, await SeedAsync<PopulationStore>(path, o => new PopulationStore(o), new PopulationStoreSeed()));

        await using var store = Open<PopulationStore>(path, o => new PopulationStore(o));
        Assert.Equal(expected.Residents.Count, await store.Residents.CountAsync(TestContext.Current.CancellationToken));
        var first = await store.Residents.SingleAsync(r => r.CitizenId == expected.Residents[0].CitizenId, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Residents[0].Name, first.Name);
        Assert.Equal(expected.Residents[0].BirthDate, first.BirthDate);
        Assert.Equal(expected.Residents[0].Status, first.Status);
    }

    [Fact]
    public async Task Seeding_the_enterprise_store_twice_inserts_enterprises_and_credit_listings_once()
    {
        var expected = SyntheticPopulation.Generate(Options);
        var path = Path.Combine(_folder, "marketregulation.db");

        await SeedAsync<EnterpriseStore>(path, o => new EnterpriseStore(o), new EnterpriseStoreSeed());
        Assert.Equal(0, await SeedAsync<EnterpriseStore>(path, o => new EnterpriseStore(o), new EnterpriseStoreSeed()));

        await using var store = Open<EnterpriseStore>(path, o => new EnterpriseStore(o));
        Assert.Equal(expected.Enterprises.Count, await store.Enterprises.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(expected.CreditListEntries.Count, await store.CreditListings.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seeding_the_civil_affairs_store_twice_inserts_registrations_and_organisations_once()
    {
        var expected = SyntheticPopulation.Generate(Options);
        var path = Path.Combine(_folder, "civilaffairs.db");

        await SeedAsync<CivilAffairsStore>(path, o => new CivilAffairsStore(o), new CivilAffairsStoreSeed());
        Assert.Equal(0, await SeedAsync<CivilAffairsStore>(path, o => new CivilAffairsStore(o), new CivilAffairsStoreSeed()));

        await using var store = Open<CivilAffairsStore>(path, o => new CivilAffairsStore(o));
        Assert.Equal(expected.MarriageRegistrations.Count, await store.Marriages.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(expected.SocialOrganizations.Count, await store.SocialOrganizations.CountAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<int> SeedAsync<TContext>(string path, Func<DbContextOptions<TContext>, TContext> create, IAdapterStoreSeed<TContext> seed)
        where TContext : DbContext
    {
        await using var store = Open(path, create);
        var seeder = new AdapterStoreSeeder<TContext>(store, StoreOptions, NullLogger.Instance);
        return await seeder.SeedAsync(seed, Options, TestContext.Current.CancellationToken);
    }

    private static TContext Open<TContext>(string path, Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext =>
        create(new DbContextOptionsBuilder<TContext>().UseSqlite($"Data Source={path}").Options);
}
