using System.Text.RegularExpressions;

namespace Exchange.Catalog.Admin.Forms;

/// <summary>
/// Chinese wording of the catalog domain's validation messages, which are written in English for the gRPC API.
/// A message this does not know is shown as it is rather than hidden.
/// </summary>
public static partial class DomainMessages
{
    /// <summary>The reason of an <see cref="Exchange.ServiceDefaults.Errors.InvalidFieldException"/>.</summary>
    public static string Reason(string reason)
    {
        if (reason == "is required")
            return "必填。";
        if (reason.StartsWith("is required:", StringComparison.Ordinal))
            return "必须填写理由，以便对方据此处理。";
        if (AtMost().Match(reason) is { Success: true } atMost)
            return $"最多 {atMost.Groups[1].Value} 个字符。";
        if (reason.Contains("must consist of upper-case letters, digits and hyphens", StringComparison.Ordinal))
            return "只能由大写字母、数字和连字符组成（连字符不能在首尾或连续出现），例如 PS-RESIDENT-BASIC。";
        if (reason.Contains("is not a known", StringComparison.Ordinal))
            return "请从列表中选择。";
        return reason;
    }

    /// <summary>A publication problem from <see cref="Exchange.Catalog.Domain.PublicationCheck"/>, with the form field it concerns.</summary>
    public static (string Field, string Text) Publication(string problem)
    {
        Match m;
        if (problem == "provider_department_code is empty")
            return ("ProviderDepartmentCode", "未选择提供部门。");
        if ((m = ProviderNotRegistered().Match(problem)).Success)
            return ("ProviderDepartmentCode", $"提供部门 {m.Groups[1].Value} 尚未注册。");
        if (problem.StartsWith("data_items is empty", StringComparison.Ordinal))
            return ("DataItems", "至少需要一个数据项。");
        if (problem == "a data item has no name")
            return ("DataItems", "有数据项未填写名称。");
        if ((m = DuplicateItem().Match(problem)).Success)
            return ("DataItems", $"数据项名称 {m.Groups[1].Value} 重复出现 {m.Groups[2].Value} 次。");
        if (problem == "share_type is unspecified")
            return ("ShareType", "未选择共享类型。");
        if (problem == "grpc_service is empty")
            return ("GrpcService", "未填写 gRPC 服务。");
        if ((m = BadService().Match(problem)).Success)
            return ("GrpcService", $"gRPC 服务 {m.Groups[1].Value} 不是完整的服务名，应形如 exchange.publicsecurity.v1.PopulationService。");
        if (problem == "grpc_methods is empty")
            return ("GrpcMethods", "至少需要一个 gRPC 方法。");
        if ((m = BadMethod().Match(problem)).Success)
            return ("GrpcMethods", $"“{m.Groups[1].Value}”不是有效的方法名，应形如 GetResident。");
        if ((m = DuplicateMethod().Match(problem)).Success)
            return ("GrpcMethods", $"gRPC 方法 {m.Groups[1].Value} 重复列出 {m.Groups[2].Value} 次。");
        if (problem == "endpoint is empty")
            return ("Endpoint", "未填写服务地址。");
        if ((m = BadEndpoint().Match(problem)).Success)
            return ("Endpoint", $"“{m.Groups[1].Value}”不是完整的 http 或 https 地址。");
        if ((m = MethodTaken().Match(problem)).Success)
            return ("GrpcMethods", $"方法 {m.Groups[1].Value} 已由已发布的资源 {m.Groups[2].Value} 提供。");
        if ((m = ServiceElsewhere().Match(problem)).Success)
            return ("Endpoint", $"服务 {m.Groups[1].Value} 已由已发布的资源 {m.Groups[3].Value} 在 {m.Groups[2].Value} 提供；网关按服务路由，请使用该地址。");
        if (problem.StartsWith("licence_type_codes is empty", StringComparison.Ordinal))
            return ("LicenceTypeCodes", "电子证照资源至少需要一个证照类型代码。");
        if (problem.StartsWith("licence_type_codes are only", StringComparison.Ordinal))
            return ("LicenceTypeCodes", "只有 exchange.licence.v1.LicenceIssuerService 提供的电子证照资源才能填写证照类型。");
        if ((m = BadLicenceType().Match(problem)).Success)
            return ("LicenceTypeCodes", $"“{m.Groups[1].Value}”不是有效的证照类型代码，应为 4 位大写字母或数字，如 RIDC。");
        if ((m = LicenceTypeTaken().Match(problem)).Success)
            return ("LicenceTypeCodes", $"证照类型 {m.Groups[1].Value} 已由已发布的资源 {m.Groups[2].Value} 签发。");
        return (string.Empty, problem);
    }

    [GeneratedRegex(@"^licence type code '(.*)' is not")]
    private static partial Regex BadLicenceType();

    [GeneratedRegex(@"^licence type (\S+) is already issued by published resource (\S+)$")]
    private static partial Regex LicenceTypeTaken();

    [GeneratedRegex(@"^must be at most (\d+) characters$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^provider department (\S+) is not registered$")]
    private static partial Regex ProviderNotRegistered();

    [GeneratedRegex(@"^data item name (\S+) appears (\d+) times$")]
    private static partial Regex DuplicateItem();

    [GeneratedRegex(@"^grpc_service (.+) is not a fully qualified service name")]
    private static partial Regex BadService();

    [GeneratedRegex(@"^grpc method '(.*)' is not a method name")]
    private static partial Regex BadMethod();

    [GeneratedRegex(@"^grpc method (\S+) is listed (\d+) times$")]
    private static partial Regex DuplicateMethod();

    [GeneratedRegex(@"^endpoint '(.*)' is not an absolute http or https URI$")]
    private static partial Regex BadEndpoint();

    [GeneratedRegex(@"^method (\S+) is already served by published resource (\S+)$")]
    private static partial Regex MethodTaken();

    [GeneratedRegex(@"^service (\S+) is already served from (\S+) by published resource\(s\) (.+?); the gateway routes per service")]
    private static partial Regex ServiceElsewhere();
}
