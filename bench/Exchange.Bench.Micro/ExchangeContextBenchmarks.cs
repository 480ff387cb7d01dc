using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Exchange.ExchangeContext;
using Google.Protobuf.WellKnownTypes;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Bench.Micro;

/// <summary>The gateway signs one exchange context per call; the adapter verifies it. ECDSA P-256 over the serialised context.</summary>
public class ExchangeContextBenchmarks
{
    private const string Method = "/exchange.publicsecurity.v1.PopulationService/GetResident";
    private ExchangeContextSigner _signer = null!;
    private ExchangeContextVerifier _verifier = null!;
    private GatewayContext _context = null!;
    private byte[] _signed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signer = new ExchangeContextSigner(key);
        var trusted = new Dictionary<string, ECDsa> { [_signer.KeyId] = key };
        _verifier = new ExchangeContextVerifier(() => trusted, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        _context = new GatewayContext
        {
            RequestId = Guid.CreateVersion7().ToString("N"),
            ConsumerDepartmentCode = "CIVIL-AFFAIRS",
            ProviderDepartmentCode = "PUBLIC-SECURITY",
            ResourceCode = "PS-RESIDENT-BASIC",
            ResourceVersion = 1,
            Method = Method,
            DataItems = { "name", "gender", "birth_date", "status" },
            CaseNumber = "BENCH-2026-0001",
            Purpose = ExchangeMetadata.PercentEncode("办理婚姻登记核实当事人身份"),
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now.AddHours(1)),
        };
        _signed = _signer.Sign(_context);
        if (!_verifier.Verify(_signed, Method).IsValid)
            throw new InvalidOperationException("the benchmark context does not verify");
    }

    [Benchmark]
    public int Sign() => _signer.Sign(_context).Length;

    /// <summary>What the gateway puts in the header: the signed context, base64.</summary>
    [Benchmark]
    public int SignAndEncodeHeader() => Convert.ToBase64String(_signer.Sign(_context)).Length;

    [Benchmark]
    public bool Verify() => _verifier.Verify(_signed, Method).IsValid;
}
