using System.Collections.Concurrent;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf;
using Grpc.Core;

namespace Exchange.Resilience.Tests;

/// <summary>
/// Random and mutated requests against every method the gateway serves: each answer is a deliberate gRPC status
/// (never UNKNOWN, INTERNAL or an HTTP 5xx) and the gateway stays up. Deterministic: the inputs come from a fixed seed.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FuzzTests(FaultClusterFixture fixture)
{
    private const int Parallelism = 16;

    private static readonly StatusCode[] ServerFaults = [StatusCode.Unknown, StatusCode.Internal, StatusCode.DataLoss, StatusCode.Unavailable];

    public static TheoryData<string> Methods => [.. Seeds.Keys];

    /// <summary>A valid request per method; the fuzzer mutates it or replaces it with random bytes.</summary>
    private static readonly Dictionary<string, IMessage> Seeds = new()
    {
        ["exchange.publicsecurity.v1.PopulationService/GetResident"] = new GetResidentRequest { CitizenId = "330106198812153739" },
        ["exchange.publicsecurity.v1.PopulationService/VerifyIdentity"] = new VerifyIdentityRequest { CitizenId = "330106198812153739", Name = "郭建平" },
        ["exchange.marketregulation.v1.EnterpriseService/GetEnterprise"] = new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" },
        ["exchange.marketregulation.v1.EnterpriseService/VerifyEnterprise"] = new VerifyEnterpriseRequest { CreditCode = "91330106MALC7YCP9L", Name = "测试" },
        ["exchange.marketregulation.v1.EnterpriseService/GetCreditStatus"] = new GetCreditStatusRequest { CreditCode = "91310115DJ82CHG7TJ" },
        ["exchange.civilaffairs.v1.CivilAffairsService/GetMarriageRecords"] = new GetMarriageRecordsRequest { CitizenId = "330106198812153739" },
        ["exchange.civilaffairs.v1.CivilAffairsService/GetSocialOrganization"] = new GetSocialOrganizationRequest { CreditCode = "51330106MJMXM8CJUB" },
        ["exchange.licence.v1.LicenceService/ListByHolder"] = new ListByHolderRequest { HolderId = "330106198812153739" },
        ["exchange.licence.v1.LicenceService/Get"] = new GetRequest { LicenceNumber = "RIDC11110000000013001700000001X" },
        ["exchange.licence.v1.LicenceService/Verify"] = new VerifyRequest { LicenceNumber = "RIDC11110000000013001700000001X" },
        // A well-formed number nobody issued: a mutation that keeps it intact must not revoke a real licence.
        ["exchange.licence.v1.LicenceService/Revoke"] = new RevokeRequest { LicenceNumber = "MARC11110000000015003U999999990", Reason = "测试" },
        ["exchange.licence.v1.LicenceService/CheckMaterials"] = new CheckMaterialsRequest
        {
            ServiceItemCode = "CA-MARRIAGE-REGISTRATION",
            Applicants = { new Applicant { Role = "applicant", HolderId = "330106198812153739" }, new Applicant { Role = "spouse", HolderId = "330106198812153739" } },
        },
        ["exchange.licence.v1.LicenceService/ListUsage"] = new ListUsageRequest { HolderId = "330106198812153739" },
        ["exchange.licence.v1.LicenceService/GetMaterialStatistics"] = new GetMaterialStatisticsRequest(),
        ["exchange.audit.v1.AuditService/QueryAuditRecords"] = new QueryAuditRecordsRequest { HolderId = "330106198812153739", PageSize = 5 },
    };

    private ExchangeCluster Cluster => fixture.Cluster;

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Random_and_mutated_requests_get_a_deliberate_status_and_never_crash_the_gateway(string method)
    {
        var (service, name) = (method[..method.IndexOf('/')], method[(method.IndexOf('/') + 1)..]);
        var invoker = Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs, "FUZZ-2026-000001", "模糊测试");
        var seed = Seeds[method];
        var statuses = new ConcurrentDictionary<StatusCode, int>();
        var faults = new ConcurrentQueue<string>();
        var kinds = new ConcurrentDictionary<FuzzKind, int>();
        var total = FaultScale.FuzzInputsPerMethod;
        var next = -1;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(FaultScale.Full ? 20 : 2));

        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < total && !bound.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                var input = FuzzInput.For(method, seed, i);
                foreach (var kind in input.Kinds)
                    kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                var status = await CallAsync(invoker, service, name, input.Bytes);
                statuses.AddOrUpdate(status.StatusCode, 1, (_, n) => n + 1);
                if (ServerFaults.Contains(status.StatusCode) || status.Detail.Contains("HTTP status code: 5", StringComparison.Ordinal))
                    faults.Enqueue($"{status.StatusCode} '{status.Detail}' for input {Convert.ToHexString(input.Bytes)}");
            }
        }, bound.Token)));

        var sent = statuses.Values.Sum();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{method}: {sent} inputs (" + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")) + "), "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")) + $", server faults {faults.Count}");
        Assert.Equal(total, sent);
        Assert.True(faults.IsEmpty, string.Join(Environment.NewLine, faults.Take(5)));
        Assert.True(Cluster.Gateway.IsRunning, "the gateway process died");
        // However short the run, every class of input and every kind of mutation reached the method.
        Assert.All(FuzzInput.Expected(seed), kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind} input was sent"));
    }

    private static async Task<Status> CallAsync(CallInvoker invoker, string service, string method, byte[] input)
    {
        try
        {
            await RawGrpcCall.UnaryAsync(invoker, service, method, input);
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
