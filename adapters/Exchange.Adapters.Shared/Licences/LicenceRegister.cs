using System.Text.Json;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>Reads and revokes this adapter's licences; status is computed on every read (EXPIRED from the expiry date).</summary>
public sealed class LicenceRegister(LicenceStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<Licence>> ListAsync(string holderId, CancellationToken cancellationToken)
    {
        var rows = await store.Licences.AsNoTracking()
            .Where(l => l.HolderId == holderId)
            .OrderBy(l => l.LicenceNumber)
            .ToListAsync(cancellationToken);
        var today = Today();
        return [.. rows.Select(r => ToContract(r, today))];
    }

    public async Task<Licence> GetAsync(string licenceNumber, CancellationToken cancellationToken)
    {
        var row = await store.Licences.AsNoTracking().SingleOrDefaultAsync(l => l.LicenceNumber == licenceNumber, cancellationToken)
                  ?? throw new NotFoundException($"No licence {licenceNumber} was issued here");
        return ToContract(row, Today());
    }

    /// <summary>Revokes in one conditional update, so of two concurrent revocations exactly one wins; returns once committed.</summary>
    public async Task<Licence> RevokeAsync(string licenceNumber, string reason, CancellationToken cancellationToken)
    {
        var revokedAt = Exchange.Licences.IssuerKeyRing.FormatInstant(time.GetUtcNow());
        var updated = await store.Licences
            .Where(l => l.LicenceNumber == licenceNumber && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, revokedAt).SetProperty(l => l.RevocationReason, reason), cancellationToken);
        if (updated == 0)
        {
            var existing = await GetAsync(licenceNumber, cancellationToken);
            throw new PreconditionFailedException(
                $"Licence {licenceNumber} is already revoked",
                [$"revoked at {existing.RevokedAt}: {existing.RevocationReason}"]);
        }
        return await GetAsync(licenceNumber, cancellationToken);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static Licence ToContract(IssuedLicence row, DateOnly today)
    {
        var licence = new Licence
        {
            LicenceNumber = row.LicenceNumber,
            TypeCode = row.TypeCode,
            HolderId = row.HolderId,
            HolderName = row.HolderName,
            IssuerDepartmentCode = row.IssuerDepartmentCode,
            IssuerCreditCode = row.IssuerCreditCode,
            IssueDate = IsoDate.Format(row.IssueDate),
            ExpiryDate = IsoDate.Format(row.ExpiryDate),
            Status = row.RevokedAt is not null ? LicenceStatus.Revoked
                : row.ExpiryDate is { } expiry && expiry < today ? LicenceStatus.Expired
                : LicenceStatus.Valid,
            RevocationReason = row.RevocationReason ?? string.Empty,
            RevokedAt = row.RevokedAt ?? string.Empty,
            SigningKeyId = row.SigningKeyId,
            SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256,
            Signature = Google.Protobuf.ByteString.CopyFrom(row.Signature),
        };
        licence.DataItems.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(row.DataItems)!);
        return licence;
    }
}
