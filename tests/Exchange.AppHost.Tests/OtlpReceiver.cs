using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.AppHost.Tests;

/// <summary>
/// Stands in for the dashboard's OTLP endpoint: accepts OTLP/HTTP protobuf on <c>/v1/traces</c> (and drops metrics and
/// logs) and keeps each span's trace id, name and service. Reads just those fields of ExportTraceServiceRequest.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public Uri Address => new(_app.Urls.Single());

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in ReadSpans(body.ToArray()))
                receiver.Spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // ExportTraceServiceRequest: 1 resource_spans { 1 resource { 1 attributes KeyValue { 1 key, 2 AnyValue { 1 string } } },
    // 2 scope_spans { 2 spans Span { 1 trace_id, 3 span_id?, 4 parent_span_id, 5 name } } }.
    private static IEnumerable<ReceivedSpan> ReadSpans(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Select(kv => (Key: Text(Fields(kv, 1).FirstOrDefault()), Value: Text(Fields(Fields(kv, 2).FirstOrDefault() ?? [], 1).FirstOrDefault())))
                .FirstOrDefault(kv => kv.Key == "service.name").Value;
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                foreach (var span in Fields(scopeSpans, 2))
                    yield return new ReceivedSpan(Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []), Text(Fields(span, 5).FirstOrDefault()), service ?? string.Empty);
            }
        }
    }

    private static string Text(byte[]? bytes) => bytes is null ? string.Empty : System.Text.Encoding.UTF8.GetString(bytes);

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of one message; others skipped.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                found.Add(input.ReadBytes().ToByteArray());
            else
                input.SkipLastField();
        }
        return found;
    }
}

public sealed record ReceivedSpan(string TraceId, string Name, string Service);
