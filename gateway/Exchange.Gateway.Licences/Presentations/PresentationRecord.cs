using System.Text.Json;
using Exchange.Labels;
using Exchange.Licences;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>What a live code stands for: the holder's consent to show these items of this licence to one counter.</summary>
internal sealed record PresentationRecord(
    string Id, string HolderId, string LicenceNumber, string TypeCode, IReadOnlyList<string> Items, string Department, DateTimeOffset MadeAt, DateTimeOffset ExpiresAt)
{
    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static PresentationRecord Decode(byte[] value) =>
        JsonSerializer.Deserialize<PresentationRecord>(value) ?? throw new InvalidDataException("An empty presentation record.");

    /// <summary>The items qualified by the licence type, as grants and audit records name licence items.</summary>
    public IEnumerable<string> QualifiedItems => Items.Select(i => LicenceDisclosure.Qualified(TypeCode, i));

    /// <summary>The basis of a use under this code, for the audit record: the holder's consent and the code's id, never the code.</summary>
    public string Basis => $"持证人亮证同意（亮证码编号 {Id}）";

    /// <summary>Who may redeem it, in words.</summary>
    public string Counter => Department.Length == 0 ? "任一办事窗口" : DepartmentNames.Of(Department);
}
