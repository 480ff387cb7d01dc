using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Exchange.ExchangeContext;

namespace Exchange.Resilience.Tests;

/// <summary>The HTTP/2 answer to a hand-made gRPC request: HTTP status, and grpc-status from the headers (trailers-only) or trailers.</summary>
public sealed record RawAnswer(HttpStatusCode HttpStatus, int? GrpcStatus, string GrpcMessage)
{
    public override string ToString() => $"HTTP {(int)HttpStatus}, grpc-status {GrpcStatus?.ToString() ?? "none"} {GrpcMessage}";
}

/// <summary>
/// gRPC requests written byte by byte over HTTP/2 (TLS), for what a gRPC client library never sends: frames whose length lies,
/// bodies that never finish, headers far too large. With <paramref name="presentGatewayCertificate"/>, it presents the
/// gateway's client certificate, as a caller that got past an adapter's mutual TLS would.
/// </summary>
public sealed class RawGrpcHttp(Uri gateway, Func<Task<string>> token, bool presentGatewayCertificate = false) : IDisposable
{
    private readonly HttpClient _http = new(presentGatewayCertificate ? Exchange.Testing.TestPki.CreateGatewayHandler() : Exchange.Testing.TestPki.CreateHandler())
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A gRPC length-prefixed message: uncompressed flag, big-endian length, the bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? message.Length));
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public async Task<RawAnswer> SendAsync(string path, HttpContent body, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null, CancellationToken cancellationToken = default)
    {
        // HTTP/2 exactly, as gRPC clients speak to the gateway.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, path))
        {
            Content = body,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
        request.Headers.TryAddWithoutValidation(ExchangeMetadata.CaseNumber, "FUZZ-2026-000001");
        request.Headers.TryAddWithoutValidation(ExchangeMetadata.Purpose, "hostile-input-test");
        body.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        foreach (var (name, value) in extraHeaders ?? [])
            request.Headers.TryAddWithoutValidation(name, value);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Header(response, "grpc-status");
        return new RawAnswer(response.StatusCode, int.TryParse(status, out var code) ? code : null, Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.FirstOrDefault() : null;

    public void Dispose() => _http.Dispose();
}
