using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Exchange.ExchangeContext;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Testing;

/// <summary>
/// Exchange contexts a test makes itself to call an adapter directly, as the gateway would: MACed with the provider's
/// current key from the cluster's catalog key directory, and bound to the request actually sent (subject, digest,
/// one-time id). <see cref="Context"/> returns metadata naming what to put in the context; the interceptor of
/// <see cref="Calls"/> seals it when the call is sent.
/// </summary>
public sealed class DirectContexts(ExchangeCluster cluster)
{
    private const string SpecHeader = "x-test-context-spec";
    private static readonly ContextSubjects Subjects = ContextSubjects.FromContracts();
    private readonly ConcurrentDictionary<string, ContextSpec> _specs = new();

    /// <summary>Calls to an adapter on which <see cref="Context"/> metadata becomes a context bound to the request sent.</summary>
    public CallInvoker Calls(ServiceProcess adapter) => adapter.Channel.Intercept(new SealingInterceptor(this));

    /// <summary>
    /// Metadata asking for a context for <paramref name="method"/> of <paramref name="provider"/>; sealed with
    /// <paramref name="key"/> (by default the provider's current key from the catalog) when the call is sent.
    /// </summary>
    public Metadata Context(string method, string provider, string resource, IEnumerable<string> items, TimeSpan? lifetime = null,
        ContextKey? key = null, string consumer = "CIVIL-AFFAIRS")
    {
        var id = Guid.NewGuid().ToString("N");
        _specs[id] = new ContextSpec(method, provider, resource, [.. items], lifetime ?? TimeSpan.FromSeconds(30), key, consumer);
        return new Metadata { { SpecHeader, id } };
    }

    /// <summary>A key of the right shape the catalog never issued.</summary>
    public static ContextKey Untrusted(string department) =>
        new(department, department + ".untrusted", RandomNumberGenerator.GetBytes(ContextKey.Length), true, null);

    /// <summary>The provider's current context key, as the catalog keeps it.</summary>
    public ContextKey KeyOf(string department)
    {
        var newest = Directory.EnumerateFiles(cluster.ContextKeyDirectory, department + ".*.key").Order(StringComparer.Ordinal).Last();
        return new ContextKey(department, Path.GetFileNameWithoutExtension(newest), Convert.FromBase64String(File.ReadAllText(newest).Trim()), true, null);
    }

    private Metadata Seal(Metadata headers, IMessage request, string path)
    {
        var entry = headers.Get(SpecHeader);
        if (entry is null || !_specs.TryRemove(entry.Value, out var spec))
            return headers;
        var bytes = request.ToByteArray();
        var now = DateTimeOffset.UtcNow;
        var context = new GatewayContext
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ConsumerDepartmentCode = spec.Consumer,
            ProviderDepartmentCode = spec.Provider,
            ResourceCode = spec.Resource,
            ResourceVersion = 1,
            Method = spec.Method,
            DataItems = { spec.Items },
            CaseNumber = "TEST-2026-0001",
            Purpose = ExchangeMetadata.PercentEncode("直连测试"),
            IssueTime = Timestamp.FromDateTimeOffset(now),
            ExpireTime = Timestamp.FromDateTimeOffset(now + spec.Lifetime),
            SubjectIds = { Subjects.Read(path, new ReadOnlySequence<byte>(bytes)) ?? [] },
            RequestDigest = ByteString.CopyFrom(RequestDigest.Of(bytes)),
            OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(OneTimeIds.Length)),
        };
        var sealedHeaders = new Metadata();
        foreach (var header in headers.Where(h => h.Key != SpecHeader))
            sealedHeaders.Add(header);
        sealedHeaders.Add(ExchangeMetadata.Context, ExchangeContextMac.Seal(context, spec.Key ?? KeyOf(spec.Provider)));
        return sealedHeaders;
    }

    private sealed record ContextSpec(string Method, string Provider, string Resource, string[] Items, TimeSpan Lifetime, ContextKey? Key, string Consumer);

    private sealed class SealingInterceptor(DirectContexts contexts) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var headers = context.Options.Headers is { } h && request is IMessage message
                ? contexts.Seal(h, message, context.Method.FullName)
                : context.Options.Headers;
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers!)));
        }
    }
}
