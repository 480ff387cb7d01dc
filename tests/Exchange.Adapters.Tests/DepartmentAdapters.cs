using System.Security.Cryptography;
using Exchange.ExchangeContext;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Adapters.Tests;

/// <summary>
/// The three department adapters as real processes, trusting one test gateway key written into a trusted-keys
/// directory of their own, called directly (not through a gateway) with contexts the test signs.
/// </summary>
public sealed class DepartmentAdapters : IAsyncLifetime
{
    private readonly string _keys = RepositoryLayout.NewTemporaryDirectory("adapter-keys");
    private ServiceProcess? _publicSecurity;
    private ServiceProcess? _marketRegulation;
    private ServiceProcess? _civilAffairs;

    public ServiceProcess PublicSecurity => _publicSecurity ?? throw new InvalidOperationException("Not started.");
    public ServiceProcess MarketRegulation => _marketRegulation ?? throw new InvalidOperationException("Not started.");
    public ServiceProcess CivilAffairs => _civilAffairs ?? throw new InvalidOperationException("Not started.");

    public ExchangeContextSigner Gateway { get; private set; } = null!;

    public string TrustedKeysDirectory => Path.Combine(_keys, "trusted");

    public async ValueTask InitializeAsync()
    {
        Gateway = new ExchangeContextSigner(ExchangeContextKey.LoadOrCreateSigningKey(Path.Combine(_keys, "gateway.pem"), TrustedKeysDirectory));
        var settings = new Dictionary<string, string> { ["ExchangeContext:TrustedKeysDirectory"] = TrustedKeysDirectory };
        var cancellation = TestContext.Current.CancellationToken;
        var started = await Task.WhenAll(
            ServiceProcess.StartAsync(ExchangeService.PublicSecurity, settings, cancellationToken: cancellation),
            ServiceProcess.StartAsync(ExchangeService.MarketRegulation, settings, cancellationToken: cancellation),
            ServiceProcess.StartAsync(ExchangeService.CivilAffairs, settings, cancellationToken: cancellation));
        (_publicSecurity, _marketRegulation, _civilAffairs) = (started[0], started[1], started[2]);
    }

    /// <summary>Call metadata carrying a context the test gateway signed.</summary>
    public Metadata Context(string method, string provider, string resource, IEnumerable<string> items, TimeSpan? lifetime = null, ExchangeContextSigner? signer = null)
    {
        var now = DateTimeOffset.UtcNow;
        var context = new GatewayContext
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ConsumerDepartmentCode = "CIVIL-AFFAIRS",
            ProviderDepartmentCode = provider,
            ResourceCode = resource,
            ResourceVersion = 1,
            Method = method,
            DataItems = { items },
            CaseNumber = "TEST-2026-0001",
            Purpose = ExchangeMetadata.PercentEncode("适配器测试"),
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now + (lifetime ?? TimeSpan.FromSeconds(30))),
        };
        return new Metadata { { ExchangeMetadata.Context, (signer ?? Gateway).Sign(context) } };
    }

    public static ExchangeContextSigner Untrusted() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _publicSecurity, _marketRegulation, _civilAffairs })
        {
            if (process is not null)
                await process.DisposeAsync();
        }
        Directory.Delete(_keys, recursive: true);
    }
}
