using System.Collections.Frozen;
using Exchange.Gateway.Catalog;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The issuers of the catalog the gateway works from now, and which issues each licence type. Rebuilt when the
/// catalog changes, so a newly published issuer is asked from its next lookup on.
/// </summary>
internal sealed class LicenceIssuers
{
    private readonly CatalogState _catalog;
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public LicenceIssuers(CatalogState catalog)
    {
        _catalog = catalog;
        catalog.Changed += Rebuild;
        Rebuild();
    }

    /// <summary>Every issuer, ordered by department.</summary>
    public IReadOnlyList<LicenceIssuer> All => _snapshot.Issuers;

    /// <summary>The issuer of a licence type, or null when no published resource covers it.</summary>
    public LicenceIssuer? ForType(string typeCode) => _snapshot.ByType.GetValueOrDefault(typeCode);

    private void Rebuild()
    {
        if (_catalog.Current is not { } catalog)
            return;
        var issuers = catalog.ResourcesByCode.Values
            .Where(LicenceIssuer.IsLicenceResource)
            .OrderBy(r => r.ProviderDepartmentCode, StringComparer.Ordinal)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new LicenceIssuer(r))
            .ToList();
        var byType = new Dictionary<string, LicenceIssuer>(StringComparer.Ordinal);
        foreach (var issuer in issuers)
        {
            foreach (var type in issuer.TypeCodes)
                byType.TryAdd(type, issuer);
        }
        _snapshot = new Snapshot(issuers, byType.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record Snapshot(IReadOnlyList<LicenceIssuer> Issuers, FrozenDictionary<string, LicenceIssuer> ByType)
    {
        public static readonly Snapshot Empty = new([], FrozenDictionary<string, LicenceIssuer>.Empty);
    }
}
