using Microsoft.Playwright;

namespace Exchange.Testing;

/// <summary>
/// The browser tabs of a fixture, each lent to one test at a time and reused by a later test once its test has ended
/// (<see cref="EndedTestsAttribute"/>). A new browser context is a new renderer process to start and a new V8 heap that
/// compiles axe-core from nothing; a tab reused keeps both, and the test starts it anew on its own page.
/// </summary>
/// <remarks>
/// What a test may have changed is reset before the next one gets the tab: the cookies (all cleared, then the
/// session asked for added), the window size, emulated media, routes, and any other tab the test opened in its context.
/// The page still shows the last test's document until the new test navigates, which every test does first.
/// </remarks>
internal sealed class ReusedPages(Func<int, Task<IPage>> openNewPage)
{
    private readonly List<(IPage Page, string Test)> _lent = [];

    private static string CurrentTest => TestContext.Current.Test?.UniqueID ?? string.Empty;

    public async Task<IPage> LendAsync(int width, BrowserSession? session)
    {
        var page = TakeFreePage();
        if (page is null)
        {
            page = await openNewPage(width);
            if (session is not null)
                await page.Context.AddCookiesAsync(session.Cookies);
            Lend(page);
            return page;
        }
        await ResetAsync(page, width, session);
        return page;
    }

    private IPage? TakeFreePage()
    {
        lock (_lent)
        {
            _lent.RemoveAll(l => l.Page.IsClosed);
            var index = _lent.FindIndex(l => EndedTestsAttribute.HasEnded(l.Test));
            if (index < 0)
                return null;
            var page = _lent[index].Page;
            _lent[index] = (page, CurrentTest);
            return page;
        }
    }

    private void Lend(IPage page)
    {
        lock (_lent)
            _lent.Add((page, CurrentTest));
    }

    private static async Task ResetAsync(IPage page, int width, BrowserSession? session)
    {
        var context = page.Context;
        foreach (var other in context.Pages.Where(p => p != page).ToList())
            await other.CloseAsync();
        await context.UnrouteAllAsync();
        await page.UnrouteAllAsync();
        await context.ClearCookiesAsync();
        if (session is not null)
            await context.AddCookiesAsync(session.Cookies);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Null });
        await page.SetViewportSizeAsync(width, BrowserFixture.HeightFor(width));
        // The phone-width checks would pass vacuously in a desktop-wide window: the width is checked, not assumed.
        var actual = await page.EvaluateAsync<int>("() => window.innerWidth");
        if (actual != width)
            throw new InvalidOperationException($"A reused tab is {actual} px wide after being set to {width} px.");
    }
}
