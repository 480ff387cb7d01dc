using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Exchange.Bench.Load;

/// <summary>
/// One unary method the benchmark calls, with a fixed request, and what a gateway would put in the exchange
/// context for it (provider, resource, the data items the benchmark's consumer is granted).
/// </summary>
internal sealed class BenchCall
{
    private BenchCall(
        string name, string service, string method, string provider, string resource, string[] dataItems,
        IMessage request, Func<CallInvoker, Metadata, DateTime, Task<int>> invoke)
    {
        Name = name;
        Path = $"/{service}/{method}";
        Provider = provider;
        Resource = resource;
        DataItems = dataItems;
        Request = request;
        Invoke = invoke;
    }

    public string Name { get; }

    /// <summary>The HTTP/2 :path of the call, <c>/{service}/{method}</c>.</summary>
    public string Path { get; }

    public string Provider { get; }

    public string Resource { get; }

    public string[] DataItems { get; }

    public IMessage Request { get; }

    /// <summary>Calls the method; returns the serialised size of the response message.</summary>
    public Func<CallInvoker, Metadata, DateTime, Task<int>> Invoke { get; }

    /// <summary>The request as a gRPC length-prefixed message (1 byte "not compressed", 4 bytes big-endian length), as h2load sends it.</summary>
    public byte[] FramedRequest()
    {
        var message = Request.ToByteArray();
        var framed = new byte[5 + message.Length];
        framed[0] = 0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed.AsSpan(5));
        return framed;
    }

    /// <summary>GetResident of a seeded resident as civil affairs: the four items of civil affairs' seeded grant (small answer).</summary>
    public static BenchCall Resident { get; } = CreateResident();

    /// <summary>GetEnterprise of a seeded enterprise (unconditional: every item, with the business scope) — the largest unary answer the adapters have.</summary>
    public static BenchCall Enterprise { get; } = CreateEnterprise();

    public static BenchCall ByName(string name) => name switch
    {
        "resident" => Resident,
        "enterprise" => Enterprise,
        _ when name.StartsWith("verify:", StringComparison.Ordinal) => Verify(name["verify:".Length..]),
        _ when name.StartsWith("holder:", StringComparison.Ordinal) => ListByHolder(name["holder:".Length..]),
        _ => throw new ArgumentException($"unknown method '{name}' (resident, enterprise, verify:<licence number>, holder:<holder id>)"),
    };

    /// <summary>LicenceService.Verify of one licence number through the gateway (token auth only: it is the gateway's own service).</summary>
    public static BenchCall Verify(string licenceNumber)
    {
        var request = new VerifyRequest { LicenceNumber = licenceNumber };
        return new BenchCall(
            "verify", "exchange.licence.v1.LicenceService", "Verify", string.Empty, string.Empty, [], request,
            async (invoker, headers, deadline) =>
            {
                var response = await new LicenceService.LicenceServiceClient(invoker).VerifyAsync(request, headers, deadline);
                return response.CalculateSize();
            });
    }

    /// <summary>LicenceService.ListByHolder of one holder through the gateway: every issuer asked, or the cache.</summary>
    public static BenchCall ListByHolder(string holderId)
    {
        var request = new ListByHolderRequest { HolderId = holderId };
        return new BenchCall(
            "holder", "exchange.licence.v1.LicenceService", "ListByHolder", string.Empty, string.Empty, [], request,
            async (invoker, headers, deadline) =>
            {
                var response = await new LicenceService.LicenceServiceClient(invoker).ListByHolderAsync(request, headers, deadline);
                return response.CalculateSize();
            });
    }

    private static BenchCall CreateResident()
    {
        var request = new GetResidentRequest { CitizenId = "330106198812153739" };
        return new BenchCall(
            "resident", "exchange.publicsecurity.v1.PopulationService", "GetResident", "PUBLIC-SECURITY", "PS-RESIDENT-BASIC",
            ["name", "gender", "birth_date", "status"], request,
            async (invoker, headers, deadline) =>
            {
                var response = await new PopulationService.PopulationServiceClient(invoker).GetResidentAsync(request, headers, deadline);
                return response.CalculateSize();
            });
    }

    private static BenchCall CreateEnterprise()
    {
        var request = new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" };
        return new BenchCall(
            "enterprise", "exchange.marketregulation.v1.EnterpriseService", "GetEnterprise", "MARKET-REGULATION", "MR-ENTERPRISE-BASIC",
            ["credit_code", "name", "type", "legal_representative_name", "legal_representative_citizen_id", "registered_capital_yuan",
             "established_date", "address", "business_scope", "status", "registration_authority", "match"],
            request,
            async (invoker, headers, deadline) =>
            {
                var response = await new EnterpriseService.EnterpriseServiceClient(invoker).GetEnterpriseAsync(request, headers, deadline);
                return response.CalculateSize();
            });
    }
}
