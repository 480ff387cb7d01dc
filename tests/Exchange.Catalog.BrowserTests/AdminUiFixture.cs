using System.Security.Cryptography;
using Exchange.Testing;
using Microsoft.Playwright;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// One Exchange with admin accounts configured, and headless Chromium.
/// </summary>
public sealed class AdminUiFixture : IAsyncLifetime
{
    public const string Admin = "admin";
    public const string CivilAffairsReviewer = "reviewer-civil-affairs";
    public const string PublicSecurityReviewer = "reviewer-public-security";

    private readonly Dictionary<string, string> _passwords = new[] { Admin, CivilAffairsReviewer, PublicSecurityReviewer }
        .ToDictionary(name => name, _ => RandomNumberGenerator.GetHexString(16, lowercase: true));
    private readonly BrowserFixture _browser = new();
    private ExchangeCluster? _cluster;

    public ExchangeCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>A second gateway instance of the statistics page that never answers (nothing listens on its port).</summary>
    public Uri DownGateway { get; } = new($"https://127.0.0.1:{LoopbackPort.Next()}");

    /// <summary>The gateway the audit page reads; calls meant to show up on that page go through it.</summary>
    public ServiceProcess AuditGateway => Cluster.Gateway;

    public Uri AdminAddress => new(Cluster.Catalog.WebAddress!, "admin/");

    public string PasswordOf(string account) => _passwords[account];

    public Task<IPage> NewPageAsync(int width = BrowserFixture.DesktopWidth) => _browser.NewPageAsync(width);

    /// <summary>A tab whose context holds the cookies of a session that is already signed in.</summary>
    public Task<IPage> NewPageAsync(int width, BrowserSession session) => _browser.NewPageAsync(width, session);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BrowserSession> _sessions = new();

    /// <summary>The cookies of a session <paramref name="account"/> signed in with through the form, if one did.</summary>
    public BrowserSession? SessionOf(string account) => _sessions.GetValueOrDefault(account);

    public void KeepSession(string account, BrowserSession session) => _sessions.TryAdd(account, session);

    public async ValueTask InitializeAsync()
    {
        var catalogSettings = new Dictionary<string, string>
        {
            [$"Admin:Accounts:{Admin}:Role"] = "catalog-admin",
            [$"Admin:Accounts:{CivilAffairsReviewer}:Role"] = "department-reviewer",
            [$"Admin:Accounts:{CivilAffairsReviewer}:Department"] = "CIVIL-AFFAIRS",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Role"] = "department-reviewer",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Department"] = "PUBLIC-SECURITY",
            ["Admin:Gateways:1"] = DownGateway.ToString(),
        };
        foreach (var (account, password) in _passwords)
            catalogSettings[$"Admin:Accounts:{account}:Password"] = password;

        var cancellationToken = TestContext.Current.CancellationToken;
        // Chromium starts while the cluster does: neither needs the other until the first test.
        var browser = _browser.InitializeAsync().AsTask();
        _cluster = await ExchangeCluster.StartAsync(new ExchangeClusterOptions { CatalogSettings = catalogSettings }, cancellationToken);
        await browser;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}
