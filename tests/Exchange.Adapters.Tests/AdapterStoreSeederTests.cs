using Exchange.Adapters.CivilAffairs.Store;
using Exchange.Adapters.MarketRegulation.Store;
using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Adapters.Shared;
using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Adapters.Tests;

/// <summary>Seeding, on SQLite and on PostgreSQL, through each provider's migrations.</summary>
public sealed class AdapterStoreSeederTests(PostgresFixture postgres) : IDisposable
{
    // Small enough to seed quickly, large enough to span several batches.
    private static readonly SyntheticPopulationOptions Options = SyntheticPopulationOptions.Default with
    {
        ResidentCount = 1_500, EnterpriseCount = 300, MarriageCount = 150, SocialOrganizationCount = 40,
    };

    private static readonly AdapterStoreOptions StoreOptions = new() { SeedBatchSize = 400 };

    private readonly string _folder = Directory.CreateTempSubdirectory("exchange-adapters-").FullName;

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public async Task Seeding_the_population_store_twice_inserts_every_resident_once(StoreProvider provider)
    {
        var expected = SyntheticPopulation.Generate(Options);
        var database = await StoreUnderTest<PopulationStore, SqlitePopulationStore, PostgreSqlPopulationStore>.CreateAsync(provider, postgres, _folder);

        Assert.Equal(expected.Residents.Count, await SeedAsync(database.Open(), new PopulationStoreSeed()));
        Assert.Equal(0, await SeedAsync(database.Open(), new PopulationStoreSeed()));

        await using var store = database.Open();
        Assert.Equal(expected.Residents.Count, await store.Residents.CountAsync(TestContext.Current.CancellationToken));
        var first = await store.Residents.SingleAsync(r => r.CitizenId == expected.Residents[0].CitizenId, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Residents[0].Name, first.Name);
        Assert.Equal(expected.Residents[0].BirthDate, first.BirthDate);
        Assert.Equal(expected.Residents[0].Status, first.Status);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public async Task Seeding_the_enterprise_store_twice_inserts_enterprises_and_credit_listings_once(StoreProvider provider)
    {
        var expected = SyntheticPopulation.Generate(Options);
        var database = await StoreUnderTest<EnterpriseStore, SqliteEnterpriseStore, PostgreSqlEnterpriseStore>.CreateAsync(provider, postgres, _folder);

        await SeedAsync(database.Open(), new EnterpriseStoreSeed());
        Assert.Equal(0, await SeedAsync(database.Open(), new EnterpriseStoreSeed()));

        await using var store = database.Open();
        Assert.Equal(expected.Enterprises.Count, await store.Enterprises.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(expected.CreditListEntries.Count, await store.CreditListings.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public async Task Seeding_the_civil_affairs_store_twice_inserts_registrations_and_organisations_once(StoreProvider provider)
    {
        var expected = SyntheticPopulation.Generate(Options);
        var database = await StoreUnderTest<CivilAffairsStore, SqliteCivilAffairsStore, PostgreSqlCivilAffairsStore>.CreateAsync(provider, postgres, _folder);

        await SeedAsync(database.Open(), new CivilAffairsStoreSeed());
        Assert.Equal(0, await SeedAsync(database.Open(), new CivilAffairsStoreSeed()));

        await using var store = database.Open();
        Assert.Equal(expected.MarriageRegistrations.Count, await store.Marriages.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(expected.SocialOrganizations.Count, await store.SocialOrganizations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_SQLite_store_made_before_migrations_is_adopted_with_its_rows()
    {
        var database = await StoreUnderTest<PopulationStore, SqlitePopulationStore, PostgreSqlPopulationStore>.CreateAsync(StoreProvider.Sqlite, postgres, _folder);
        var resident = (RegisteredResident)new PopulationStoreSeed().CreateRows(SyntheticPopulation.Generate(Options))[0];
        await using (var old = database.Open())
        {
            // What releases before migrations did: EnsureCreated, no history table.
            await old.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
            old.Add(resident);
            await old.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await SeedAsync(database.Open(), new PopulationStoreSeed()));

        await using var store = database.Open();
        Assert.Equal(store.Database.GetMigrations(), await store.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(resident.Name, (await store.Residents.SingleAsync(TestContext.Current.CancellationToken)).Name);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<int> SeedAsync<TContext>(TContext opened, IAdapterStoreSeed<TContext> seed)
        where TContext : DbContext
    {
        await using var store = opened;
        var seeder = new AdapterStoreSeeder<TContext>(store, StoreOptions, NullLogger.Instance);
        return await seeder.SeedAsync(seed, Options, TestContext.Current.CancellationToken);
    }
}
