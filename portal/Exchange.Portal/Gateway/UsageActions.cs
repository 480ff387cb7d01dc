namespace Exchange.Portal.Gateway;

/// <summary>What a licence call did, in words a holder reads, from the method its audit record names.</summary>
public static class UsageActions
{
    public static string Of(string method) => method[(method.LastIndexOf('/') + 1)..] switch
    {
        "ListByHolder" => "查询持证人的证照",
        "Get" => "调取证照",
        "Verify" => "核验证照",
        "Revoke" => "撤销证照",
        "CheckMaterials" => "受理前核查申请材料",
        "ListUsage" => "查询用证记录",
        "CreatePresentation" => "生成亮证码",
        "Presentation" => "窗口按亮证码核验",
        "LicenceNumber" => "窗口按证照编号核验",
        "QrPayload" => "窗口扫码核验",
        "HolderId" => "窗口按持证人查询",
        var other => other,
    };
}
