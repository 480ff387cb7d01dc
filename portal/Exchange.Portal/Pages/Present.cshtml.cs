using Exchange.Portal.Gateway;
using Exchange.Portal.Identity;
using Exchange.Protos.Licence.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Portal.Pages;

/// <summary>亮证: the holder chooses the items of one valid licence to show and, if they like, the counter's department, and gets a one-time code.</summary>
public sealed class PresentModel(MyLicences licences, MyPresentations presentations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    [BindProperty]
    public List<string> Items { get; set; } = [];

    [BindProperty]
    public string? Counter { get; set; }

    public HolderLicence? Licence { get; private set; }

    public HolderPresentation? Made { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync()
    {
        if (!await LoadAsync())
            return;
        if (Items.Count == 0)
        {
            Problem = "请至少选择一项同意出示的信息。";
            return;
        }
        try
        {
            Made = await presentations.MakeAsync(HttpContext, Number, Items, string.IsNullOrEmpty(Counter) ? null : Counter);
            if (Made is null)
                Problem = "登录已失效，请重新登录。";
        }
        catch (RpcException ex)
        {
            Problem = ex.StatusCode switch
            {
                Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded => "亮证服务暂时无法使用，请稍后再试。",
                Grpc.Core.StatusCode.Unauthenticated => "登录已失效，请重新登录。",
                Grpc.Core.StatusCode.FailedPrecondition => "该证照当前无效，不能亮证。",
                Grpc.Core.StatusCode.NotFound => "未找到您名下的这张证照。",
                _ => "无法生成亮证码，请检查所选信息后重试。",
            };
        }
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            var found = await licences.ListAsync(HttpContext, User.HolderId());
            if (found is null)
            {
                Problem = "登录已失效，请重新登录。";
                return false;
            }
            Licence = found.Licences.FirstOrDefault(l => string.Equals(l.Number, Number, StringComparison.Ordinal));
            Problem = Licence switch
            {
                null => "未找到您名下的这张证照。",
                { Status: not LicenceStatus.Valid } => "该证照当前无效（" + Licence.StatusText + "），不能亮证。",
                _ => null,
            };
            return Problem is null;
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Problem = "证照服务暂时无法访问，请稍后再试。";
            return false;
        }
    }
}
