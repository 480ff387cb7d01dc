using System.Text;

namespace Exchange.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file beside it (unique per write, so concurrent
/// writers never share one), is flushed to disk, then renamed into place — a reader, a restart after a crash, or a
/// service reloading the file never sees half of it.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing what is there.</summary>
    /// <param name="ownerOnly">Readable and writable by the owner alone (private keys and key material), from its first byte.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, bool ownerOnly = false) =>
        Place(path, content, ownerOnly, overwrite: true);

    /// <inheritdoc cref="Write(string, ReadOnlySpan{byte}, bool)"/>
    public static void WriteText(string path, string content, bool ownerOnly = false) =>
        Write(path, Utf8.GetBytes(content), ownerOnly);

    /// <summary>
    /// Creates <paramref name="path"/> with <paramref name="content"/> unless it exists: false when another writer
    /// created it first, whose file is then left as it is (keys that must never be replaced under their readers).
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content, bool ownerOnly = false) =>
        Place(path, content, ownerOnly, overwrite: false);

    /// <inheritdoc cref="TryCreate(string, ReadOnlySpan{byte}, bool)"/>
    public static bool TryCreateText(string path, string content, bool ownerOnly = false) =>
        TryCreate(path, Utf8.GetBytes(content), ownerOnly);

    private static bool Place(string path, ReadOnlySpan<byte> content, bool ownerOnly, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, full, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(full))
            {
                return false;
            }
            return true;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
