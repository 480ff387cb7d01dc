using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Tests;

/// <summary>Resources that no other test uses: a fresh code and a gRPC service of their own.</summary>
internal static class TestResources
{
    public const string Provider = "CIVIL-AFFAIRS";

    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)].ToUpperInvariant();

    /// <summary>A draft complete enough to publish.</summary>
    public static Resource Complete(string code) => new()
    {
        Code = code,
        Name = "殡葬服务信息",
        Description = "测试用资源",
        ProviderDepartmentCode = Provider,
        ShareType = ShareType.Conditional,
        ShareCondition = "仅限办理身后事一件事",
        UpdateFrequency = UpdateFrequency.Daily,
        GrpcService = $"exchange.t{code.ToLowerInvariant().Replace("-", "")}.v1.FuneralService",
        GrpcMethods = { "GetCremation" },
        Endpoint = "http://127.0.0.1:17013",
        DataItems =
        {
            new DataItem { Name = "citizen_id", Title = "公民身份号码", Type = DataType.String, Sensitivity = Sensitivity.Sensitive },
            new DataItem { Name = "cremation_date", Title = "火化日期", Type = DataType.Date, Sensitivity = Sensitivity.Internal },
        },
    };
}
