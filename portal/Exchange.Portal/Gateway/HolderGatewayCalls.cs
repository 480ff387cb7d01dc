using Exchange.Client;
using Exchange.ExchangeContext;
using Exchange.Portal.Identity;
using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Exchange.Portal.Gateway;

/// <summary>
/// Calls through the gateway for the signed-in holder: one channel for the process, and per call the holder's own
/// access token (which names the holder and the portal's department) with the portal's case number and purpose.
/// The portal holds no token of its own: it can only ever ask about the holder who signed in.
/// </summary>
public sealed class HolderGatewayCalls : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly PortalOptions _options;

    public HolderGatewayCalls(IOptions<PortalOptions> options, IOptions<TlsOptions> tls)
    {
        _options = options.Value;
        _channel = GrpcChannel.ForAddress(_options.GatewayAddress!, new GrpcChannelOptions
        {
            HttpHandler = ExchangeTrust.CreateHandler(tls.Value.CaPath),
        });
    }

    public CallInvoker Invoker => _channel.CreateCallInvoker();

    /// <summary>Call options for <paramref name="http"/>'s holder; null when the session holds no access token (then sign in again).</summary>
    public async Task<CallOptions?> ForHolderAsync(HttpContext http)
    {
        var token = await http.GetTokenAsync("access_token");
        if (string.IsNullOrEmpty(token))
            return null;
        var headers = new Metadata
        {
            { "authorization", "Bearer " + token },
            { ExchangeMetadata.CaseNumber, ExchangeMetadata.PercentEncode(_options.CaseNumber) },
            { ExchangeMetadata.Purpose, ExchangeMetadata.PercentEncode(_options.Purpose) },
        };
        return new CallOptions(headers, deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: http.RequestAborted);
    }

    public void Dispose() => _channel.Dispose();
}
