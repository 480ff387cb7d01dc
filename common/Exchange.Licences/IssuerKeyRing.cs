using Exchange.Files;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Exchange.Protos.Licence.V1;

namespace Exchange.Licences;

/// <summary>
/// An issuer's signing keys on disk: per key a PKCS#8 PEM private key <c>&lt;key id&gt;.pem</c> and <c>&lt;key id&gt;.json</c>
/// with the instant it started signing. The newest key signs new licences; older ones stay for verifiers, since
/// licences they signed remain valid. Each file is written under a temporary name and then renamed, so a crash never
/// leaves a half-written key that would be read later. Departments may share a directory: each ring reads only its own keys.
/// </summary>
public sealed class IssuerKeyRing
{
    private readonly string _directory;
    private readonly string _department;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<IssuerSigningKey> _keys;

    private IssuerKeyRing(string directory, string department, TimeProvider time, List<IssuerSigningKey> keys)
    {
        _directory = directory;
        _department = department;
        _time = time;
        _keys = keys;
    }

    public string Department => _department;

    /// <summary>The key signing new licences.</summary>
    public IssuerSigningKey Current
    {
        get { lock (_gate) return _keys[^1]; }
    }

    public IReadOnlyList<IssuerSigningKey> Keys
    {
        get { lock (_gate) return [.. _keys]; }
    }

    /// <summary>Opens the ring in <paramref name="directory"/>, creating its first key, or a new one when the current key is older than <paramref name="rotation"/>.</summary>
    public static IssuerKeyRing Open(string directory, string department, TimeSpan rotation, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        var ring = new IssuerKeyRing(directory, department, time, Load(directory, department));
        if (ring._keys.Count == 0 || time.GetUtcNow() - ring._keys[^1].ValidFrom >= rotation)
            ring.Rotate();
        return ring;
    }

    /// <summary>Creates a new key that signs from now on; the previous key stays listed with its end of validity.</summary>
    public IssuerSigningKey Rotate()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var keyId = $"{_department}-{now:yyyyMMdd'T'HHmmssfff'Z'}";
            if (_keys.Any(k => k.KeyId == keyId))
                keyId += "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            AtomicFile.WriteText(Path.Combine(_directory, keyId + ".pem"), key.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
            AtomicFile.WriteText(Path.Combine(_directory, keyId + ".json"), JsonSerializer.Serialize(new KeyFile(keyId, _department, now)));
            _keys = Load(_directory, _department);
            return _keys.Single(k => k.KeyId == keyId);
        }
    }

    /// <summary>Every public key, oldest first, as published for verifiers.</summary>
    public IReadOnlyList<IssuerKey> PublicKeys() =>
        [.. Keys.Select(k => new IssuerKey
        {
            KeyId = k.KeyId,
            IssuerDepartmentCode = _department,
            SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256,
            PublicKeyPem = k.Key.ExportSubjectPublicKeyInfoPem(),
            ValidFrom = FormatInstant(k.ValidFrom),
            ValidUntil = k.ValidUntil is { } until ? FormatInstant(until) : string.Empty,
        })];

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static List<IssuerSigningKey> Load(string directory, string department)
    {
        var files = new List<KeyFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json"))
        {
            var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                       ?? throw new InvalidDataException($"{path} holds no key description.");
            if (string.Equals(file.Department, department, StringComparison.Ordinal))
                files.Add(file);
        }
        files.Sort((a, b) => a.ValidFrom != b.ValidFrom ? a.ValidFrom.CompareTo(b.ValidFrom) : string.CompareOrdinal(a.KeyId, b.KeyId));

        var keys = new List<IssuerSigningKey>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(Path.Combine(directory, files[i].KeyId + ".pem")));
            keys.Add(new IssuerSigningKey(files[i].KeyId, key, files[i].ValidFrom, i + 1 < files.Count ? files[i + 1].ValidFrom : null));
        }
        return keys;
    }

    private sealed record KeyFile(string KeyId, string Department, DateTimeOffset ValidFrom);
}
