using Exchange.Files;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;

namespace Exchange.Gateway.Identity;

/// <summary>
/// Reads the catalog's discovery document and signing keys over HTTP and keeps the last copy of each on disk, so
/// a gateway restarted while the catalog is down still checks tokens with the keys it last saw (as it routes on
/// its last catalog snapshot). Only published public keys are stored.
/// </summary>
internal sealed partial class PersistedDocumentRetriever(IDocumentRetriever inner, string path, ILogger logger) : IDocumentRetriever
{
    private readonly Lock _write = new();
    private Dictionary<string, string>? _saved;

    public string FilePath { get; } = Path.GetFullPath(path);

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        try
        {
            var document = await inner.GetDocumentAsync(address, cancel);
            Save(address, document);
            return document;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Load().TryGetValue(address, out var saved))
        {
            LogUsingSaved(address, FilePath, ex.Message);
            return saved;
        }
    }

    private Dictionary<string, string> Load()
    {
        lock (_write)
        {
            if (_saved is not null)
                return _saved;
            try
            {
                _saved = File.Exists(FilePath)
                    ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? []
                    : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                logger.LogWarning(ex, "Ignoring unreadable saved signing keys {Path}", FilePath);
                _saved = [];
            }
            return _saved;
        }
    }

    private void Save(string address, string document)
    {
        var saved = Load();
        lock (_write)
        {
            if (saved.TryGetValue(address, out var known) && known == document)
                return;
            saved[address] = document;
            try
            {
                AtomicFile.WriteText(FilePath, JsonSerializer.Serialize(saved));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not save the catalog's signing keys to {Path}", FilePath);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog unreachable for {Address}; checking tokens with the keys saved in {Path} ({Reason})")]
    private partial void LogUsingSaved(string address, string path, string reason);
}
