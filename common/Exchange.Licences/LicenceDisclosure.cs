using System.Collections.Frozen;
using Exchange.Protos.Licence.V1;

namespace Exchange.Licences;

/// <summary>
/// What a consumer may see of the licences of one type. The e-licence resources name their data items per licence
/// type, qualified by its code (<c>RIDC.name</c>, <c>MARC.wife_citizen_id</c>, <c>RIDC.holder_id</c>); a consumer may
/// use a type when its grant names at least one item of that type, or when the service item it handles has a material of
/// that type. The facts of a verification (number, type, issuer, dates, status) come with every licence it may use;
/// holder id, holder name and the data items only as named. The signature (and so the QR payload) only with the whole
/// licence, since a signature over fields the caller cannot see proves nothing to it.
/// </summary>
public sealed class LicenceDisclosure
{
    public const string HolderId = "holder_id";
    public const string HolderName = "holder_name";

    private readonly bool _whole;

    private LicenceDisclosure(string typeCode, bool mayUse, FrozenSet<string> items, bool whole = false)
    {
        TypeCode = typeCode;
        MayUse = mayUse;
        Items = items;
        _whole = whole;
    }

    public string TypeCode { get; }

    /// <summary>Whether the consumer may use licences of this type at all (look them up, list them, count them as a material).</summary>
    public bool MayUse { get; }

    /// <summary>The items it may see, unqualified: <c>holder_id</c>, <c>holder_name</c> and data item keys.</summary>
    public IReadOnlySet<string> Items { get; }

    /// <summary>The facts of a presented licence, for a consumer with neither grant nor service item: validity, type, issuer, holder name and dates.</summary>
    public static LicenceDisclosure FactsOnly(string typeCode) => new(typeCode, false, FrozenSet.Create(StringComparer.Ordinal, HolderName));

    /// <summary>Everything: the issuer of the type.</summary>
    public static LicenceDisclosure Whole(string typeCode) => new(typeCode, true, FrozenSet<string>.Empty, whole: true);

    /// <summary>
    /// From the items a grant names (qualified, any type; items of other types are ignored) and the items that the
    /// materials of the consumer's service item need for this type (unqualified; null when no material names the type).
    /// </summary>
    public static LicenceDisclosure For(string typeCode, IEnumerable<string> grantedItems, IEnumerable<string>? materialItems)
    {
        var prefix = typeCode + ".";
        var items = new HashSet<string>(StringComparer.Ordinal);
        var granted = false;
        foreach (var item in grantedItems)
        {
            if (item.StartsWith(prefix, StringComparison.Ordinal) && item.Length > prefix.Length)
            {
                granted = true;
                items.Add(item[prefix.Length..]);
            }
        }
        if (materialItems is not null)
            items.UnionWith(materialItems);
        return new LicenceDisclosure(typeCode, granted || materialItems is not null, items.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The qualified name of an item of a licence type, as the e-licence resources and their grants name it.</summary>
    public static string Qualified(string typeCode, string item) => $"{typeCode}.{item}";

    /// <summary>This disclosure with the holder name added: what verifying a presented licence always answers.</summary>
    public LicenceDisclosure WithHolderName() =>
        _whole || Items.Contains(HolderName) ? this : new LicenceDisclosure(TypeCode, MayUse, Items.Append(HolderName).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Whether the licence is shown whole, signature included.</summary>
    public bool Covers(Licence licence) =>
        _whole || (Items.Contains(HolderId) && Items.Contains(HolderName) && licence.DataItems.Keys.All(Items.Contains));

    /// <summary>The licence as this consumer may see it; the licence itself when it sees all of it.</summary>
    public Licence Apply(Licence licence)
    {
        if (Covers(licence))
            return licence;
        var shown = new Licence
        {
            LicenceNumber = licence.LicenceNumber,
            TypeCode = licence.TypeCode,
            IssuerDepartmentCode = licence.IssuerDepartmentCode,
            IssuerCreditCode = licence.IssuerCreditCode,
            IssueDate = licence.IssueDate,
            ExpiryDate = licence.ExpiryDate,
            Status = licence.Status,
            RevocationReason = licence.RevocationReason,
            RevokedAt = licence.RevokedAt,
        };
        if (Items.Contains(HolderId))
            shown.HolderId = licence.HolderId;
        if (Items.Contains(HolderName))
            shown.HolderName = licence.HolderName;
        foreach (var (key, value) in licence.DataItems)
        {
            if (Items.Contains(key))
                shown.DataItems[key] = value;
        }
        return shown;
    }

    /// <summary>The items returned of a licence, qualified and comma-separated, for the audit record.</summary>
    public string Returned(Licence licence)
    {
        var shown = Apply(licence);
        var names = new List<string>();
        if (shown.HolderId.Length > 0)
            names.Add(Qualified(TypeCode, HolderId));
        if (shown.HolderName.Length > 0)
            names.Add(Qualified(TypeCode, HolderName));
        names.AddRange(shown.DataItems.Keys.Order(StringComparer.Ordinal).Select(k => Qualified(TypeCode, k)));
        return string.Join(',', names);
    }
}
