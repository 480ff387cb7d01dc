using BenchmarkDotNet.Attributes;
using Exchange.Gateway.Audit;

namespace Exchange.Bench.Micro;

/// <summary>The audit writer hashes every record into the chain (SHA-256 over the canonical encoding) on its single writer thread.</summary>
public class AuditChainBenchmarks
{
    private readonly AuditChain _chain = new();
    private readonly AuditEntry _entry = new(
        TimeMicros: 1_796_083_200_000_000,
        RequestId: Guid.CreateVersion7().ToString("N"),
        Consumer: "CIVIL-AFFAIRS",
        Provider: "PUBLIC-SECURITY",
        Resource: "PS-RESIDENT-BASIC",
        Method: "/exchange.publicsecurity.v1.PopulationService/GetResident",
        HolderId: "330106198812153739",
        DataItems: ["name", "gender", "birth_date", "status"],
        CaseNumber: "BENCH-2026-0001",
        Purpose: "办理婚姻登记核实当事人身份",
        Status: "OK",
        StatusMessage: string.Empty,
        LatencyMicros: 1234);

    private readonly string _previous = new('a', 64);

    [Benchmark]
    public string Hash() => _chain.Hash(_previous, 42, _entry);
}
