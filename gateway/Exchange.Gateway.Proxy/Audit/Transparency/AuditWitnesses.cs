using Exchange.Client;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Identity;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Tls;
using Exchange.Transparency;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>One witness of this log: the catalog or another gateway instance.</summary>
internal sealed record AuditWitness(string Name, Uri Address, WitnessService.WitnessServiceClient Client, CallCredentials? Credentials);

/// <summary>What one witness holds for a log, or why it could not be asked.</summary>
internal sealed record WitnessAnswer(AuditWitness Witness, Protos.Audit.V1.WitnessedCheckpoint? Held, string Error)
{
    public bool Answered => Error.Length == 0;
}

/// <summary>
/// The witnesses this gateway submits its checkpoints to and verifies against: the catalog (with the gateway's own
/// client token, role gateway) unless <c>Audit:WitnessCatalog</c> is false, and every <c>Audit:Witnesses:&lt;n&gt;</c>
/// peer. One channel per peer, reused.
/// </summary>
internal sealed class AuditWitnesses : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly TimeSpan _timeout;

    public AuditWitnesses(IOptions<AuditOptions> audit, IOptions<CatalogOptions> catalog, IOptions<IdentityOptions> identity, CatalogChannel catalogChannel, IHttpClientFactory httpClients, TransportSecurity tls)
    {
        _timeout = audit.Value.WitnessTimeout;
        var all = new List<AuditWitness>();
        if (audit.Value.WitnessCatalog)
        {
            CallCredentials? credentials = null;
            if (!string.IsNullOrEmpty(catalog.Value.ClientSecret))
            {
                var tokens = new ExchangeTokenProvider(httpClients.CreateClient(nameof(AuditWitnesses)), new ExchangeClientOptions
                {
                    TokenEndpoint = identity.Value.TokenEndpoint,
                    ClientId = catalog.Value.ClientId,
                    ClientSecret = catalog.Value.ClientSecret,
                    Scope = ExchangeScopes.Catalog,
                });
                credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
            }
            all.Add(new AuditWitness("catalog", catalog.Value.Address, new WitnessService.WitnessServiceClient(catalogChannel.Channel), credentials));
        }
        foreach (var address in audit.Value.Witnesses)
        {
            var channel = GrpcChannel.ForAddress(tls.RequireSecure(address, "Audit:Witnesses"),
                new GrpcChannelOptions { HttpHandler = tls.Secure(new SocketsHttpHandler { ConnectTimeout = _timeout }) });
            _channels.Add(channel);
            all.Add(new AuditWitness($"gateway {address.Authority}", address, new WitnessService.WitnessServiceClient(channel), null));
        }
        All = all;
    }

    /// <summary>Witnesses given as they are, for the in-process tests' witness (DI uses the public constructor).</summary>
    internal AuditWitnesses(IReadOnlyList<AuditWitness> all, TimeSpan timeout)
    {
        All = all;
        _timeout = timeout;
    }

    public IReadOnlyList<AuditWitness> All { get; }

    public CallOptions Options(AuditWitness witness, CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + _timeout, credentials: witness.Credentials, cancellationToken: cancellationToken);

    /// <summary>What every witness holds for <paramref name="logId"/>, asked at once.</summary>
    public async Task<WitnessAnswer[]> AskAllAsync(string logId, CancellationToken cancellationToken) =>
        await Task.WhenAll(All.Select(w => AskAsync(w, logId, cancellationToken)));

    public async Task<WitnessAnswer> AskAsync(AuditWitness witness, string logId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await witness.Client.GetWitnessedCheckpointAsync(new GetWitnessedCheckpointRequest { LogId = logId }, Options(witness, cancellationToken));
            return new WitnessAnswer(witness, response.Witnessed, "");
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return new WitnessAnswer(witness, null, "");
        }
        catch (RpcException ex)
        {
            return new WitnessAnswer(witness, null, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
        catch (ExchangeTokenException ex)
        {
            return new WitnessAnswer(witness, null, $"no token for the catalog: {ex.Message}");
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
            channel.Dispose();
    }
}
