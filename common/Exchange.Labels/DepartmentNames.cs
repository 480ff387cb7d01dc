namespace Exchange.Labels;

/// <summary>Departments by the names people know them by; a code is shown only for a department not known here.</summary>
public static class DepartmentNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["PUBLIC-SECURITY"] = "公安厅",
        ["MARKET-REGULATION"] = "市场监督管理局",
        ["CIVIL-AFFAIRS"] = "民政厅",
        ["HUMAN-RESOURCES"] = "人力资源和社会保障厅",
        ["MEDICAL-INSURANCE"] = "医疗保障局",
        ["REAL-ESTATE-REGISTRY"] = "不动产登记局",
        ["HOUSING-FUND"] = "住房公积金管理中心",
        [OwnClientCodes.CatalogAdmin] = "资源目录管理",
        [OwnClientCodes.Portal] = "政务服务门户",
    };

    /// <summary>Said for a call that named no department: its caller was not authenticated.</summary>
    public const string Unauthenticated = "未认证的调用方";

    /// <summary>The department's name; an empty code is an unauthenticated caller, an unknown one stays as written.</summary>
    public static string Of(string? code) =>
        string.IsNullOrEmpty(code) ? Unauthenticated : Names.GetValueOrDefault(code, code);

    /// <summary>The name, or the given fallback when the code is not one of the known departments.</summary>
    public static string Of(string? code, string fallback) =>
        !string.IsNullOrEmpty(code) && Names.TryGetValue(code, out var name) ? name : fallback;
}
