using System.Text.Json;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Issues the department's licences to the synthetic population: serials count up per type in the order the
/// department drafts them, so numbers are the same on every machine; each licence is signed with the current key.
/// </summary>
public sealed class LicenceStoreSeed(ILicenceIssuance issuance, IssuerKeyRing keys, string issuerCreditCode, DateOnly validityReference) : IAdapterStoreSeed<LicenceStore>
{
    public Task<bool> HasDataAsync(LicenceStore store, CancellationToken cancellationToken) =>
        store.Licences.AnyAsync(cancellationToken);

    public IReadOnlyList<object> CreateRows(SyntheticPopulation population)
    {
        var key = keys.Current;
        var serials = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = new List<object>();
        foreach (var draft in issuance.Draft(population, validityReference))
        {
            var serial = serials[draft.TypeCode] = serials.GetValueOrDefault(draft.TypeCode) + 1;
            var licence = new Licence
            {
                LicenceNumber = LicenceNumber.Create(draft.TypeCode, issuerCreditCode, serial),
                TypeCode = draft.TypeCode,
                HolderId = draft.HolderId,
                HolderName = draft.HolderName,
                IssuerDepartmentCode = keys.Department,
                IssuerCreditCode = issuerCreditCode,
                IssueDate = IsoDate.Format(draft.IssueDate),
                ExpiryDate = IsoDate.Format(draft.ExpiryDate),
            };
            foreach (var (name, value) in draft.DataItems)
                licence.DataItems[name] = value;
            LicenceSigner.Sign(licence, key);
            rows.Add(new IssuedLicence
            {
                LicenceNumber = licence.LicenceNumber,
                TypeCode = licence.TypeCode,
                HolderId = licence.HolderId,
                HolderName = licence.HolderName,
                IssuerDepartmentCode = licence.IssuerDepartmentCode,
                IssuerCreditCode = licence.IssuerCreditCode,
                IssueDate = draft.IssueDate,
                ExpiryDate = draft.ExpiryDate,
                DataItems = JsonSerializer.Serialize(new SortedDictionary<string, string>(licence.DataItems, StringComparer.Ordinal)),
                SigningKeyId = licence.SigningKeyId,
                Signature = licence.Signature.ToByteArray(),
                RevokedAt = draft.RevokedOn is { } revoked
                    ? IssuerKeyRing.FormatInstant(new DateTimeOffset(revoked.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                    : null,
                RevocationReason = draft.RevocationReason,
            });
        }
        return rows;
    }
}
