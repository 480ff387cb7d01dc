using System.Buffers;
using System.Collections.Concurrent;
using Exchange.ExchangeContext;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Context;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Routing;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.ServiceDefaults.Tls;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences.Facts;

/// <summary>
/// Reads the facts of material checks from the providers exactly as a data call through the gateway would: the handling
/// department's grant decides whether it may read the resource and which items, the exchange context carries the case,
/// purpose and subject, and the provider returns only the granted items. No grant, no fact: the rule says it could not check.
/// Every read that reached the grant decision is recorded (<see cref="IFactReadRecorder"/>) with its holder before the
/// rule sees the fact, so a holder's usage shows each reading, refused ones included.
/// </summary>
internal sealed class ProviderFacts(
    CatalogState catalog,
    GrantAuthorizer grants,
    GatewayContextKeys keys,
    ExchangeContextFactory contexts,
    ContextSubjects subjects,
    IOptions<LicenceOptions> options,
    TransportSecurity tls,
    IFactReadRecorder recorder,
    TimeProvider time) : IFactSources, IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    /// <summary>A fact source for one check, remembering what it read.</summary>
    public IFactSource For(LicenceRequester requester) => new CheckFacts(this, requester);

    internal async Task<SharedFact<T>> ReadAsync<TResponse, T>(
        string resourceCode,
        string methodName,
        string holderId,
        IMessage request,
        LicenceRequester requester,
        Func<GrpcChannel, CallOptions, Task<TResponse>> call,
        Func<TResponse, T?> pick,
        CancellationToken cancellationToken) where T : class
    {
        if (catalog.Current?.ResourcesByCode.GetValueOrDefault(resourceCode) is not { } resource)
            return SharedFact<T>.Unread(resourceCode, string.Empty, $"数据资源 {resourceCode} 未在资源目录中发布");
        var department = resource.ProviderDepartmentCode;
        var method = new PublishedMethod(resource.GrpcService, methodName, resource, resource.Endpoint);
        var started = time.GetUtcNow();
        var decision = grants.Decide(requester.Department, method);
        if (!decision.Allowed)
        {
            var why = $"{requester.Department} 无权使用 {resourceCode}（{resource.Name}）：{decision.Denial}";
            await RecordAsync(requester, method, holderId, [], StatusCode.PermissionDenied, decision.Denial, started);
            return SharedFact<T>.Unread(resourceCode, department, why);
        }

        var message = request.ToByteArray();
        var context = contexts.Create(method, requester.RequestId, requester.Department, decision.DataItems, requester.CaseNumber, requester.Purpose,
            subjects.Read(method.Path, new ReadOnlySequence<byte>(message)) ?? [], RequestDigest.Of(message));
        var headers = new Metadata { { ExchangeMetadata.Context, await keys.SealAsync(context, cancellationToken) } };
        var callOptions = new CallOptions(headers, time.GetUtcNow().UtcDateTime + options.Value.IssuerTimeout, cancellationToken);
        SharedFact<T> fact;
        StatusCode status;
        var detail = string.Empty;
        try
        {
            fact = SharedFact<T>.Of(pick(await call(Channel(resource.Endpoint), callOptions)), resourceCode, department);
            status = StatusCode.OK;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            fact = SharedFact<T>.Of(null, resourceCode, department);
            (status, detail) = (ex.StatusCode, ex.Status.Detail);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            fact = SharedFact<T>.Unread(resourceCode, department, $"{department} 未能答复（{ex.StatusCode}：{ex.Status.Detail}），可稍后重新核验");
            (status, detail) = (ex.StatusCode, ex.Status.Detail);
        }
        await RecordAsync(requester, method, holderId, status == StatusCode.OK ? decision.DataItems : [], status, detail, started);
        return fact;
    }

    private Task RecordAsync(
        LicenceRequester requester, PublishedMethod method, string holderId, IReadOnlyList<string> items, StatusCode status, string detail, DateTimeOffset started) =>
        recorder.RecordAsync(new FactRead(requester, method.Resource.ProviderDepartmentCode, method.Resource.Code, method.Path, holderId,
            items, status, detail, started, time.GetUtcNow() - started));

    // Mutual TLS like every provider hop: the provider accepts only the gateway's client certificate.
    private GrpcChannel Channel(string endpoint) => _channels.GetOrAdd(endpoint, address => GrpcChannel.ForAddress(
        tls.RequireSecure(new Uri(address), "the provider's endpoint in the catalog"), new GrpcChannelOptions
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

    private sealed class CheckFacts(ProviderFacts reader, LicenceRequester requester) : IFactSource
    {
        private readonly ConcurrentDictionary<string, Task<object>> _read = new(StringComparer.Ordinal);

        public Task<SharedFact<Resident>> ResidentAsync(string citizenId, CancellationToken cancellationToken) =>
            Once($"resident:{citizenId}", () => reader.ReadAsync<GetResidentResponse, Resident>(
                SharedResources.Residents, "GetResident", citizenId, new GetResidentRequest { CitizenId = citizenId }, requester,
                (channel, options) => new PopulationService.PopulationServiceClient(channel).GetResidentAsync(new GetResidentRequest { CitizenId = citizenId }, options).ResponseAsync,
                r => r.Resident, cancellationToken));

        public Task<SharedFact<IReadOnlyList<MarriageRecord>>> MarriageRecordsAsync(string citizenId, CancellationToken cancellationToken) =>
            Once($"marriage:{citizenId}", () => reader.ReadAsync<GetMarriageRecordsResponse, IReadOnlyList<MarriageRecord>>(
                SharedResources.MarriageRecords, "GetMarriageRecords", citizenId, new GetMarriageRecordsRequest { CitizenId = citizenId }, requester,
                (channel, options) => new CivilAffairsService.CivilAffairsServiceClient(channel).GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = citizenId }, options).ResponseAsync,
                r => r.Records, cancellationToken));

        public Task<SharedFact<IReadOnlyList<Enterprise>>> RepresentedEnterprisesAsync(string citizenId, CancellationToken cancellationToken) =>
            Once($"represented:{citizenId}", () => reader.ReadAsync<ListEnterprisesByRepresentativeResponse, IReadOnlyList<Enterprise>>(
                SharedResources.RepresentedEnterprises, "ListEnterprisesByRepresentative", citizenId, new ListEnterprisesByRepresentativeRequest { CitizenId = citizenId }, requester,
                (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel).ListEnterprisesByRepresentativeAsync(new ListEnterprisesByRepresentativeRequest { CitizenId = citizenId }, options).ResponseAsync,
                r => r.Enterprises, cancellationToken));

        public Task<SharedFact<GetCreditStatusResponse>> CreditStatusAsync(string creditCode, CancellationToken cancellationToken) =>
            Once($"credit:{creditCode}", () => reader.ReadAsync<GetCreditStatusResponse, GetCreditStatusResponse>(
                SharedResources.CreditStatus, "GetCreditStatus", creditCode, new GetCreditStatusRequest { CreditCode = creditCode }, requester,
                (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel).GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = creditCode }, options).ResponseAsync,
                r => r, cancellationToken));

        public Task<SharedFact<Enterprise>> EnterpriseAsync(string creditCode, CancellationToken cancellationToken) =>
            Once($"enterprise:{creditCode}", () => reader.ReadAsync<GetEnterpriseResponse, Enterprise>(
                SharedResources.EnterpriseBasic, "GetEnterprise", creditCode, new GetEnterpriseRequest { CreditCode = creditCode }, requester,
                (channel, options) => new EnterpriseService.EnterpriseServiceClient(channel).GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = creditCode }, options).ResponseAsync,
                r => r.Enterprise, cancellationToken));

        public Task<SharedFact<SocialOrganization>> SocialOrganizationAsync(string creditCode, CancellationToken cancellationToken) =>
            Once($"organisation:{creditCode}", () => reader.ReadAsync<GetSocialOrganizationResponse, SocialOrganization>(
                SharedResources.SocialOrganizations, "GetSocialOrganization", creditCode, new GetSocialOrganizationRequest { CreditCode = creditCode }, requester,
                (channel, options) => new CivilAffairsService.CivilAffairsServiceClient(channel).GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = creditCode }, options).ResponseAsync,
                r => r.SocialOrganization, cancellationToken));

        private async Task<SharedFact<T>> Once<T>(string key, Func<Task<SharedFact<T>>> read) where T : class =>
            (SharedFact<T>)await _read.GetOrAdd(key, async _ => await read());
    }
}
