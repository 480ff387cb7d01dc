using System.Net;
using System.Text.Json;

namespace Exchange.Testing;

/// <summary>
/// A service's HTTP health probe (<c>/health/ready</c>, <c>/health/live</c>) on its gRPC port over HTTP/2 and TLS, as the
/// front balancer and Kubernetes make it, and the reading of its answer (the status and each check's status and description).
/// </summary>
public static class HealthProbe
{
    private static readonly HttpClient Http = new(TestPki.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<Result> AskAsync(ServiceProcess service, string path = "/health/ready")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await Http.SendAsync(request);
        return await ReadAsync(response);
    }

    /// <summary>Probes until <paramref name="condition"/> holds, within 20 s; the last answer is in the failure message.</summary>
    public static async Task<Result> UntilAsync(ServiceProcess service, Func<Result, bool> condition, string path = "/health/ready")
    {
        Result? last = null;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () => condition(last = await AskAsync(service, path)),
            $"{service.Service} {path} reaches the expected state");
        return last!;
    }

    /// <summary>The answer of a health endpoint, however it was asked (a process's port, an in-process test server).</summary>
    public static async Task<Result> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(
            c => c.Name,
            c => new Check(c.Value.GetProperty("status").GetString()!, c.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""));
        return new Result(response.StatusCode, checks, body);
    }

    public sealed record Check(string Status, string Description);

    public sealed record Result(HttpStatusCode Code, IReadOnlyDictionary<string, Check> Checks, string Body)
    {
        public Check this[string name] =>
            Checks.TryGetValue(name, out var check) ? check : throw new InvalidOperationException($"No check {name} in {Body}");
    }
}
