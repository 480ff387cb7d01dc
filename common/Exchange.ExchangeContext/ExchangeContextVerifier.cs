using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;

namespace Exchange.ExchangeContext;

/// <summary>
/// Verifies the exchange context a provider receives: a signature by a trusted gateway key, not expired,
/// issued for the method being called. Re-reads the trusted keys when it meets an unknown key id, so a
/// gateway that rotates its key (or starts after the provider) is trusted without a provider restart.
/// </summary>
public sealed class ExchangeContextVerifier
{
    private static readonly TimeSpan KeyReloadInterval = TimeSpan.FromSeconds(2);
    private readonly Func<IReadOnlyDictionary<string, ECDsa>> _loadKeys;
    private readonly TimeProvider _time;
    private readonly Lock _reloadLock = new();
    private IReadOnlyDictionary<string, ECDsa> _keys;
    private DateTimeOffset _lastReload;

    public ExchangeContextVerifier(Func<IReadOnlyDictionary<string, ECDsa>> loadKeys, TimeProvider time)
    {
        _loadKeys = loadKeys;
        _time = time;
        _keys = loadKeys();
        _lastReload = DateTimeOffset.MinValue;
    }

    public ExchangeContextVerification Verify(ReadOnlySpan<byte> metadataValue, string method)
    {
        if (metadataValue.IsEmpty)
            return ExchangeContextVerification.Fail("the call carries no exchange context; call through the Exchange gateway");

        SignedExchangeContext signed;
        Protos.Context.V1.ExchangeContext context;
        try
        {
            signed = SignedExchangeContext.Parser.ParseFrom(metadataValue);
            context = Protos.Context.V1.ExchangeContext.Parser.ParseFrom(signed.Context);
        }
        catch (InvalidProtocolBufferException)
        {
            return ExchangeContextVerification.Fail("the exchange context is malformed");
        }

        var key = FindKey(signed.KeyId);
        if (key is null)
            return ExchangeContextVerification.Fail($"the exchange context is signed with key '{signed.KeyId}', which this provider does not trust");
        if (!key.VerifyData(signed.Context.Span, signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return ExchangeContextVerification.Fail("the exchange context signature is not valid");
        if (context.ExpireTime is null || context.ExpireTime.ToDateTimeOffset() < _time.GetUtcNow())
            return ExchangeContextVerification.Fail("the exchange context has expired");
        if (!string.Equals(context.Method, method, StringComparison.Ordinal))
            return ExchangeContextVerification.Fail($"the exchange context was issued for {context.Method}, not {method}");

        return ExchangeContextVerification.Success(context);
    }

    private ECDsa? FindKey(string keyId)
    {
        if (_keys.TryGetValue(keyId, out var key))
            return key;
        lock (_reloadLock)
        {
            if (_time.GetUtcNow() - _lastReload >= KeyReloadInterval)
            {
                _keys = _loadKeys();
                _lastReload = _time.GetUtcNow();
            }
            return _keys.GetValueOrDefault(keyId);
        }
    }
}

public readonly record struct ExchangeContextVerification(Protos.Context.V1.ExchangeContext? Context, string Problem)
{
    public bool IsValid => Context is not null;

    public static ExchangeContextVerification Success(Protos.Context.V1.ExchangeContext context) => new(context, string.Empty);

    public static ExchangeContextVerification Fail(string problem) => new(null, problem);
}
