using Exchange.Portal.Gateway;
using Exchange.Portal.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Portal.Pages;

/// <summary>我的证照: every licence of the signed-in holder, valid first, then revoked and expired ones with why.</summary>
public sealed class IndexModel(MyLicences licences) : PageModel
{
    public HolderLicences? Found { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        try
        {
            Found = await licences.ListAsync(HttpContext, User.HolderId());
            if (Found is null)
                Problem = "登录已失效，请重新登录。";
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Problem = "证照服务暂时无法访问，请稍后再试。";
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unauthenticated)
        {
            Problem = "登录已失效，请重新登录。";
        }
    }
}
