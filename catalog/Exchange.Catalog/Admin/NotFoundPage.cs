using System.Net;

namespace Exchange.Catalog.Admin;

/// <summary>
/// A 404 under /admin (an unknown page, resource or application) answered with a page in Chinese and a way back,
/// not the browser's own English error page.
/// </summary>
internal static class NotFoundPage
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>页面不存在 · 数据共享交换平台 · 目录管理</title>
            <link rel="stylesheet" href="/admin/admin.css" />
        </head>
        <body>
        <header class="top">
            <div class="brand"><a href="/admin">数据共享交换平台 <span>资源目录管理</span></a></div>
        </header>
        <main>
            <section class="card" data-testid="not-found">
                <h1>页面不存在</h1>
                <p>没有找到 <span class="mono">{0}</span>：地址可能输错了，或者该资源、申请已不存在。</p>
                <p><a href="/admin/resources">返回资源目录</a> · <a href="/admin/applications">共享申请</a></p>
            </section>
        </main>
        <footer>数据共享交换平台 · 资源目录 · 管理界面</footer>
        </body>
        </html>
        """;

    public static IApplicationBuilder UseAdminNotFoundPage(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(AdminUiExtensions.BasePath, StringComparison.OrdinalIgnoreCase), admin =>
            admin.Use(async (context, next) =>
            {
                await next(context);
                var response = context.Response;
                if (response.StatusCode != StatusCodes.Status404NotFound || response.HasStarted || response.ContentLength > 0)
                    return;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Html,
                    WebUtility.HtmlEncode(context.Request.Path.Value)), context.RequestAborted);
            }));
}
