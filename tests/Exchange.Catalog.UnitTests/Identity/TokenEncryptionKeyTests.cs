using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Exchange.Catalog.Identity;
using Exchange.Catalog.UnitTests.InProcess;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Exchange.Catalog.UnitTests.Identity;

/// <summary>
/// The key the catalog encrypts its authorization codes with is kept in its key directory, not made per process: a code
/// one catalog instance issued is redeemed at another over the same directory and store (several instances, or one
/// restarted between the holder's sign-in and the portal's redemption), once only at any of them, and the key file is
/// the owner's alone.
/// </summary>
public sealed partial class TokenEncryptionKeyTests : IAsyncLifetime
{
    private const string Holder = "11010519491231002X";
    private const string PortalSecret = "portal-secret-of-this-test";
    private static readonly Uri Redirect = new("https://127.0.0.1:1/signin-oidc");

    /// <summary>What the instances share: the key directory and the catalog's store.</summary>
    private readonly string _shared = Directory.CreateTempSubdirectory("exchange-catalog-instances-").FullName;
    private readonly CodeLog _log = new();
    private readonly CatalogHost _firstHost = new();
    private readonly CatalogHost _secondHost = new();
    private WebApplicationFactory<Program> _first = null!;
    private WebApplicationFactory<Program> _second = null!;

    public ValueTask InitializeAsync()
    {
        // One after the other, as a second instance or a restart finds the directory the first left.
        _first = Over(_firstHost);
        _first.StartServer();
        _second = Over(_secondHost);
        _second.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_code_issued_by_one_catalog_is_redeemed_at_another_over_the_same_key_directory()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var code = await AuthorizationCodeAsync(_first, verifier);

        using var token = await RedeemAsync(_second, code, verifier);

        Assert.True(token.IsSuccessStatusCode, $"{(int)token.StatusCode} {await token.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Fact]
    public async Task A_redeemed_code_is_refused_at_every_instance_over_the_same_store()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var code = await AuthorizationCodeAsync(_first, verifier);
        using var first = await RedeemAsync(_second, code, verifier);
        Assert.True(first.IsSuccessStatusCode, $"{(int)first.StatusCode} {await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

        // Replayed where it was issued (or at that instance after a restart), and where it was redeemed.
        foreach (var catalog in new[] { _first, _second })
        {
            using var replayed = await RedeemAsync(catalog, code, verifier);
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
            Assert.Contains("already been used", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_key_is_one_file_readable_by_its_owner_only()
    {
        var key = Path.Combine(_shared, "keys", TokenEncryptionKey.FileName);

        Assert.Equal(32, new FileInfo(key).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    private WebApplicationFactory<Program> Over(CatalogHost host) => host.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Identity:KeyDirectory", Path.Combine(_shared, "keys"));
        builder.UseSetting("ConnectionStrings:Catalog", $"Data Source={Path.Combine(_shared, "catalog.db")}");
        builder.UseSetting($"Identity:Clients:{ExchangeClient.PortalClientId}:Secret", PortalSecret);
        builder.UseSetting($"Identity:Clients:{ExchangeClient.PortalClientId}:RedirectUri", Redirect.ToString());
        builder.ConfigureLogging(logging => logging.AddProvider(_log));
    });

    /// <summary>The portal's authorization request, the holder's sign-in with the one-time code, and the code it leads to.</summary>
    private async Task<string> AuthorizationCodeAsync(WebApplicationFactory<Program> catalog, string verifier)
    {
        using var browser = Browser(catalog);
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={ExchangeClient.PortalClientId}&response_type=code&scope=openid%20exchange.gateway" +
                        $"&redirect_uri={Uri.EscapeDataString(Redirect.ToString())}&code_challenge={challenge}&code_challenge_method=S256&state=s&nonce=n";
        using var toSignIn = await browser.GetAsync(authorize);
        var returnUrl = System.Web.HttpUtility.ParseQueryString((toSignIn.Headers.Location ?? throw Unexpected(toSignIn)).OriginalString.Split('?')[1])["returnUrl"]!;
        using var sent = await browser.PostAsync("/holder/signin?handler=Send", Form(("HolderId", Holder), ("ReturnUrl", returnUrl)));
        sent.EnsureSuccessStatusCode();
        using var verified = await browser.PostAsync("/holder/signin?handler=Verify", Form(("Code", _log.LastCode), ("ReturnUrl", returnUrl)));
        using var toPortal = await browser.GetAsync(verified.Headers.Location ?? throw Unexpected(verified));
        var callback = toPortal.Headers.Location ?? throw Unexpected(toPortal);
        return System.Web.HttpUtility.ParseQueryString(callback.Query)["code"] ?? throw new InvalidOperationException($"no code in {callback}");
    }

    private static async Task<HttpResponseMessage> RedeemAsync(WebApplicationFactory<Program> catalog, string code, string verifier)
    {
        using var portal = Browser(catalog);
        return await portal.PostAsync("/connect/token", Form(
            ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", Redirect.ToString()),
            ("client_id", ExchangeClient.PortalClientId), ("client_secret", PortalSecret)));
    }

    // The token server refuses plain http; the in-memory server takes the scheme from the address.
    private static HttpClient Browser(WebApplicationFactory<Program> catalog) => catalog.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    private static InvalidOperationException Unexpected(HttpResponseMessage response) =>
        new($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without a redirect");

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _secondHost.DisposeAsync();
        await _firstHost.DisposeAsync();
        Directory.Delete(_shared, recursive: true);
    }

    /// <summary>The one-time codes the demo identity service writes to the log, as a holder of the demo reads them.</summary>
    private sealed partial class CodeLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _codes = new();

        public string LastCode => _codes.LastOrDefault() ?? throw new InvalidOperationException("no one-time code was logged");

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var match = Code().Match(formatter(state, exception));
            if (match.Success)
                _codes.Enqueue(match.Groups[1].Value);
        }

        public void Dispose()
        {
        }

        [GeneratedRegex(@"一次性验证码 (\d{6})")]
        private static partial Regex Code();
    }
}
