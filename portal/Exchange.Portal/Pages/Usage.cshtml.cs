using Exchange.Portal.Gateway;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Portal.Pages;

/// <summary>谁用了我的数据: the audit records about the signed-in holder, each proved against the witnessed checkpoint.</summary>
public sealed class UsageModel(MyUsage usage) : PageModel
{
    public HolderUsage? Found { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            Found = await usage.ListAsync(HttpContext);
            if (Found is null)
                Problem = "登录已失效，请重新登录。";
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Problem = "审计日志暂时无法访问，请稍后再试。";
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unauthenticated)
        {
            Problem = "登录已失效，请重新登录。";
        }
    }
}
