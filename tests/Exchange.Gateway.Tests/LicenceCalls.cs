using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Calls to the gateway's licence service as a department system makes them.</summary>
public static class LicenceCalls
{
    public static LicenceService.LicenceServiceClient As(ExchangeCluster cluster, string clientId, string caseNumber = "TEST-2026-000001") =>
        new(cluster.GatewayCallsAs(clientId, caseNumber));

    public static LicenceService.LicenceServiceClient As(ExchangeCluster cluster, ServiceProcess gateway, string clientId) =>
        new(cluster.GatewayCallsAs(gateway, clientId));

    /// <summary>The verification and where the answer came from (x-exchange-cache: hit, miss, joined, bypass).</summary>
    public static async Task<(VerifyResponse Response, string Cache)> VerifyAsync(this LicenceService.LicenceServiceClient client, string number)
    {
        using var call = client.VerifyAsync(new VerifyRequest { LicenceNumber = number });
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        return (response, headers.GetValue("x-exchange-cache") ?? string.Empty);
    }

    public static async Task<(GetResponse Response, string Cache)> GetWithSourceAsync(this LicenceService.LicenceServiceClient client, string number)
    {
        using var call = client.GetAsync(new GetRequest { LicenceNumber = number });
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        return (response, headers.GetValue("x-exchange-cache") ?? string.Empty);
    }

    /// <summary>The holder's first valid licence of the type, or null.</summary>
    public static async Task<Licence?> FirstAsync(this LicenceService.LicenceServiceClient client, string holderId, string typeCode)
    {
        var response = await client.ListByHolderAsync(new ListByHolderRequest { HolderId = holderId });
        return response.Licences.FirstOrDefault(l => l.TypeCode == typeCode);
    }

    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
