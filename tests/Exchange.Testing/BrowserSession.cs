using Microsoft.Playwright;

namespace Exchange.Testing;

/// <summary>The cookies of a signed-in browser session, to start later tabs with (<see cref="BrowserFixture.NewPageAsync(int, BrowserSession?)"/>).</summary>
public sealed class BrowserSession
{
    private BrowserSession(IReadOnlyList<Cookie> cookies) => Cookies = cookies;

    public IReadOnlyList<Cookie> Cookies { get; }

    /// <summary>The cookies <paramref name="page"/>'s context holds now.</summary>
    public static async Task<BrowserSession> OfAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        return new BrowserSession(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }).ToList());
    }
}
