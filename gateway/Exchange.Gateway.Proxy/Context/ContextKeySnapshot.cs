using Exchange.Files;
using Exchange.Protos.Context.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>
/// The providers' context keys as last fetched, kept in an owner-only file (<see cref="ExchangeContextOptions.KeySnapshotPath"/>)
/// so that a gateway restarted while the catalog is down still reaches the providers, as it still routes on its saved
/// catalog and validates tokens with its saved keys. Written whole (a temporary file moved into place), only when the
/// keys changed.
/// </summary>
internal sealed class ContextKeySnapshot(IOptions<ExchangeContextOptions> options)
{
    private readonly string _path = options.Value.KeySnapshotPath;
    private byte[] _saved = [];

    public ListContextKeysResponse? Load()
    {
        if (!File.Exists(_path))
            return null;
        try
        {
            _saved = File.ReadAllBytes(_path);
            return ListContextKeysResponse.Parser.ParseFrom(_saved);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    public void Save(ListContextKeysResponse keys)
    {
        var bytes = keys.ToByteArray();
        if (bytes.AsSpan().SequenceEqual(_saved))
            return;
        AtomicFile.Write(_path, bytes, ownerOnly: true);
        _saved = bytes;
    }
}
