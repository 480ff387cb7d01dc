using Exchange.Catalog.Admin.Audit;
using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Exchange.Client;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.Catalog.V1;
using Exchange.Transparency;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GrpcCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Audit;

/// <summary>The gateway's audit log (电子监察), newest first, with filters and a check of its hash chain.</summary>
public sealed class IndexModel(GatewayAuditLog log, DepartmentRegistry departments, PageClock clock, CheckpointWitness witness) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Consumer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? Resource { get; set; }
    [BindProperty(SupportsGet = true)] public string? Holder { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? Until { get; set; }
    [BindProperty(SupportsGet = true)] public long Before { get; set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public VerifyAuditChainResponse? Verification { get; private set; }

    /// <summary>The checkpoint this catalog itself witnessed for the gateway's log: what the page checks the gateway's answer against.</summary>
    public Exchange.Transparency.WitnessedCheckpoint? CatalogCheckpoint { get; private set; }
    public string? Error { get; private set; }
    public Uri GatewayAddress => log.GatewayAddress;

    /// <summary>The sequence to continue from for the next (older) page, or 0 when this is the last.</summary>
    public long NextBefore => Records.Count == PageSize ? Records[^1].Sequence : 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await departments.ListAsync(cancellationToken);
        if (From is { } from && Until is { } until && until <= from)
            ModelState.AddModelError(nameof(Until), TimeRangeMessages.EndNotAfterStart);
        if (HolderProblem(Holder) is { } holderProblem)
            ModelState.AddModelError(nameof(Holder), holderProblem);
        if (!ModelState.IsValid)
            return;
        await CallGatewayAsync(async () => Records = await log.QueryAsync(Query(), cancellationToken));
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Departments = await departments.ListAsync(cancellationToken);
        await CallGatewayAsync(async () =>
        {
            Verification = await log.VerifyAsync(cancellationToken);
            CatalogCheckpoint = witness.Latest(Verification.WitnessedCheckpoint?.LogId is { Length: > 0 } logId ? logId : "gateway");
            Records = await log.QueryAsync(Query(), cancellationToken);
        });
    }

    public string Time(Timestamp? time) => clock.Format(time);

    /// <summary>A department's name from the catalog's registry, else the shared names; an empty code is an unauthenticated caller.</summary>
    public string DepartmentName(string code) =>
        Departments.FirstOrDefault(d => d.Code == code)?.Name ?? (code.Length == 0 ? "—" : Exchange.Labels.DepartmentNames.Of(code));

    /// <summary>Why a typed holder cannot be a citizen id or a credit code, said so the inspector can fix it; null when it can.</summary>
    public static string? HolderProblem(string? holder)
    {
        var value = Exchange.Identifiers.HolderIdentifier.Normalise(holder);
        if (value.Length == 0 || Exchange.Identifiers.HolderIdentifier.Problem(value) is null)
            return null;
        if (value.Length != 18)
            return $"“{value}”不是身份证号或统一社会信用代码：两者都是 18 位，这里是 {value.Length} 位。";
        return $"“{value}”不是有效的身份证号或统一社会信用代码：校验位或编码规则不符，请核对。";
    }

    /// <summary>The gRPC method without its package, for example PopulationService/GetResident; the full name is in the title.</summary>
    public static string ShortMethod(string method)
    {
        var trimmed = method.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return method;
        var service = trimmed[..slash];
        var dot = service.LastIndexOf('.');
        return (dot < 0 ? service : service[(dot + 1)..]) + "/" + trimmed[(slash + 1)..];
    }

    public string Time(long unixMillis) => clock.Format(Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMillis)));

    /// <summary>The failure's name on the page.</summary>
    public static string FailureName(AuditFailure failure) => failure switch
    {
        AuditFailure.ChainBroken => "哈希链断裂：记录被修改、缺失或链接被破坏",
        AuditFailure.RootMismatch => "根哈希与见证检查点不符：记录被改写并重算了哈希，或恢复旧备份后又继续写入（分叉）",
        AuditFailure.TailDeleted => "日志比见证方看到的短：末尾记录被删除，或恢复了旧备份",
        AuditFailure.WitnessesUnavailable => "无法取得见证检查点：无法排除删除末尾或整体改写",
        AuditFailure.BadCheckpoint => "见证方持有的检查点签名无效",
        _ => failure.ToString(),
    };

    private QueryAuditRecordsRequest Query()
    {
        var request = new QueryAuditRecordsRequest
        {
            ConsumerDepartmentCode = Consumer?.Trim() ?? string.Empty,
            ProviderDepartmentCode = Provider?.Trim() ?? string.Empty,
            ResourceCode = Resource?.Trim().ToUpperInvariant() ?? string.Empty,
            HolderId = Holder?.Trim().ToUpperInvariant() ?? string.Empty,
            PageSize = PageSize,
            BeforeSequence = Math.Max(Before, 0),
        };
        if (From is { } from)
            request.StartTime = Timestamp.FromDateTimeOffset(clock.FromLocal(from));
        if (Until is { } until)
            request.EndTime = Timestamp.FromDateTimeOffset(clock.FromLocal(until));
        return request;
    }

    private async Task CallGatewayAsync(Func<Task> call)
    {
        if (log.Unavailable is { } unavailable)
        {
            Error = unavailable;
            return;
        }
        try
        {
            await call();
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcCode.Unavailable or GrpcCode.DeadlineExceeded)
        {
            Error = $"无法连接网关 {log.GatewayAddress}（{ex.StatusCode}），请确认网关正在运行。";
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcCode.Unauthenticated or GrpcCode.PermissionDenied)
        {
            Error = $"网关拒绝了目录管理客户端的凭据（{ex.StatusCode}）：{ex.Status.Detail}";
        }
        catch (RpcException ex)
        {
            Error = $"网关返回错误（{ex.StatusCode}）：{ex.Status.Detail}";
        }
        catch (ExchangeTokenException ex)
        {
            Error = $"无法获取访问网关的令牌：{ex.Message}";
        }
    }
}
