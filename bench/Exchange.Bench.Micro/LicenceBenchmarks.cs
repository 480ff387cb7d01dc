using BenchmarkDotNet.Attributes;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;

namespace Exchange.Bench.Micro;

/// <summary>What the gateway's licence broker does for every licence it answers: canonical encoding and ECDSA P-256 verification.</summary>
public class LicenceBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bench-licence-keys-" + Guid.NewGuid().ToString("N"));
    private LicenceVerifier _verifier = null!;
    private Licence _licence = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ring = IssuerKeyRing.Open(_directory, "PUBLIC-SECURITY", TimeSpan.FromDays(365), TimeProvider.System);
        _licence = LicenceSigner.Sign(new Licence
        {
            LicenceNumber = LicenceNumber.Create("RIDC", "111100000000130017", 1),
            TypeCode = "RIDC",
            HolderId = "330106198812153739",
            HolderName = "郭建平",
            IssuerDepartmentCode = "PUBLIC-SECURITY",
            IssuerCreditCode = "111100000000130017",
            IssueDate = "2020-05-01",
            ExpiryDate = "2040-05-01",
            DataItems = { ["name"] = "郭建平", ["gender"] = "男", ["address"] = "浙江省杭州市西湖区文三路 1 号" },
        }, ring.Current);
        _verifier = new LicenceVerifier(ring.PublicKeys());
        if (!_verifier.Verify(_licence, Today).IsValid)
            throw new InvalidOperationException("the benchmark licence does not verify");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int CanonicalEncoding() => LicenceCanonicalEncoding.Encode(_licence).Length;

    [Benchmark]
    public bool Verify() => _verifier.Verify(_licence, Today).IsValid;
}
