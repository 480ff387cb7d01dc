using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Exchange.ExchangeContext;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Bench.Micro;

/// <summary>
/// The exchange context per call: the gateway binds it to the request (subject, SHA-256 digest, one-time id) and seals
/// it; the adapter verifies it before parsing. Today HMAC-SHA256 with the provider's key; <c>EcdsaSign</c> and
/// <c>EcdsaVerify</c> measure the ECDSA P-256 signature it replaced, over the same context bytes, for comparison.
/// </summary>
public class ExchangeContextBenchmarks
{
    private const string Method = "/exchange.publicsecurity.v1.PopulationService/GetResident";
    private readonly ContextKey _key = new("PUBLIC-SECURITY", "PUBLIC-SECURITY.bench", RandomNumberGenerator.GetBytes(32), true, null);
    private readonly ContextSubjects _subjects = ContextSubjects.FromContracts();
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private ExchangeContextVerifier _verifier = null!;
    private GatewayContext _context = null!;
    private byte[] _request = null!;
    private byte[] _contextBytes = null!;
    private byte[] _ecdsaSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = new GetResidentRequest { CitizenId = "330106198812153739" }.ToByteArray();
        // Big enough that the benchmark never fills it; expired ids leave as time passes.
        _verifier = new ExchangeContextVerifier(new SingleKey(_key), new OneTimeIds(TimeProvider.System, 100_000_000), _subjects, TimeProvider.System, TimeSpan.FromHours(2));
        _context = Issue();
        _contextBytes = _context.ToByteArray();
        _ecdsaSignature = _ecdsa.SignData(_contextBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (!_verifier.Verify(ExchangeContextMac.Seal(_context, _key), Method, "PUBLIC-SECURITY", new ReadOnlySequence<byte>(_request)).IsValid)
            throw new InvalidOperationException("the benchmark context does not verify");
    }

    private GatewayContext Issue()
    {
        var now = DateTimeOffset.UtcNow;
        return new GatewayContext
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
            SubjectIds = { _subjects.Read(Method, new ReadOnlySequence<byte>(_request)) ?? [] },
            RequestDigest = ByteString.CopyFrom(RequestDigest.Of(_request)),
            OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16)),
        };
    }

    /// <summary>What the gateway does per call: read the subject, digest the request, make the context, MAC it, base64 for the header.</summary>
    [Benchmark]
    public int BindAndSealHeader() => Convert.ToBase64String(ExchangeContextMac.Seal(Issue(), _key)).Length;

    [Benchmark]
    public int Seal() => ExchangeContextMac.Seal(_context, _key).Length;

    /// <summary>What the adapter does per call (a fresh context each time, since each is good once; its sealing is included).</summary>
    [Benchmark]
    public bool SealAndVerify()
    {
        _context.OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16));
        return _verifier.Verify(ExchangeContextMac.Seal(_context, _key), Method, "PUBLIC-SECURITY", new ReadOnlySequence<byte>(_request)).IsValid;
    }

    [Benchmark]
    public int EcdsaSign() => _ecdsa.SignData(_contextBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).Length;

    [Benchmark]
    public bool EcdsaVerify() => _ecdsa.VerifyData(_contextBytes, _ecdsaSignature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private sealed class SingleKey(ContextKey key) : IContextKeySource
    {
        public bool HasKeys => true;

        public ContextKey? Find(string keyId) => keyId == key.KeyId ? key : null;
    }
}
