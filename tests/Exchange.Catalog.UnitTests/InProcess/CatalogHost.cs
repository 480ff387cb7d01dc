using System.Security.Cryptography;
using Exchange.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Exchange.Catalog.UnitTests.InProcess;

/// <summary>
/// The real catalog (its Program: store, seed, identity, admin UI) in this process on a SQLite file of its own, with no
/// port, gateway or adapter: the demo catalog is seeded as on a first start, the admin accounts come from settings, and
/// every gateway address refuses connections. The admin pages are requested over an in-memory HttpClient.
/// </summary>
public sealed class CatalogHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Admin = "admin";
    public const string CivilAffairsReviewer = "reviewer-civil-affairs";
    public const string PublicSecurityReviewer = "reviewer-public-security";
    public const string LockedOutAdmin = "careless-admin";
    public const int MaxFailedSignIns = 3;

    /// <summary>Nothing listens here: the audit and statistics pages name it as a gateway that did not answer.</summary>
    public const string DownGateway = "https://127.0.0.1:1";

    private readonly string _directory = Directory.CreateTempSubdirectory("exchange-catalog-inprocess-").FullName;
    private readonly Dictionary<string, string> _passwords = new[] { Admin, CivilAffairsReviewer, PublicSecurityReviewer, LockedOutAdmin }
        .ToDictionary(name => name, _ => RandomNumberGenerator.GetHexString(16, lowercase: true));

    public string PasswordOf(string account) => _passwords[account];

    /// <summary>Started once, before the tests: their classes run in parallel, and the factory's lazy start is not thread-safe.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Program pins its content root to the assembly's folder; in this process that is the test's.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings())
            builder.UseSetting(key, value);
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(TestPki.SettingsFor(ExchangeService.Catalog))
        {
            // The test's output shows what went wrong, not every request and seeded row.
            ["Logging:LogLevel:Default"] = "Warning",
            ["ConnectionStrings:Catalog"] = $"Data Source={Path.Combine(_directory, "catalog.db")}",
            ["ConnectionStrings:CatalogAdmin"] = $"Data Source={Path.Combine(_directory, "catalog-admin.db")}",
            ["Identity:Issuer"] = "https://127.0.0.1:1/",
            ["Identity:KeyDirectory"] = Path.Combine(_directory, "keys"),
            ["ContextKeys:Directory"] = Path.Combine(_directory, "context-keys"),
            ["Witness:TrustedLogKeysDirectory"] = Path.Combine(_directory, "trusted-log-keys"),
            ["Witness:SigningKeyPath"] = Path.Combine(_directory, "witness.pem"),
            ["Catalog:Seed:Endpoints:PUBLIC-SECURITY"] = "https://127.0.0.1:1",
            ["Catalog:Seed:Endpoints:MARKET-REGULATION"] = "https://127.0.0.1:1",
            ["Catalog:Seed:Endpoints:CIVIL-AFFAIRS"] = "https://127.0.0.1:1",
            ["Admin:GatewayAddress"] = DownGateway,
            ["Admin:Gateways:0"] = DownGateway,
            ["Admin:MaxFailedSignIns"] = MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Admin:Accounts:{Admin}:Role"] = "catalog-admin",
            [$"Admin:Accounts:{LockedOutAdmin}:Role"] = "catalog-admin",
            [$"Admin:Accounts:{CivilAffairsReviewer}:Role"] = "department-reviewer",
            [$"Admin:Accounts:{CivilAffairsReviewer}:Department"] = "CIVIL-AFFAIRS",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Role"] = "department-reviewer",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Department"] = "PUBLIC-SECURITY",
        };
        foreach (var (account, password) in _passwords)
            settings[$"Admin:Accounts:{account}:Password"] = password;
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
