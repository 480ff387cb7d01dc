using Exchange.Catalog.Access;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Objections;
using Exchange.Catalog.Store;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Catalog.UnitTests;

/// <summary>
/// A catalog store of its own per test: SQLite in memory, migrated as the service migrates it, with the domain
/// services on a fake clock and the watch feeds a test can subscribe to.
/// </summary>
internal sealed class CatalogStore : IAsyncDisposable
{
    public const string Provider = "PUBLIC-SECURITY";
    public const string Consumer = "CIVIL-AFFAIRS";

    private readonly SqliteConnection _connection;
    private readonly CatalogWriteGate _gate = new();
    private readonly ApplicationLifetime _lifetime = new();

    private CatalogStore(SqliteConnection connection, SqliteCatalogDbContext db)
    {
        _connection = connection;
        Db = db;
        var watch = Options.Create(new WatchOptions());
        ResourceFeed = new ResourceChangeFeed(watch, _lifetime, NullLogger<ResourceChangeFeed>.Instance);
        GrantFeed = new GrantChangeFeed(watch, _lifetime, NullLogger<GrantChangeFeed>.Instance);
        ObjectionFeed = new ObjectionChangeFeed(watch, _lifetime, NullLogger<ObjectionChangeFeed>.Instance);
        Departments = new DepartmentRegistry(db, _gate, NullLogger<DepartmentRegistry>.Instance);
        Resources = new ResourceCatalog(db, _gate, Departments, ResourceFeed, Clock, NullLogger<ResourceCatalog>.Instance);
        Applications = new AccessApplications(db, _gate, GrantFeed, Clock, NullLogger<AccessApplications>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public SqliteCatalogDbContext Db { get; }

    public ResourceChangeFeed ResourceFeed { get; }

    public GrantChangeFeed GrantFeed { get; }

    public DepartmentRegistry Departments { get; }

    public ResourceCatalog Resources { get; }

    public AccessApplications Applications { get; }

    public ObjectionChangeFeed ObjectionFeed { get; }

    /// <summary>The calls the gateway's audit log would show; objections by departments are checked against them.</summary>
    public List<Delivery> Deliveries { get; } = [];

    /// <summary>An objection register on this store, its feed and its deliveries; deadlines in China Standard Time.</summary>
    public ObjectionRegister Objections(int maxOpenPerRaiser = 20)
    {
        var options = Options.Create(new ObjectionOptions { MaxOpenPerRaiser = maxOpenPerRaiser });
        return new ObjectionRegister(Db, _gate, ObjectionFeed, new WorkingCalendar(options), new ListedDeliveries(Deliveries), options, Clock,
            NullLogger<ObjectionRegister>.Instance);
    }

    public static async Task<CatalogStore> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var db = new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite(connection).UseOpenIddict().Options);
        await db.Database.MigrateAsync();
        var store = new CatalogStore(connection, db);
        await store.Departments.RegisterAsync(new Department { Code = Provider, Name = "Public security bureau" }, CancellationToken.None);
        await store.Departments.RegisterAsync(new Department { Code = Consumer, Name = "Civil affairs bureau" }, CancellationToken.None);
        return store;
    }

    public static Resource Draft(string code, ShareType shareType = ShareType.Conditional, string service = "exchange.publicsecurity.v1.ResidentService", params string[] methods)
    {
        var resource = new Resource
        {
            Code = code,
            Name = $"Resident records {code}",
            ProviderDepartmentCode = Provider,
            ShareType = shareType,
            GrpcService = service,
            Endpoint = "https://127.0.0.1:7101",
        };
        resource.GrpcMethods.Add(methods.Length == 0 ? ["GetResident"] : methods);
        resource.DataItems.Add(new DataItem { Name = "name", Title = "Name", Type = DataType.String });
        resource.DataItems.Add(new DataItem { Name = "address", Title = "Address", Type = DataType.String });
        return resource;
    }

    /// <summary>Creates and publishes a resource.</summary>
    public async Task<Resource> PublishedAsync(Resource draft)
    {
        await Resources.CreateDraftAsync(draft, CancellationToken.None);
        return await Resources.PublishAsync(draft.Code, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
        _lifetime.StopApplication();
    }

    private sealed class ListedDeliveries(List<Delivery> deliveries) : IDeliveryRecords
    {
        public Task<Delivery?> FindAsync(string consumerDepartmentCode, string resourceCode, string holderId, string requestId, CancellationToken cancellationToken) =>
            Task.FromResult(deliveries.FirstOrDefault(d =>
                d.RequestId == requestId && d.ConsumerDepartmentCode == consumerDepartmentCode && d.ResourceCode == resourceCode && d.HolderId == holderId));
    }

    private sealed class ApplicationLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
