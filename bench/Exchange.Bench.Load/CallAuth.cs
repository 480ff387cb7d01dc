using System.Buffers;
using System.Security.Cryptography;
using Exchange.Client;
using Exchange.ExchangeContext;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Bench.Load;

/// <summary>What makes a call valid at its target: for an adapter (directly or through a plain proxy) an exchange context made for the call; for the gateway a token and case metadata.</summary>
internal abstract class CallAuth
{
    public const string CaseNumber = "BENCH-2026-0001";
    public const string Purpose = "性能基准测试";
    public const string Consumer = "CIVIL-AFFAIRS";

    public abstract ValueTask<Metadata> HeadersAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Makes an exchange context per call the way the gateway does (same fields, the gateway's default 30 s lifetime,
/// bound to the request: subject, digest, a fresh one-time id) and MACs it with the provider's context key from the
/// catalog's key directory. The adapter checks every call exactly as a call from the gateway.
/// </summary>
internal sealed class SealedContextAuth : CallAuth
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ContextKey _key;
    private readonly BenchCall _call;
    private readonly string[] _subject;
    private readonly byte[] _digest;

    public SealedContextAuth(string contextKeyDirectory, BenchCall call)
    {
        var newest = Directory.Exists(contextKeyDirectory)
            ? Directory.EnumerateFiles(contextKeyDirectory, call.Provider + ".*.key").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (newest is null)
            throw new FileNotFoundException($"No context key of {call.Provider} in {contextKeyDirectory}; start the catalog and the adapter once first.");
        _key = new ContextKey(call.Provider, Path.GetFileNameWithoutExtension(newest), Convert.FromBase64String(File.ReadAllText(newest).Trim()), true, null);
        _call = call;
        var message = call.FramedRequest()[5..];
        _subject = ContextSubjects.FromContracts().Read(call.Path, new ReadOnlySequence<byte>(message)) ?? [];
        _digest = RequestDigest.Of(message);
    }

    public byte[] Seal(TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        return ExchangeContextMac.Seal(new GatewayContext
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
            SubjectIds = { _subject },
            RequestDigest = ByteString.CopyFrom(_digest),
            OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(OneTimeIds.Length)),
        }, _key);
    }

    public override ValueTask<Metadata> HeadersAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Metadata { { ExchangeMetadata.Context, Seal(Lifetime) } });
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
