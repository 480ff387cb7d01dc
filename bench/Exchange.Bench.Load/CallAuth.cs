using System.Security.Cryptography;
using Exchange.Client;
using Exchange.ExchangeContext;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Bench.Load;

/// <summary>What makes a call valid at its target: for an adapter (directly or through a plain proxy) a signed exchange context; for the gateway a token and case metadata.</summary>
internal abstract class CallAuth
{
    public const string CaseNumber = "BENCH-2026-0001";
    public const string Purpose = "性能基准测试";
    public const string Consumer = "CIVIL-AFFAIRS";

    public abstract ValueTask<Metadata> HeadersAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Signs an exchange context the way the gateway does (same key file, same fields, the gateway's default 30 s
/// lifetime) and re-signs it every few seconds. The adapter verifies the signature, expiry, method and provider of
/// every call exactly as for a call from the gateway; only the per-call signing (a gateway cost) is not repeated here.
/// </summary>
internal sealed class SignedContextAuth : CallAuth, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(5);
    private readonly ExchangeContextSigner _signer;
    private readonly BenchCall _call;
    private readonly Timer _timer;
    private volatile byte[] _context;

    public SignedContextAuth(string signingKeyPath, BenchCall call)
    {
        if (!File.Exists(signingKeyPath))
            throw new FileNotFoundException($"The gateway's context signing key {signingKeyPath} does not exist; start the gateway once first.", signingKeyPath);
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(signingKeyPath));
        _signer = new ExchangeContextSigner(key);
        _call = call;
        _context = Sign(Lifetime);
        _timer = new Timer(_ => _context = Sign(Lifetime), null, Renew, Renew);
    }

    public byte[] Sign(TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        return _signer.Sign(new GatewayContext
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ConsumerDepartmentCode = Consumer,
            ProviderDepartmentCode = _call.Provider,
            ResourceCode = _call.Resource,
            ResourceVersion = 1,
            Method = _call.Path,
            DataItems = { _call.DataItems },
            CaseNumber = CaseNumber,
            Purpose = ExchangeMetadata.PercentEncode(Purpose),
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now + lifetime),
        });
    }

    public override ValueTask<Metadata> HeadersAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Metadata { { ExchangeMetadata.Context, _context } });

    public void Dispose() => _timer.Dispose();
}

/// <summary>A department client's token (renewed before expiry by <see cref="ExchangeTokenProvider"/>) and the case metadata.</summary>
internal sealed class TokenAuth(ExchangeTokenProvider tokens) : CallAuth
{
    private static readonly string EncodedPurpose = ExchangeMetadata.PercentEncode(Purpose);

    public override async ValueTask<Metadata> HeadersAsync(CancellationToken cancellationToken) => new()
    {
        { "authorization", "Bearer " + await tokens.GetTokenAsync(cancellationToken) },
        { ExchangeMetadata.CaseNumber, CaseNumber },
        { ExchangeMetadata.Purpose, EncodedPurpose },
    };

    public static ExchangeTokenProvider Provider(HttpClient http, Uri tokenEndpoint, string client, string dataDirectory, string scope = ExchangeScopes.Gateway)
    {
        var secretFile = Path.Combine(dataDirectory, "credentials", client + ".secret");
        if (!File.Exists(secretFile))
            throw new FileNotFoundException($"No secret for client '{client}' at {secretFile}; start Exchange once first.", secretFile);
        return new ExchangeTokenProvider(http, new ExchangeClientOptions
        {
            TokenEndpoint = tokenEndpoint,
            ClientId = client,
            ClientSecret = File.ReadAllText(secretFile).Trim(),
            Scope = scope,
        });
    }
}
