using Exchange.Files;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.ContextKeys;

/// <summary>
/// One random 256-bit context key per provider department, in files under <see cref="ContextKeyOptions.Directory"/>
/// (<c>&lt;DEPARTMENT&gt;.&lt;created&gt;.key</c>, owner-only). A department's key is made on first request and
/// replaced after <see cref="ContextKeyOptions.Rotation"/>; the replaced key stays valid for
/// <see cref="ContextKeyOptions.Grace"/>, then its file is deleted. Kept out of the catalog database on purpose:
/// the keys are secrets the store's readers (backups, the admin UI) have no need for.
/// </summary>
public sealed partial class ContextKeyStore
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfffffff'Z'";
    private const string Suffix = ".key";

    private readonly string _directory;
    private readonly TimeSpan _rotation;
    private readonly TimeSpan _grace;
    private readonly TimeProvider _time;
    private readonly ILogger<ContextKeyStore> _logger;
    private readonly Lock _lock = new();

    public ContextKeyStore(IOptions<ContextKeyOptions> options, TimeProvider time, ILogger<ContextKeyStore> logger)
    {
        _directory = Path.GetFullPath(options.Value.Directory);
        _rotation = options.Value.Rotation;
        _grace = options.Value.Grace;
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The keys of <paramref name="department"/> valid now, current first; makes or rotates the current one when due.</summary>
    public IReadOnlyList<StoredContextKey> KeysOf(string department)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var files = Files(department);
            if (files.Count == 0 || now - files[0].Created >= _rotation)
            {
                files.Insert(0, Create(department, now));
                LogCreated(department, files[0].Id);
            }

            var keys = new List<StoredContextKey>(files.Count);
            for (var i = 0; i < files.Count; i++)
            {
                // A key is valid until its successor was made plus the grace period.
                var expires = i == 0 ? (DateTimeOffset?)null : files[i - 1].Created + _grace;
                if (expires is { } end && end <= now)
                {
                    File.Delete(files[i].Path);
                    LogRetired(department, files[i].Id);
                    continue;
                }
                keys.Add(new StoredContextKey(department, files[i].Id, Convert.FromBase64String(File.ReadAllText(files[i].Path).Trim()), i == 0, expires));
            }
            return keys;
        }
    }

    private List<KeyFile> Files(string department) =>
        [.. Directory.EnumerateFiles(_directory, department + ".*" + Suffix)
            .Select(path => (Path: path, Match: FileName().Match(Path.GetFileName(path))))
            .Where(f => f.Match.Success && f.Match.Groups["department"].Value == department)
            .Select(f => new KeyFile(f.Path, Path.GetFileNameWithoutExtension(f.Path),
                DateTimeOffset.ParseExact(f.Match.Groups["created"].Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .OrderByDescending(f => f.Created)];

    private KeyFile Create(string department, DateTimeOffset now)
    {
        var id = $"{department}.{now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}";
        var path = Path.Combine(_directory, id + Suffix);
        if (!AtomicFile.TryCreateText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(StoredContextKey.Length)), ownerOnly: true))
            throw new IOException($"The context key {path} already exists; a key file is never replaced.");
        return new KeyFile(path, id, now);
    }

    private sealed record KeyFile(string Path, string Id, DateTimeOffset Created);

    [GeneratedRegex(@"^(?<department>[A-Z][A-Z0-9-]*)\.(?<created>\d{8}T\d{13}Z)\.key$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Made exchange-context key {KeyId} for {Department}")]
    private partial void LogCreated(string department, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired exchange-context key {KeyId} of {Department} after its grace period")]
    private partial void LogRetired(string department, string keyId);
}

/// <summary>A context key as stored: <see cref="ExpireTime"/> is null while it is the current key.</summary>
public sealed record StoredContextKey(string DepartmentCode, string KeyId, byte[] Key, bool Current, DateTimeOffset? ExpireTime)
{
    public const int Length = 32;

    public override string ToString() => $"context key {KeyId} of {DepartmentCode}";
}
