using System.Security.Cryptography;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Microsoft.Playwright;

namespace Exchange.Gateway.BrowserTests;

/// <summary>One Exchange whose gateway has a civil affairs counter clerk account, with the holders' portal, and headless Chromium.</summary>
public sealed class ClerkPageFixture : IAsyncLifetime
{
    public const string Clerk = "clerk-ca";
    public const string ClerkName = "婚姻登记处一号窗口";

    private readonly BrowserFixture _browser = new();
    private ExchangeCluster? _cluster;

    public string Password { get; } = RandomNumberGenerator.GetHexString(16, lowercase: true);

    public ExchangeCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public Uri PageAddress => new(Cluster.Gateway.WebAddress!, "clerk");

    /// <summary>The gateway's licence service as civil affairs, the issuer of marriage certificates.</summary>
    public LicenceService.LicenceServiceClient CivilAffairs => new(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

    /// <summary>The gateway's audit log as civil affairs, the clerk's department.</summary>
    public Exchange.Protos.Audit.V1.AuditService.AuditServiceClient Audit => new(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

    public Uri PortalAddress => Cluster.Portal!.Address;

    /// <summary>The marriage certificate of couple <paramref name="couple"/> of <see cref="ClerkPageTests.Couples"/>, as its issuer lists it for the husband.</summary>
    public async Task<Licence> MarriageCertificateAsync(int couple)
    {
        var husband = ClerkPageTests.Couples()[couple].Husband;
        var response = await CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = husband });
        return response.Licences.FirstOrDefault(l => l.TypeCode == "MARC") ?? throw new InvalidOperationException($"{husband} should hold a marriage certificate");
    }

    /// <summary>
    /// A phone-sized page signed in to the portal as <paramref name="holderId"/>: the portal sends it to the catalog, the
    /// one-time code comes from the catalog's log (the demo identity service), and it lands on 我的证照.
    /// </summary>
    public async Task<IPage> PortalSignedInAsync(string holderId, string? screenshot = null)
    {
        var page = await NewPageAsync(BrowserFixture.PhoneWidth);
        await page.GotoAsync(PortalAddress.ToString());
        await page.FillAsync("[data-testid=holder-id]", holderId);
        await page.ClickAsync("[data-testid=send-code]");
        await page.WaitForSelectorAsync("[data-testid=code]");
        if (screenshot is not null)
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        await page.FillAsync("[data-testid=code]", await HolderSignIn.CodeFromLogAsync(Cluster.Catalog, holderId));
        await page.ClickAsync("[data-testid=verify-code]");
        await page.WaitForSelectorAsync("[data-testid=licences], [data-testid=no-licences], [data-testid=problem]");
        return page;
    }

    public Task<IPage> NewPageAsync(int width = BrowserFixture.DesktopWidth) => _browser.NewPageAsync(width);

    public const string PublicSecurityReviewer = "reviewer-public-security";

    /// <summary>A page of the catalog's admin UI signed in as the public security reviewer.</summary>
    public async Task<IPage> ReviewerSignedInAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(Cluster.Catalog.WebAddress!, "admin/signin").ToString());
        await page.FillAsync("#UserName", PublicSecurityReviewer);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        return page;
    }

    private BrowserSession? _clerkSession;

    /// <summary>
    /// A page signed in as the clerk, on the lookup form. The first signs in through the form; later tabs get
    /// that session's cookies (an 8-hour session), as a second tab of the same browser would, and open the lookup form
    /// directly: two page loads fewer per test. The first sign-in here is the form's journey in the browser; its refusals
    /// are Exchange.Gateway.UnitTests' Clerk/ClerkPageTests.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(int width = BrowserFixture.DesktopWidth)
    {
        if (_clerkSession is { } session)
        {
            var tab = await _browser.NewPageAsync(width, session);
            await tab.GotoAsync(PageAddress.ToString());
            await tab.WaitForSelectorAsync("[data-testid=query]");
            return tab;
        }
        var page = await NewPageAsync(width);
        await page.GotoAsync(PageAddress.ToString());
        await page.FillAsync("#UserName", Clerk);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=query]");
        _clerkSession = await BrowserSession.OfAsync(page);
        return page;
    }

    public async ValueTask InitializeAsync()
    {
        var gatewaySettings = new Dictionary<string, string>
        {
            [$"Clerk:Accounts:{Clerk}:Password"] = Password,
            [$"Clerk:Accounts:{Clerk}:Department"] = "CIVIL-AFFAIRS",
            [$"Clerk:Accounts:{Clerk}:DisplayName"] = ClerkName,
        };
        // A provider's reviewer in the admin UI, to answer holders' objections in the holder's journey.
        var catalogSettings = new Dictionary<string, string>
        {
            [$"Admin:Accounts:{PublicSecurityReviewer}:Role"] = "department-reviewer",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Department"] = "PUBLIC-SECURITY",
            [$"Admin:Accounts:{PublicSecurityReviewer}:Password"] = Password,
        };
        // Chromium starts while the cluster does: neither needs the other until the first test.
        var browser = _browser.InitializeAsync().AsTask();
        _cluster = await ExchangeCluster.StartAsync(
            new ExchangeClusterOptions { GatewaySettings = gatewaySettings, CatalogSettings = catalogSettings, WithPortal = true }, TestContext.Current.CancellationToken);
        await browser;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}
