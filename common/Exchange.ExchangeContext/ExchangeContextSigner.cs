using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;

namespace Exchange.ExchangeContext;

/// <summary>Signs exchange contexts with the gateway's key. Thread-safe.</summary>
public sealed class ExchangeContextSigner(ECDsa key)
{
    public string KeyId { get; } = ExchangeContextKey.IdOf(key);

    /// <summary>The metadata value for <see cref="ExchangeMetadata.Context"/>.</summary>
    public byte[] Sign(Protos.Context.V1.ExchangeContext context)
    {
        var bytes = context.ToByteArray();
        var signed = new SignedExchangeContext
        {
            Context = ByteString.CopyFrom(bytes),
            Signature = ByteString.CopyFrom(key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
            KeyId = KeyId,
        };
        return signed.ToByteArray();
    }
}
