using System.Security.Cryptography;
using Exchange.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace Exchange.Testing;

/// <summary>
/// The seeded OAuth2 clients as tests use them: a random secret each (handed to the catalog), one token provider
/// per client and scope, and one authenticated channel per service, client and scope, as a department system keeps.
/// </summary>
public sealed class TestClients(Func<Uri> tokenEndpoint) : IDisposable
{
    private readonly Dictionary<string, string> _secrets =
        ExchangeClients.All.ToDictionary(id => id, _ => RandomNumberGenerator.GetHexString(32, lowercase: true));
    private readonly Dictionary<(string, string), ExchangeTokenProvider> _tokens = [];
    private readonly Dictionary<(Uri, string, string, ServiceConfig?), GrpcChannel> _channels = [];

    /// <summary>HTTP as a department system: trusting the exchange CA of the test run, no client certificate.</summary>
    public HttpClient Http { get; } = new(TestPki.CreateHandler());

    public string SecretOf(string clientId) => _secrets[clientId];

    /// <summary>Catalog settings that create every seeded client with its secret.</summary>
    public IEnumerable<KeyValuePair<string, string>> CatalogSettings() =>
        _secrets.Select(s => KeyValuePair.Create($"Identity:Clients:{s.Key}:Secret", s.Value));

    public ExchangeTokenProvider Tokens(string clientId, string scope)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue((clientId, scope), out var provider))
            {
                provider = new ExchangeTokenProvider(Http, new ExchangeClientOptions
                {
                    TokenEndpoint = tokenEndpoint(),
                    ClientId = clientId,
                    ClientSecret = _secrets[clientId],
                    Scope = scope,
                });
                _tokens[(clientId, scope)] = provider;
            }
            return provider;
        }
    }

    /// <summary>Calls to a service carrying the client's current token for the scope; with <paramref name="serviceConfig"/>, a channel of its own using it (retries).</summary>
    public CallInvoker CallsAs(Uri service, string clientId, string scope, ServiceConfig? serviceConfig = null)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue((service, clientId, scope, serviceConfig), out var channel))
            {
                channel = GrpcChannel.ForAddress(service, new GrpcChannelOptions
                {
                    HttpHandler = TestPki.CreateHandler(),
                    Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, ExchangeCallCredentials.FromTokenProvider(Tokens(clientId, scope))),
                    ServiceConfig = serviceConfig,
                });
                _channels[(service, clientId, scope, serviceConfig)] = channel;
            }
            return channel.CreateCallInvoker();
        }
    }

    public void Dispose()
    {
        lock (_channels)
        {
            foreach (var channel in _channels.Values)
                channel.Dispose();
            _channels.Clear();
        }
        Http.Dispose();
    }
}
