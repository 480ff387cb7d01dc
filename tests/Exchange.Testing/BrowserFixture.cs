using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Exchange.Testing;

/// <summary>
/// Headless Debian Chromium driven by Playwright, started once per fixture and shared by the tests that run beside each other. No browser download: it uses
/// the system's Chromium headless shell (package chromium-headless-shell; .ci/run installs it with a CJK font so Chinese renders).
/// </summary>
/// <remarks>
/// The headless shell is the same Blink and V8 as the full browser without its user interface layer (Playwright's own
/// default for headless runs): the same layout, screenshots and accessibility tree, for about half the CPU.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where screenshots go: TestResults/screenshots next to the test assembly.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install chromium-headless-shell fonts-wqy-microhei");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these, Chromium reaches for Google's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        _pages = new ReusedPages(OpenNewPageAsync);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>The desktop width the pages are designed at.</summary>
    public const int DesktopWidth = 1280;

    /// <summary>A phone held upright (the narrowest screen the pages must serve without sideways scrolling).</summary>
    public const int PhoneWidth = 390;

    public Task<IPage> NewPageAsync(int width = DesktopWidth) => NewPageAsync(width, session: null);

    /// <summary>
    /// A tab for the current test, <paramref name="width"/> wide, whose context holds the cookies of <paramref name="session"/>
    /// and no others: a tab an earlier test has finished with, reset, or else a new one (<see cref="ReusedPages"/>).
    /// </summary>
    public Task<IPage> NewPageAsync(int width, BrowserSession? session) => Pages.LendAsync(width, session);

    private ReusedPages? _pages;

    private ReusedPages Pages => _pages ?? throw new InvalidOperationException("The browser has not started.");

    private async Task<IPage> OpenNewPageAsync(int width)
    {
        // The services serve certificates of the test run's own CA, which Chromium's store does not hold.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new() { Width = width, Height = HeightFor(width) },
            IgnoreHTTPSErrors = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The window height that goes with <paramref name="width"/>: a phone held upright, or a desktop window.</summary>
    public static int HeightFor(int width) => width < 800 ? 844 : 900;

    // Only violations come back: passed and inapplicable rules would be serialised with every element they looked at.
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>
    /// Runs axe-core (Deque.AxeCore.Playwright) on the page and fails with the rule, its help text and the elements when
    /// any violation is serious or critical.
    /// </summary>
    /// <remarks>
    /// Axe runs in the page itself (RunAxeLegacy): the default run checks each frame apart and then finishes in a new blank
    /// page, with axe injected a second time, which is several seconds more per check on a
    /// loaded machine; the pages tested here have no frames, so both report the same violations.
    /// </remarks>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // Marked obsolete ("being removed in the future"): when it goes, RunAxe reports the same, only slower.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy(options: ViolationsOnly);
#pragma warning restore CS0618
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count > 0)
        {
            var lines = serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
            throw new Xunit.Sdk.XunitException($"Accessibility violations on {name} ({page.Url}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }
    }

    /// <summary>Fails when the page is wider than its window (the user would have to scroll sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string name)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        if (scroll > client)
            throw new Xunit.Sdk.XunitException($"{name} scrolls sideways: {scroll} px of content in a {client} px window.");
    }

    /// <summary>Keeps a full-page screenshot as a test artefact under <see cref="ScreenshotDirectory"/>, and says where in the test log.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
