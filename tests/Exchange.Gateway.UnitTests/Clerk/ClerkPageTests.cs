using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Exchange.Licences;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Exchange.Gateway.UnitTests.Clerk;

/// <summary>
/// The clerk page's server-rendered rules in process (sign-in, what is refused before any issuer is asked), posted
/// as the browser would. Looking licences up at real issuers, and how the page looks, is tests/Exchange.Gateway.BrowserTests'.
/// </summary>
public sealed class ClerkPageTests(ClerkPageHost host) : IClassFixture<ClerkPageHost>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_page_needs_a_signed_in_clerk_and_a_wrong_password_is_refused()
    {
        using var client = NewClient();

        var unsigned = await client.GetAsync("/clerk");
        Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.StartsWith("/clerk/signin", unsigned.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var refused = await SignInAsync(client, ClerkPageHost.Clerk, "wrong-password");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("用户名或密码不正确", Text(refused.Page, "[data-testid=signin-error]"), StringComparison.Ordinal);
        Assert.Null(refused.Page.QuerySelector("[data-testid=query]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/clerk")).StatusCode);
    }

    [Theory]
    [InlineData("", "请填写办件编号")]
    [InlineData("民婚字\u202E(2026)", "不能使用的字符")]
    public async Task A_missing_or_unusable_case_number_is_an_error_the_clerk_sees_and_nothing_is_looked_up(string caseNumber, string expected)
    {
        using var client = await SignedInAsync();

        var answer = await LookUpAsync(client, LicenceNumber.Create("MARC", "111100000000130017", 1), caseNumber);

        Assert.Contains(expected, Text(answer, "[data-testid=case-problem]"), StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("[data-testid=licence]"));
        Assert.Null(answer.QuerySelector("[data-testid=problem]"));
    }

    [Fact]
    public async Task A_mistyped_number_shows_the_validation_message_and_no_licence()
    {
        using var client = await SignedInAsync();
        var number = LicenceNumber.Create("MARC", "111100000000130017", 12);
        var mistyped = number[..^1] + (number[^1] == '0' ? '1' : '0');

        var answer = await LookUpAsync(client, mistyped);

        Assert.Contains("校验位不符", Text(answer, "[data-testid=problem]"), StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("[data-testid=licence]"));
    }

    [Fact]
    public async Task An_unreadable_QR_is_explained_in_Chinese_without_an_English_tail()
    {
        using var client = await SignedInAsync();

        var answer = await LookUpAsync(client, LicenceQrPayload.Prefix + "!!!不是二维码");

        var problem = Text(answer, "[data-testid=problem]");
        Assert.Contains("二维码内容无法识别", problem, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", problem);
    }

    private HttpClient NewClient() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync()
    {
        var client = NewClient();
        var signedIn = await SignInAsync(client, ClerkPageHost.Clerk, host.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return client;
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> SignInAsync(HttpClient client, string user, string password)
    {
        var form = await GetAsync(client, "/clerk/signin");
        return await SubmitAsync(client, "/clerk/signin", form, "form", new() { ["UserName"] = user, ["Password"] = password });
    }

    /// <summary>Types into the lookup form and submits it, as the clerk does.</summary>
    private static async Task<IDocument> LookUpAsync(HttpClient client, string query, string caseNumber = "民婚字(2026)第12号")
    {
        var page = await GetAsync(client, "/clerk");
        var (status, answer) = await SubmitAsync(client, "/clerk", page, "[data-testid=lookup-form]", new() { ["Query"] = query, ["CaseNumber"] = caseNumber });
        Assert.Equal(HttpStatusCode.OK, status);
        return answer;
    }

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The form (posted to its action, else to <paramref name="path"/>, where it was loaded): its named fields as they are (the antiforgery token among them), with <paramref name="changes"/> typed in.</summary>
    private static async Task<(HttpStatusCode Status, IDocument Page)> SubmitAsync(HttpClient client, string path, IDocument page, string formSelector,
        Dictionary<string, string> changes)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = form.Elements
            .Where(e => e.GetAttribute("name") is { Length: > 0 } && e is IHtmlInputElement { Type: not ("submit" or "button") } or IHtmlSelectElement or IHtmlTextAreaElement)
            .Select(e => KeyValuePair.Create(e.GetAttribute("name")!, e switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value ?? string.Empty,
                IHtmlTextAreaElement area => area.Value,
                _ => string.Empty,
            }))
            .Where(field => !changes.ContainsKey(field.Key))
            .Concat(changes)
            .ToList();
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : path, content);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static string Text(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;
}
