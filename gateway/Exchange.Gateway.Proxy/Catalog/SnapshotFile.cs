using Exchange.Files;
using Google.Protobuf;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// The last state received from the catalog (routes, grants), kept on disk as protobuf bytes so a restarted
/// gateway serves on it while the catalog is unreachable.
/// </summary>
public sealed class SnapshotFile<T>(string path, MessageParser<T> parser, ILogger logger) where T : IMessage<T>
{
    public string FilePath { get; } = Path.GetFullPath(path);

    /// <summary>The saved snapshot, or null when there is none or it cannot be read.</summary>
    public T? Load()
    {
        if (!File.Exists(FilePath))
            return default;
        try
        {
            return parser.ParseFrom(File.ReadAllBytes(FilePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException)
        {
            logger.LogWarning(ex, "Ignoring unreadable snapshot {Path}", FilePath);
            return default;
        }
    }

    /// <summary>When the snapshot was last written or confirmed current (<see cref="MarkCurrent"/>); null without one.</summary>
    public DateTimeOffset? LastConfirmed => File.Exists(FilePath) ? new DateTimeOffset(File.GetLastWriteTimeUtc(FilePath), TimeSpan.Zero) : null;

    /// <summary>
    /// Records that the saved snapshot was still current now (its modification time), so a gateway restarted
    /// during a catalog outage knows how old the catalog it routes on really is, not only when it last changed.
    /// </summary>
    public void MarkCurrent()
    {
        try
        {
            if (File.Exists(FilePath))
                File.SetLastWriteTimeUtc(FilePath, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not mark snapshot {Path} as current", FilePath);
        }
    }

    /// <summary>
    /// Writes the snapshot to a temporary file and renames it over the old one, so a crash mid-write never
    /// leaves a torn snapshot behind.
    /// </summary>
    public Task SaveAsync(T snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(FilePath, snapshot.ToByteArray());
        return Task.CompletedTask;
    }
}
