using Exchange.Labels;
using Exchange.Portal.Gateway;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Portal.Pages;

/// <summary>
/// 数据异议: my objections with their state and the provider's answer, and, reached from a usage record or a licence, a
/// form to say which of its items are wrong and why.
/// </summary>
public sealed class ObjectionsModel(MyObjections objections) : PageModel
{
    public const int MaxReasonLength = 1000;

    /// <summary>The resource the objection is about (from the record or licence the holder came from).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Resource { get; set; }

    /// <summary>The items offered, comma-separated, from the record or licence.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Offered { get; set; }

    [BindProperty]
    public List<string> Items { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<HolderObjection> Mine { get; private set; } = [];

    public HolderObjection? Raised { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<(string Item, string Title)> Choices =>
        string.IsNullOrEmpty(Resource) || string.IsNullOrEmpty(Offered)
            ? []
            : [.. Offered.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Select(i => (i, DataItemTitles.Of(Resource, i)))];

    public string ResourceName => DataItemTitles.ResourceName(Resource ?? string.Empty);

    /// <summary>The objection just raised, after the redirect that keeps a reload from raising it again.</summary>
    [BindProperty(SupportsGet = true)]
    public string? RaisedId { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Raised = RaisedId is null ? null : Mine.FirstOrDefault(o => o.Id == RaisedId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var reason = (Reason ?? string.Empty).Trim();
        if (string.IsNullOrEmpty(Resource) || Items.Count == 0)
            Problem = "请选择有误的数据项。";
        else if (reason.Length == 0 || reason.Length > MaxReasonLength)
            Problem = $"请填写异议理由（不超过 {MaxReasonLength} 字）：哪里有误，正确的是什么。";
        else
        {
            try
            {
                Raised = await objections.RaiseAsync(HttpContext, Resource, Items, reason);
                if (Raised is not null)
                    return RedirectToPage(new { RaisedId = Raised.Id });
                Problem = "登录已失效，请重新登录。";
            }
            catch (RpcException ex)
            {
                Problem = ex.StatusCode switch
                {
                    Grpc.Core.StatusCode.AlreadyExists => "您已对该数据项提出过异议，正在处理中。",
                    Grpc.Core.StatusCode.ResourceExhausted => "您处理中的异议已达上限，请待已有异议答复后再提出。",
                    Grpc.Core.StatusCode.InvalidArgument => "所选数据项或理由有误，请检查后重试。",
                    Grpc.Core.StatusCode.Unauthenticated => "登录已失效，请重新登录。",
                    _ => "异议服务暂时无法访问，请稍后再试。",
                };
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        try
        {
            Mine = await objections.ListAsync(HttpContext) ?? [];
        }
        catch (RpcException)
        {
            Problem ??= "异议服务暂时无法访问，请稍后再试。";
        }
    }
}
