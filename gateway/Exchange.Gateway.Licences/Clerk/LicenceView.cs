using Exchange.Gateway.Licences;
using Exchange.Labels;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using QRCoder;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>
/// One licence as the clerk page shows it: the type's titles and item order as on the paper certificate, the verdict in
/// words, the items the clerk's department may see, and its QR code when it sees the whole licence.
/// </summary>
public sealed class LicenceView
{
    private LicenceView(Licence licence, Verification verification, bool genuine, bool whole)
    {
        var schema = LicenceSchemas.Of(licence.TypeCode);
        Number = licence.LicenceNumber;
        TypeName = schema.Name;
        HolderTitle = schema.HolderTitle;
        HolderIdTitle = schema.HolderIdTitle;
        Genuine = genuine;
        HolderName = licence.HolderName;
        HolderId = licence.HolderId;
        Issuer = DepartmentNames.Of(licence.IssuerDepartmentCode, licence.IssuerDepartmentCode);
        IssueDate = licence.IssueDate;
        ExpiryDate = licence.ExpiryDate.Length == 0 ? "长期" : licence.ExpiryDate;
        (Status, StatusClass) = Describe(verification.Outcome, genuine);
        SignatureValid = genuine;
        Verdict = Explain(licence, verification);
        CheckedAt = BeijingTime.FormatIso(verification.CheckedAt);
        Items = schema.Arrange(licence.DataItems);
        // Only a whole licence has a QR code that verifies; a partial one would fail its signature at the next counter.
        QrImage = whole
            ? "data:image/png;base64," + Convert.ToBase64String(
                new PngByteQRCode(QRCodeGenerator.GenerateQrCode(LicenceQrPayload.Encode(licence), QRCodeGenerator.ECCLevel.M)).GetGraphic(3))
            : null;
    }

    /// <summary>Signed by the issuer and its record; when false the page shows the verdict and nothing of the licence.</summary>
    public bool Genuine { get; }
    public string Number { get; }
    public string TypeName { get; }

    /// <summary>What the holder is called on this type's certificate: 姓名 for a person, 名称 for an organisation.</summary>
    public string HolderTitle { get; }
    public string HolderIdTitle { get; }
    public string HolderName { get; }
    public string HolderId { get; }
    public string Issuer { get; }
    public string IssueDate { get; }
    public string ExpiryDate { get; }
    public string Status { get; }
    public string StatusClass { get; }
    public bool SignatureValid { get; }
    public string Verdict { get; }

    /// <summary>Beijing time.</summary>
    public string CheckedAt { get; }
    public IReadOnlyList<(string Title, string Value)> Items { get; }
    public string? QrImage { get; }

    internal static LicenceView Of(CheckedLicence licence) => new(licence.ForCaller(), licence.Verification, licence.Genuine, licence.Whole);

    /// <summary>Why a genuine licence the holder still has is not valid, in one line: 结婚证 … 已于 … 被撤销（原因：…）.</summary>
    internal static string Lapse(CheckedLicence licence)
    {
        var record = licence.Licence;
        var name = LicenceSchemas.NameOf(record.TypeCode);
        return licence.Verification.Outcome == VerificationOutcome.Revoked
            ? $"{name} {record.LicenceNumber} 已于 {BeijingTime.FormatIso(record.RevokedAt)} 被签发部门撤销" + (record.RevocationReason.Length > 0 ? $"（原因：{record.RevocationReason}）" : string.Empty)
            : $"{name} {record.LicenceNumber} 已于 {record.ExpiryDate} 过期";
    }

    private static (string Status, string Class) Describe(VerificationOutcome outcome, bool genuine) => outcome switch
    {
        _ when !genuine => ("不通过", "bad"),
        VerificationOutcome.Valid => ("有效", "ok"),
        VerificationOutcome.Revoked => ("已撤销", "bad"),
        VerificationOutcome.Expired => ("已过期", "warn"),
        _ => ("不通过", "bad"),
    };

    private static string Explain(Licence licence, Verification verification) => verification.Outcome switch
    {
        VerificationOutcome.Valid => "签名真实，证照有效，可替代纸质证照。",
        VerificationOutcome.Revoked => $"证照已于 {BeijingTime.FormatIso(licence.RevokedAt)} 被签发部门撤销，不能使用。" + (licence.RevocationReason.Length > 0 ? $"撤销原因：{licence.RevocationReason}" : string.Empty),
        VerificationOutcome.Expired => $"证照已于 {licence.ExpiryDate} 过期，不能使用，请申请人办理换领。",
        VerificationOutcome.UnknownKey => "签名不符：签名所用的密钥不是签发部门在资源目录登记的密钥。该证照不能使用，请申请人出示签发部门签发的证照。",
        VerificationOutcome.Mismatch => "内容不符：二维码内容与签发部门现存的证照不一致，可能被改动或已换发。该证照不能使用，请申请人出示最新的证照。",
        _ => "签名不符：证照内容被改动，或并非签发部门签发。该证照不能使用。",
    };
}
