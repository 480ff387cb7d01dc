using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exchange.Testing;

/// <summary>
/// A holder's sign-in as the portal does it, without a browser: the authorization code flow with PKCE against the
/// cluster's catalog, the one-time code read from the catalog's log (the demo identity service), the code redeemed
/// with the portal's secret. For tests of what a holder's token may do at the gateway.
/// </summary>
public static partial class HolderSignIn
{
    /// <summary>The one-time code the demo identity service wrote to the catalog's log for <paramref name="holderId"/>, the newest one.</summary>
    public static async Task<string> CodeFromLogAsync(ServiceProcess catalog, string holderId, int skip = 0)
    {
        string? code = null;
        // The catalog's log reaches the test through its standard output: later, on a machine at load 30.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60), () =>
        {
            code = catalog.LogLines.Reverse().Select(line => CodeLine().Match(line))
                .Where(m => m.Success && m.Groups["holder"].Value == holderId).Skip(skip).Select(m => m.Groups["code"].Value).FirstOrDefault();
            return Task.FromResult(code is not null);
        }, $"the catalog logs a one-time code for {holderId}");
        return code!;
    }

    /// <summary>Signs <paramref name="holderId"/> in and returns the portal's token response (access_token, id_token) and the code it redeemed.</summary>
    public static async Task<(JsonElement Tokens, string AuthorizationCode, string Verifier)> SignInAsync(ExchangeCluster cluster, string holderId)
    {
        var catalog = cluster.Catalog.WebAddress!;
        var redirect = new Uri($"https://127.0.0.1:{cluster.PortalPort}/signin-oidc");
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var handler = TestPki.CreateHandler();
        handler.AllowAutoRedirect = false;
        handler.CookieContainer = new CookieContainer();
        handler.UseCookies = true;
        using var http = new HttpClient(handler) { BaseAddress = catalog };

        var authorize = $"/connect/authorize?client_id={ExchangeClients.Portal}&response_type=code&scope=openid%20exchange.gateway" +
                        $"&redirect_uri={Uri.EscapeDataString(redirect.ToString())}&code_challenge={challenge}&code_challenge_method=S256&state=t&nonce=n";
        var toSignIn = await http.GetAsync(authorize);
        var signIn = toSignIn.Headers.Location ?? throw new InvalidOperationException($"authorize answered {toSignIn.StatusCode}: {await toSignIn.Content.ReadAsStringAsync()}");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(new Uri(catalog, signIn).Query)["returnUrl"]!;
        var send = await http.PostAsync($"/holder/signin?handler=Send", Form(("HolderId", holderId), ("ReturnUrl", returnUrl)));
        send.EnsureSuccessStatusCode();
        var oneTime = await CodeFromLogAsync(cluster.Catalog, holderId);
        var verified = await http.PostAsync($"/holder/signin?handler=Verify", Form(("Code", oneTime), ("ReturnUrl", returnUrl)));
        var back = verified.Headers.Location ?? throw new InvalidOperationException($"verify answered {verified.StatusCode}");
        var toPortal = await http.GetAsync(back);
        var callback = toPortal.Headers.Location ?? throw new InvalidOperationException($"authorize answered {toPortal.StatusCode}: {await toPortal.Content.ReadAsStringAsync()}");
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"] ?? throw new InvalidOperationException($"no code in {callback}");
        var (tokens, refusal) = await TryRedeemAsync(cluster, code, verifier);
        return (tokens ?? throw new InvalidOperationException($"the fresh code was refused: {refusal}{Environment.NewLine}{cluster.Catalog.RecentLog}"), code, verifier);
    }

    /// <summary>Redeems an authorization code as the portal; null when the catalog refuses it.</summary>
    public static async Task<JsonElement?> RedeemAsync(ExchangeCluster cluster, string code, string verifier) =>
        (await TryRedeemAsync(cluster, code, verifier)).Tokens;

    private static async Task<(JsonElement? Tokens, string Refusal)> TryRedeemAsync(ExchangeCluster cluster, string code, string verifier)
    {
        using var http = new HttpClient(TestPki.CreateHandler());
        var response = await http.PostAsync(cluster.TokenEndpoint, Form(
            ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier),
            ("redirect_uri", $"https://127.0.0.1:{cluster.PortalPort}/signin-oidc"),
            ("client_id", ExchangeClients.Portal), ("client_secret", cluster.SecretOf(ExchangeClients.Portal))));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? (JsonDocument.Parse(body).RootElement.Clone(), string.Empty) : (null, $"{(int)response.StatusCode} {body}");
    }

    /// <summary>Calls through the gateway with a holder's access token, as the portal makes them (its case number and purpose).</summary>
    public static Grpc.Core.CallInvoker GatewayCalls(ExchangeCluster cluster, string accessToken)
    {
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress(cluster.Gateway.Address, new Grpc.Net.Client.GrpcChannelOptions
        {
            HttpHandler = TestPki.CreateHandler(),
            Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.SecureSsl, Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + accessToken);
                return Task.CompletedTask;
            })),
        });
        return Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(), new CaseMetadataInterceptor("PORTAL-本人查询", "持证人本人查询"));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"(?<holder>[0-9A-Z]{18}) 的一次性验证码 (?<code>\d{6})")]
    private static partial Regex CodeLine();
}
