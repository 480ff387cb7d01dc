using System.Buffers;
using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Exchange.ExchangeContext;

/// <summary>
/// Checks the exchange context of a call a provider received, before anything parses the request: MACed with a
/// valid context key of this provider department, not expired (nor valid for longer than <c>maxLifetime</c>), issued
/// for this method and this department, for exactly these request message bytes and their subject, and not used
/// before. The one-time id is remembered only once every other check passed, so a refused call burns nothing.
/// </summary>
public sealed class ExchangeContextVerifier(
    IContextKeySource keys, OneTimeIds seen, ContextSubjects subjects, TimeProvider time, TimeSpan maxLifetime)
{
    private const string ThroughGateway = "call through the Exchange gateway";

    public ExchangeContextVerification Verify(ReadOnlySpan<byte> metadataValue, string method, string department, ReadOnlySequence<byte> message)
    {
        if (metadataValue.IsEmpty)
            return Refuse(StatusCode.Unauthenticated, $"The call carries no exchange context ({ExchangeMetadata.Context}); {ThroughGateway}.");
        if (!keys.HasKeys)
            return Refuse(StatusCode.Unavailable, $"{department} has no exchange-context key from the catalog yet; try again shortly.");

        SignedExchangeContext sealedContext;
        Protos.Context.V1.ExchangeContext context;
        try
        {
            sealedContext = SignedExchangeContext.Parser.ParseFrom(metadataValue);
        }
        catch (InvalidProtocolBufferException)
        {
            return Unauthenticated("it is malformed");
        }

        var key = keys.Find(sealedContext.KeyId);
        var now = time.GetUtcNow();
        if (key is null || !string.Equals(key.DepartmentCode, department, StringComparison.Ordinal))
            return Unauthenticated($"it is sealed with key '{sealedContext.KeyId}', which is no context key of {department}");
        if (!key.IsValidAt(now))
            return Unauthenticated($"it is sealed with key '{key.KeyId}' of {department}, which was rotated out");
        if (!ExchangeContextMac.IsValid(key, sealedContext.Context.Span, sealedContext.Mac.Span))
            return Unauthenticated("its MAC is not valid");

        try
        {
            context = Protos.Context.V1.ExchangeContext.Parser.ParseFrom(sealedContext.Context);
        }
        catch (InvalidProtocolBufferException)
        {
            return Unauthenticated("its content is malformed");
        }

        if (context.ExpireTime is null || context.ExpireTime.ToDateTimeOffset() <= now)
            return Unauthenticated("it has expired");
        var expires = context.ExpireTime.ToDateTimeOffset();
        if (expires - now > maxLifetime)
            return Unauthenticated($"it is valid until {expires:O}, longer than the {maxLifetime.TotalSeconds:0} s this provider accepts");
        if (!string.Equals(context.Method, method, StringComparison.Ordinal))
            return Unauthenticated($"it was issued for {context.Method}, not {method}");
        if (!string.Equals(context.ProviderDepartmentCode, department, StringComparison.Ordinal))
        {
            return Refuse(StatusCode.PermissionDenied,
                $"The exchange context is for resource {context.ResourceCode} of {context.ProviderDepartmentCode}, but this adapter serves {department}.");
        }

        Span<byte> digest = stackalloc byte[RequestDigest.Length];
        DigestOf(message, digest);
        if (!CryptographicOperations.FixedTimeEquals(digest, context.RequestDigest.Span))
            return Unauthenticated("it was issued for another request message (the request digest differs)");
        var subject = subjects.Read(method, message);
        if (subject is null || !subject.AsSpan().SequenceEqual(context.SubjectIds.ToArray()))
            return Unauthenticated("it names another subject than the request");

        return seen.TryUse(context.OneTimeId.Span, expires) switch
        {
            OneTimeIdUse.First => new ExchangeContextVerification(context, StatusCode.OK, string.Empty),
            OneTimeIdUse.Replayed => Unauthenticated("it was used before (a context is good for one call)"),
            OneTimeIdUse.Malformed => Unauthenticated("it has no 16-byte one-time id"),
            _ => Refuse(StatusCode.ResourceExhausted, $"{department} is remembering too many exchange contexts at once; try again shortly."),
        };
    }

    private static void DigestOf(ReadOnlySequence<byte> message, Span<byte> digest)
    {
        if (message.IsSingleSegment)
        {
            SHA256.HashData(message.FirstSpan, digest);
            return;
        }
        RequestDigest.Of(message).CopyTo(digest);
    }

    private static ExchangeContextVerification Unauthenticated(string problem) =>
        Refuse(StatusCode.Unauthenticated, $"The exchange context is refused: {problem}; {ThroughGateway}.");

    private static ExchangeContextVerification Refuse(StatusCode status, string problem) => new(null, status, problem);
}

/// <summary>The verified context, or the status and reason to refuse the call with.</summary>
public readonly record struct ExchangeContextVerification(Protos.Context.V1.ExchangeContext? Context, StatusCode Status, string Problem)
{
    public bool IsValid => Context is not null;
}
