using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Exchange.Catalog.UnitTests.InProcess;

/// <summary>
/// What a browser does with the admin pages, without one: keeps the cookies, follows no redirect on its own, parses
/// each answer, and submits a form as the browser would (every named field with its current value, the antiforgery
/// token included, to the form's action). For what only a browser shows (script, layout, accessibility) see
/// tests/Exchange.Catalog.BrowserTests.
/// </summary>
public sealed class AdminSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public static AdminSession Anonymous(CatalogHost host) =>
        new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A session signed in through the sign-in form as <paramref name="account"/>.</summary>
    public static async Task<AdminSession> SignedInAsync(CatalogHost host, string account)
    {
        var session = Anonymous(host);
        var answer = await session.SignInAsync(account, host.PasswordOf(account));
        if (answer.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{account} could not sign in: {answer.Status} {answer.Text("[data-testid=signin-error]")}");
        return session;
    }

    public async Task<AdminPage> SignInAsync(string account, string password)
    {
        var form = await GetAsync("signin");
        return await SubmitAsync(form, "form", new() { ["UserName"] = [account], ["Password"] = [password] });
    }

    /// <summary>GET /admin/<paramref name="path"/>.</summary>
    public async Task<AdminPage> GetAsync(string path)
    {
        using var response = await client.GetAsync(AdminPath(path));
        return await AdminPage.ReadAsync(response);
    }

    /// <summary>GET /admin/<paramref name="path"/>, following redirects (as a browser does) to the page it lands on.</summary>
    public async Task<AdminPage> OpenAsync(string path) => await FollowAsync(await GetAsync(path));

    /// <summary>Where <paramref name="page"/> redirects to, followed as a browser would (itself when it does not redirect).</summary>
    public async Task<AdminPage> FollowAsync(AdminPage page)
    {
        for (var hops = 0; page.Location is { } location && hops < 5; hops++)
            page = await GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        return page;
    }

    /// <summary>
    /// Submits the form of <paramref name="page"/> that <paramref name="formSelector"/> names (or that holds the element it
    /// names, such as a button): its fields as they are, with <paramref name="changes"/> replacing the values of those
    /// names (an empty array unchecks or empties).
    /// </summary>
    public async Task<AdminPage> SubmitAsync(AdminPage page, string formSelector, Dictionary<string, string[]>? changes = null)
    {
        var element = page.Document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{page.Url}: nothing matches {formSelector}");
        var form = element as IHtmlFormElement ?? element.Closest("form") as IHtmlFormElement
                   ?? throw new InvalidOperationException($"{page.Url}: {formSelector} is not in a form");
        var fields = FieldsOf(form);
        foreach (var (name, values) in changes ?? [])
        {
            fields.RemoveAll(field => field.Key == name);
            fields.AddRange(values.Select(value => KeyValuePair.Create(name, value)));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : page.Url;
        return await PostAsync(action, fields);
    }

    /// <summary>A crafted post: exactly <paramref name="fields"/>, as an attacker with this session's cookies would send.</summary>
    public async Task<AdminPage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(url.StartsWith('/') ? url : AdminPath(url), content);
        return await AdminPage.ReadAsync(response);
    }

    private static string AdminPath(string path) => path.StartsWith('/') ? path : "/admin/" + path;

    /// <summary>What a browser would send of the form: named, enabled fields; checked boxes only; no buttons.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
                continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "reset" or "image":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                        fields.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlInputElement input:
                    fields.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(KeyValuePair.Create(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => KeyValuePair.Create(name, o.Value)));
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.FirstOrDefault() is { } first)
                        fields.Add(KeyValuePair.Create(name, first.Value));
                    break;
            }
        }
        return fields;
    }

    public void Dispose() => client.Dispose();

    /// <summary>An answer of the admin UI: its status, where it redirects, and its HTML parsed.</summary>
    public sealed class AdminPage(HttpStatusCode status, string url, Uri? location, IDocument document, HttpResponseMessage response)
    {
        public HttpStatusCode Status { get; } = status;

        public string Url { get; } = url;

        public Uri? Location { get; } = location;

        public IDocument Document { get; } = document;

        public System.Net.Http.Headers.HttpResponseHeaders Headers { get; } = response.Headers;

        public static async Task<AdminPage> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new AdminPage(response.StatusCode, response.RequestMessage!.RequestUri!.PathAndQuery, response.Headers.Location,
                Parser.ParseDocument(html), response);
        }

        /// <summary>The trimmed text of the first element <paramref name="selector"/> names, or null when there is none.</summary>
        public string? Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim();

        /// <summary>The trimmed text of the element with this data-testid, or null.</summary>
        public string? TestId(string id) => Text($"[data-testid='{id}']");

        /// <summary>The message shown next to a form field (empty when there is none).</summary>
        public string FieldError(string field) => Text($"span[data-valmsg-for='{field}']") ?? string.Empty;

        public int Count(string selector) => Document.QuerySelectorAll(selector).Length;

        /// <summary>Each label that names a field: the field's id and the label's text.</summary>
        public IReadOnlyDictionary<string, string> Labels() =>
            Document.QuerySelectorAll("label[for]").ToDictionary(label => label.GetAttribute("for")!, label => label.TextContent.Trim());

        /// <summary>The form's error summary: each entry's text and the id of the field it links to.</summary>
        public IReadOnlyList<(string Text, string Field)> ErrorSummary() =>
        [
            .. Document.QuerySelectorAll("[data-testid='form-errors'] a")
                .Select(link => (link.TextContent.Trim(), (link.GetAttribute("href") ?? string.Empty).TrimStart('#'))),
        ];

        /// <summary>The value a field shows.</summary>
        public string? ValueOf(string selector) => Document.QuerySelector(selector) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

        public override string ToString() => $"{(int)Status} {Url}{(Location is null ? string.Empty : " → " + Location)}";
    }
}
