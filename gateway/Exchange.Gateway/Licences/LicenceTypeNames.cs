namespace Exchange.Gateway.Licences;

/// <summary>Chinese names of the licence types, for clerks.</summary>
internal static class LicenceTypeNames
{
    public static string Of(string typeCode) => typeCode switch
    {
        "RIDC" => "居民身份证",
        "BLIC" => "营业执照",
        "MARC" => "结婚证",
        "SORC" => "社会团体法人登记证书",
        _ => typeCode,
    };
}
