using System.Buffers.Text;
using Exchange.Files;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Catalog.Identity;

/// <summary>
/// The token signing keys, one PEM file each under Identity:KeyDirectory, named by creation time. The newest
/// signs. When it is older than Identity:SigningKeyRotation a new one is made; a replaced key stays (and stays
/// published) for one token lifetime plus the validators' clock skew, so every token it signed can still be
/// checked, and is then deleted.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>How far past expiry validators accept a token (the JwtBearer default).</summary>
    public static readonly TimeSpan ValidatorClockSkew = TimeSpan.FromMinutes(5);

    private const string FilePrefix = "signing-";
    private const string FileSuffix = ".pem";
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfffffff'Z'";

    private readonly string _directory;
    private readonly TimeSpan _rotation;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _clock;
    private readonly ILogger<SigningKeyRing> _logger;
    private readonly Lock _lock = new();
    private ImmutableArray<SigningKey> _keys;

    public SigningKeyRing(IOptions<CatalogIdentityOptions> options, TimeProvider clock, ILogger<SigningKeyRing> logger)
    {
        _directory = Path.GetFullPath(options.Value.KeyDirectory);
        _rotation = options.Value.SigningKeyRotation;
        _retention = options.Value.AccessTokenLifetime + ValidatorClockSkew;
        _clock = clock;
        _logger = logger;
        Directory.CreateDirectory(_directory);
        _keys = Load();
        RotateIfDue();
    }

    /// <summary>The key that signs new tokens.</summary>
    public SigningKey Newest => _keys[0];

    /// <summary>Every key a token in force may be signed with, newest first.</summary>
    public ImmutableArray<SigningKey> Keys => _keys;

    public IEnumerable<SecurityKey> ValidationKeys => _keys.Select(k => (SecurityKey)k.Key);

    /// <summary>Makes a new signing key if the newest is due for rotation, and drops keys no token in force can use.</summary>
    /// <returns>Whether the set of keys changed.</returns>
    public bool RotateIfDue()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            var keys = _keys;
            var changed = false;
            if (keys.IsEmpty || keys[0].CreatedAt + _rotation <= now)
            {
                var created = Create(now);
                _logger.LogInformation("Created token signing key {KeyId}; it signs from now on", created.Id);
                keys = keys.Insert(0, created);
                changed = true;
            }

            // A key retired when the next newer one was made; it must outlive every token it signed.
            var kept = ImmutableArray.CreateBuilder<SigningKey>();
            kept.Add(keys[0]);
            for (var i = 1; i < keys.Length; i++)
            {
                var retiredAt = keys[i - 1].CreatedAt;
                if (retiredAt + _retention > now)
                {
                    kept.Add(keys[i]);
                    continue;
                }
                File.Delete(PathOf(keys[i].CreatedAt));
                _logger.LogInformation("Deleted token signing key {KeyId}, retired at {RetiredAt:o}", keys[i].Id, retiredAt);
                changed = true;
            }
            _keys = kept.ToImmutable();
            return changed;
        }
    }

    private ImmutableArray<SigningKey> Load()
    {
        var keys = new List<SigningKey>();
        foreach (var file in Directory.EnumerateFiles(_directory, FilePrefix + "*" + FileSuffix))
        {
            var stamp = Path.GetFileName(file)[FilePrefix.Length..^FileSuffix.Length];
            if (!DateTimeOffset.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
            {
                _logger.LogWarning("Ignoring {File}: its name is not signing-<creation time>.pem", file);
                continue;
            }
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(file));
            keys.Add(new SigningKey(IdOf(ecdsa), new ECDsaSecurityKey(ecdsa) { KeyId = IdOf(ecdsa) }, createdAt));
        }
        _logger.LogInformation("Loaded {KeyCount} token signing key(s) from {Directory}", keys.Count, _directory);
        return [.. keys.OrderByDescending(k => k.CreatedAt)];
    }

    private SigningKey Create(DateTimeOffset now)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = PathOf(now);
        if (!AtomicFile.TryCreateText(path, ecdsa.ExportPkcs8PrivateKeyPem(), ownerOnly: true))
            throw new IOException($"The signing key {path} already exists; a key file is never replaced.");
        var id = IdOf(ecdsa);
        return new SigningKey(id, new ECDsaSecurityKey(ecdsa) { KeyId = id }, now);
    }

    private string PathOf(DateTimeOffset createdAt) =>
        Path.Combine(_directory, FilePrefix + createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + FileSuffix);

    /// <summary>base64url SHA-256 of the public key: the same for the key wherever it is loaded.</summary>
    private static string IdOf(ECDsa key) =>
        Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
}
