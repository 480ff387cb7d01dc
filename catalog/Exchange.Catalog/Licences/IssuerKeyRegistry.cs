using System.Security.Cryptography;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Licences;

/// <summary>
/// The public keys of e-licence issuers. An issuing department registers its own keys (a catalog administrator may
/// register any department's); a key id, once registered, always names the same public key, so a licence signed
/// with it verifies the same way for as long as the catalog exists.
/// </summary>
public sealed class IssuerKeyRegistry(CatalogDbContext db, CatalogWriteGate gate, DepartmentRegistry departments, TimeProvider time, ILogger<IssuerKeyRegistry> logger)
{
    public const int MaxKeysPerCall = 100;
    private const int MaxKeyIdLength = 100;
    private const int MaxPemLength = 4096;

    public async Task<IReadOnlyList<IssuerKey>> RegisterAsync(CatalogActor actor, string departmentCode, IReadOnlyList<IssuerKey> keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(departmentCode))
            throw new InvalidFieldException("department_code", "is required");
        if (!actor.IsCatalogAdmin && !actor.ActsFor(departmentCode))
            throw new PermissionDeniedException($"Only {departmentCode}'s own clients or a catalog administrator may register its issuer keys; {actor} may not.");
        if (keys.Count == 0)
            throw new InvalidFieldException("keys", "is empty; send at least one key");
        if (keys.Count > MaxKeysPerCall)
            throw new InvalidFieldException("keys", $"holds {keys.Count} keys; at most {MaxKeysPerCall} per call");
        for (var i = 0; i < keys.Count; i++)
            Validate(keys[i], departmentCode, $"keys[{i}]");
        if (!await departments.ExistsAsync(departmentCode, cancellationToken))
            throw new NotFoundException($"Department {departmentCode} is not registered in the catalog; register it before its issuer keys.");

        using (await gate.EnterAsync(cancellationToken))
        {
            var ids = keys.Select(k => k.KeyId).ToList();
            var existing = await db.IssuerKeys.Where(k => ids.Contains(k.KeyId)).ToDictionaryAsync(k => k.KeyId, StringComparer.Ordinal, cancellationToken);
            var added = 0;
            foreach (var key in keys)
            {
                if (existing.TryGetValue(key.KeyId, out var known))
                {
                    if (known.DepartmentCode != departmentCode || !SamePublicKey(known.PublicKeyPem, key.PublicKeyPem))
                    {
                        throw new PreconditionFailedException(
                            $"Issuer key {key.KeyId} is already registered with a different public key",
                            [$"key {key.KeyId} of {known.DepartmentCode} was registered at {known.RegisteredAt:u} by {known.RegisteredBy}; a rotated key needs a new key id"]);
                    }
                    known.ValidUntil = key.ValidUntil;
                    continue;
                }
                var record = new IssuerKeyRecord
                {
                    KeyId = key.KeyId,
                    DepartmentCode = departmentCode,
                    PublicKeyPem = key.PublicKeyPem.Trim(),
                    ValidFrom = key.ValidFrom,
                    ValidUntil = key.ValidUntil,
                    RegisteredAt = time.GetUtcNow(),
                    RegisteredBy = actor.Name,
                };
                db.IssuerKeys.Add(record);
                existing[key.KeyId] = record;
                added++;
            }
            await db.SaveChangesAsync(cancellationToken);
            if (added > 0)
                logger.LogInformation("Registered {Added} new issuer keys of {DepartmentCode} for {Actor}", added, departmentCode, actor.ToString());
        }
        return await ListAsync(departmentCode, cancellationToken);
    }

    public async Task<IReadOnlyList<IssuerKey>> ListAsync(string? departmentCode, CancellationToken cancellationToken)
    {
        var query = db.IssuerKeys.AsNoTracking();
        if (!string.IsNullOrEmpty(departmentCode))
            query = query.Where(k => k.DepartmentCode == departmentCode);
        var records = await query.ToListAsync(cancellationToken);
        return records
            .OrderBy(k => k.DepartmentCode, StringComparer.Ordinal)
            .ThenBy(k => k.ValidFrom, StringComparer.Ordinal)
            .ThenBy(k => k.KeyId, StringComparer.Ordinal)
            .Select(ToContract)
            .ToList();
    }

    private static void Validate(IssuerKey key, string departmentCode, string field)
    {
        if (string.IsNullOrWhiteSpace(key.KeyId) || key.KeyId.Length > MaxKeyIdLength || key.KeyId.Any(char.IsWhiteSpace))
            throw new InvalidFieldException($"{field}.key_id", $"must be 1 to {MaxKeyIdLength} characters without spaces");
        if (key.IssuerDepartmentCode != departmentCode)
            throw new InvalidFieldException($"{field}.issuer_department_code", $"is '{key.IssuerDepartmentCode}', but the keys are registered for {departmentCode}");
        if (key.SignatureAlgorithm != SignatureAlgorithm.EcdsaP256Sha256)
            throw new InvalidFieldException($"{field}.signature_algorithm", "must be SIGNATURE_ALGORITHM_ECDSA_P256_SHA256");
        if (PublicKeyProblem(key.PublicKeyPem) is { } problem)
            throw new InvalidFieldException($"{field}.public_key_pem", problem);
        if (!IsInstant(key.ValidFrom))
            throw new InvalidFieldException($"{field}.valid_from", "must be an ISO 8601 UTC instant like 2026-01-01T00:00:00Z");
        if (key.ValidUntil.Length > 0 && !IsInstant(key.ValidUntil))
            throw new InvalidFieldException($"{field}.valid_until", "must be empty (key in use) or an ISO 8601 UTC instant");
    }

    /// <summary>Only a P-256 public key in SubjectPublicKeyInfo PEM; a private key sent by mistake is refused, not stored.</summary>
    private static string? PublicKeyProblem(string pem)
    {
        if (pem.Length > MaxPemLength)
            return $"is longer than {MaxPemLength} characters";
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PUBLIC KEY")
            return "is not a PEM 'PUBLIC KEY' block (never send the private key)";
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            var curve = key.ExportParameters(false).Curve;
            return curve.IsNamed && curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value ? null : "is not a key on curve P-256";
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return "is not a readable EC public key";
        }
    }

    private static bool SamePublicKey(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    private static bool IsInstant(string value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out _);

    private static IssuerKey ToContract(IssuerKeyRecord record) => new()
    {
        KeyId = record.KeyId,
        IssuerDepartmentCode = record.DepartmentCode,
        SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256,
        PublicKeyPem = record.PublicKeyPem,
        ValidFrom = record.ValidFrom,
        ValidUntil = record.ValidUntil,
    };
}
