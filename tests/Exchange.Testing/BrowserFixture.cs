using Microsoft.Playwright;

namespace Exchange.Testing;

/// <summary>
/// Headless Debian Chromium driven by Playwright, started once per test class. No browser download: it uses
/// the system's /usr/bin/chromium (package chromium; .ci/run installs it with a CJK font so Chinese renders).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where screenshots go: TestResults/screenshots next to the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install chromium fonts-wqy-microhei");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these, Chromium reaches for Google's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task<IPage> NewPageAsync()
    {
        // The services serve certificates of the test run's own CA, which Chromium's store does not hold.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 }, IgnoreHTTPSErrors = true });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
