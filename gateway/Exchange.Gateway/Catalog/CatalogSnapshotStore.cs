using Exchange.Protos.Catalog.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Keeps the last applied catalog on disk as <see cref="ResourceSnapshot"/> bytes, so a restarted gateway
/// routes on it while the catalog is unreachable.
/// </summary>
public sealed class CatalogSnapshotStore(IOptions<CatalogOptions> options, ILogger<CatalogSnapshotStore> logger)
{
    public string FilePath { get; } = Path.GetFullPath(options.Value.SnapshotPath);

    /// <summary>The saved snapshot, or null when there is none or it cannot be read.</summary>
    public ResourceSnapshot? Load()
    {
        if (!File.Exists(FilePath))
            return null;
        try
        {
            return ResourceSnapshot.Parser.ParseFrom(File.ReadAllBytes(FilePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException)
        {
            logger.LogWarning(ex, "Ignoring unreadable catalog snapshot {Path}", FilePath);
            return null;
        }
    }

    /// <summary>
    /// Writes the snapshot to a temporary file and renames it over the old one, so a crash mid-write never
    /// leaves a torn snapshot behind.
    /// </summary>
    public async Task SaveAsync(ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Environment.ProcessId}.tmp");
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await file.WriteAsync(snapshot.ToByteArray(), cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, FilePath, overwrite: true);
    }
}
