using Exchange.Gateway.Licences;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using QRCoder;

namespace Exchange.Gateway.Clerk;

/// <summary>
/// One licence as the clerk page shows it: Chinese labels, the verdict in words, the items the clerk's department may
/// see, and its QR code when it sees the whole licence.
/// </summary>
public sealed class LicenceView
{
    private static readonly Dictionary<string, string> ItemTitles = new(StringComparer.Ordinal)
    {
        ["name"] = "姓名", ["gender"] = "性别", ["ethnicity"] = "民族", ["birth_date"] = "出生日期", ["address"] = "住址",
        ["citizen_id"] = "公民身份号码", ["certificate_number"] = "结婚证字号", ["registration_date"] = "登记日期",
        ["registration_office"] = "登记机关", ["husband_name"] = "男方姓名", ["husband_citizen_id"] = "男方身份证号",
        ["wife_name"] = "女方姓名", ["wife_citizen_id"] = "女方身份证号", ["enterprise_name"] = "名称", ["credit_code"] = "统一社会信用代码",
        ["legal_representative"] = "法定代表人", ["registered_capital"] = "注册资本", ["enterprise_type"] = "类型",
        ["business_scope"] = "经营范围", ["established_date"] = "成立日期", ["registration_authority"] = "登记机关",
        ["organization_name"] = "名称", ["organization_type"] = "类型", ["domicile"] = "住所", ["business_scope_text"] = "业务范围",
    };

    private static readonly Dictionary<string, string> DepartmentNames = new(StringComparer.Ordinal)
    {
        ["PUBLIC-SECURITY"] = "公安厅", ["MARKET-REGULATION"] = "市场监督管理局", ["CIVIL-AFFAIRS"] = "民政厅",
    };

    private LicenceView(Licence licence, Verification verification, bool genuine, bool whole)
    {
        Number = licence.LicenceNumber;
        TypeName = LicenceTypeNames.Of(licence.TypeCode);
        Genuine = genuine;
        HolderName = licence.HolderName;
        HolderId = licence.HolderId;
        Issuer = DepartmentNames.GetValueOrDefault(licence.IssuerDepartmentCode, licence.IssuerDepartmentCode);
        IssueDate = licence.IssueDate;
        ExpiryDate = licence.ExpiryDate.Length == 0 ? "长期" : licence.ExpiryDate;
        (Status, StatusClass) = verification.Outcome switch
        {
            VerificationOutcome.Valid => ("有效", "ok"),
            VerificationOutcome.Revoked => ("已撤销", "bad"),
            VerificationOutcome.Expired => ("已过期", "warn"),
            _ => ("核验不通过", "bad"),
        };
        SignatureValid = genuine;
        Verdict = Explain(licence, verification);
        CheckedAt = verification.CheckedAt;
        Items = licence.DataItems.OrderBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => (ItemTitles.GetValueOrDefault(i.Key, i.Key), i.Value)).ToList();
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
    public string HolderName { get; }
    public string HolderId { get; }
    public string Issuer { get; }
    public string IssueDate { get; }
    public string ExpiryDate { get; }
    public string Status { get; }
    public string StatusClass { get; }
    public bool SignatureValid { get; }
    public string Verdict { get; }
    public string CheckedAt { get; }
    public IReadOnlyList<(string Title, string Value)> Items { get; }
    public string? QrImage { get; }

    internal static LicenceView Of(CheckedLicence licence) => new(licence.ForCaller(), licence.Verification, licence.Genuine, licence.Whole);

    private static string Explain(Licence licence, Verification verification) => verification.Outcome switch
    {
        VerificationOutcome.Valid => "签名真实，证照有效，可替代纸质证照。",
        VerificationOutcome.Revoked => $"证照已于 {licence.RevokedAt} 被签发部门撤销，原因：{licence.RevocationReason}",
        VerificationOutcome.Expired => $"证照已于 {licence.ExpiryDate} 过期，请申请人办理换领。",
        VerificationOutcome.UnknownKey => "签名所用的密钥未在资源目录登记，无法确认真伪。",
        VerificationOutcome.Mismatch => "二维码内容与签发部门现存的证照不一致，请申请人出示最新的证照。",
        _ => "签名核验不通过：证照内容被改动，或并非签发部门签发。",
    };
}
