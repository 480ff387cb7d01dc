using System.Buffers;
using System.Collections.Concurrent;
using Exchange.ExchangeContext;
using Exchange.Gateway.Context;
using Exchange.Gateway.Routing;
using Exchange.Protos.Licence.V1;
using Google.Protobuf;
using Exchange.ServiceDefaults.Errors;
using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Calls an issuing adapter's <c>LicenceIssuerService</c> as the gateway does for every provider: with an exchange
/// context bound to the call (subject, request digest, one-time id) naming the requesting department, case and purpose. The gateway asks for whole licences (it
/// must check their signatures) and answers its callers only the items they are granted. Issuer failures become
/// NOT_FOUND, FAILED_PRECONDITION or UNAVAILABLE with the issuer named.
/// </summary>
internal sealed class IssuerClient(
    GatewayContextKeys keys,
    ExchangeContextFactory contexts,
    ContextSubjects subjects,
    IOptions<LicenceOptions> options,
    TransportSecurity tls,
    TimeProvider time) : IIssuerClient, IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout = options.Value.IssuerTimeout;

    public async Task<IReadOnlyList<Licence>> ListAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var request = new ListLicencesRequest { HolderId = holderId };
        var response = await CallAsync(issuer, issuer.ListLicences, request, requester, cancellationToken,
            (client, options) => client.ListLicencesAsync(request, options).ResponseAsync);
        return response.Licences;
    }

    /// <summary>The licence, or null when the issuer has none with that number.</summary>
    public async Task<Licence?> GetAsync(LicenceIssuer issuer, string number, LicenceRequester requester, CancellationToken cancellationToken)
    {
        try
        {
            var request = new GetLicenceRequest { LicenceNumber = number };
            var response = await CallAsync(issuer, issuer.GetLicence, request, requester, cancellationToken,
                (client, options) => client.GetLicenceAsync(request, options).ResponseAsync);
            return response.Licence;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<Licence> RevokeAsync(LicenceIssuer issuer, string number, string reason, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var request = new RevokeLicenceRequest { LicenceNumber = number, Reason = reason };
        var response = await CallAsync(issuer, issuer.RevokeLicence, request, requester, cancellationToken,
            (client, options) => client.RevokeLicenceAsync(request, options).ResponseAsync);
        return response.Licence;
    }

    // The gateway reads whole licences whatever the requester may see (a signature checks only over every field), so the
    // context asks the issuer for every Licence field; the catalog's e-licence items (per licence type) are the gateway's
    // business, applied to its answer.
    private static readonly string[] WholeLicence = [.. Licence.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name)];

    private async Task<TResponse> CallAsync<TResponse>(
        LicenceIssuer issuer,
        PublishedMethod method,
        IMessage request,
        LicenceRequester requester,
        CancellationToken cancellationToken,
        Func<LicenceIssuerService.LicenceIssuerServiceClient, CallOptions, Task<TResponse>> call)
    {
        var client = new LicenceIssuerService.LicenceIssuerServiceClient(Channel(issuer.Endpoint));
        // Bound to the request as grpc-dotnet will serialise it: the same message writes the same bytes.
        var message = request.ToByteArray();
        var context = contexts.Create(method, requester.RequestId, requester.Department, WholeLicence, requester.CaseNumber, requester.Purpose,
            subjects.Read(method.Path, new ReadOnlySequence<byte>(message)) ?? [], RequestDigest.Of(message));
        var headers = new Metadata { { ExchangeMetadata.Context, await keys.SealAsync(context, cancellationToken) } };
        var callOptions = new CallOptions(headers, time.GetUtcNow().UtcDateTime + _timeout, cancellationToken);
        try
        {
            return await call(client, callOptions);
        }
        catch (RpcException ex)
        {
            throw ex.StatusCode switch
            {
                StatusCode.NotFound => new NotFoundException(ex.Status.Detail),
                StatusCode.InvalidArgument => new InvalidFieldException("request", $"was refused by {issuer.Department}: {ex.Status.Detail}"),
                StatusCode.FailedPrecondition => new PreconditionFailedException(ex.Status.Detail, [ex.Status.Detail]),
                StatusCode.Cancelled when cancellationToken.IsCancellationRequested => new OperationCanceledException(cancellationToken),
                StatusCode.DeadlineExceeded => new UnavailableException($"{issuer.Department} did not answer within {_timeout.TotalSeconds:0.#} s; try again shortly."),
                StatusCode.Unavailable => new UnavailableException($"{issuer.Department} is not reachable ({ex.Status.Detail}); try again shortly."),
                _ => new UnavailableException($"{issuer.Department} could not answer: {ex.StatusCode} {ex.Status.Detail}"),
            };
        }
    }

    // Mutual TLS like every provider hop: the issuer accepts only the gateway's client certificate.
    private GrpcChannel Channel(string endpoint) => _channels.GetOrAdd(endpoint, address => GrpcChannel.ForAddress(
        tls.RequireSecure(new Uri(address), "the issuer's endpoint in the catalog"), new GrpcChannelOptions
    {
        HttpHandler = tls.Secure(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        }),
    }));

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
    }
}
