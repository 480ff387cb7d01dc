using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Exchange.ExchangeContext;
using Exchange.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests;

/// <summary>One call the gateway sent a provider: its path, the exchange context as sent, and the request body (the gRPC frame).</summary>
public sealed record RecordedCall(string Path, string Context, byte[] Body);

/// <summary>
/// A proxy the test owns between the gateway and one provider, as an attacker on that hop would sit had they broken
/// its mutual TLS (a stolen provider key and gateway certificate): it serves TLS with a certificate of the exchange CA,
/// records each call's exchange context and request, forwards them unchanged with the gateway's client certificate,
/// and relays the answer. What it records shows what the context alone still stops.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(TestPki.CreateGatewayHandler()) { Timeout = TimeSpan.FromSeconds(30) };

    private RecordingProxy(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        app.Run(ForwardAsync);
    }

    public Uri Address { get; }

    /// <summary>Where calls go on; set once the provider runs.</summary>
    public Uri? Upstream { get; set; }

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public static async Task<RecordingProxy> StartAsync()
    {
        var port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = TestPki.ClientCertificate("public-security");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(certificate);
        }));
        var proxy = new RecordingProxy(builder.Build(), new Uri($"https://127.0.0.1:{port}"));
        await proxy._app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var bytes = body.ToArray();
        Calls.Enqueue(new RecordedCall(context.Request.Path.Value!, context.Request.Headers[ExchangeMetadata.Context].ToString(), bytes));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Upstream ?? throw new InvalidOperationException("No upstream yet."), context.Request.Path.Value))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || name is "te" or "grpc-timeout" or "traceparent")
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = "application/grpc";
        foreach (var (name, values) in response.Headers)
            context.Response.Headers[name] = values.ToArray();
        if (answer.Length > 0)
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        foreach (var (name, values) in response.TrailingHeaders)
            context.Response.AppendTrailer(name, values.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
