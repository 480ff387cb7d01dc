using System.Diagnostics;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Bench.Load;

/// <summary>
/// Publishes N extra resources (each its own gRPC service, never called) so the gateway routes from a large
/// catalog: the benchmark then shows whether routing cost grows with the catalog.
/// </summary>
internal static class CatalogFiller
{
    private const int Parallel = 8;

    public static async Task<int> RunAsync(Uri catalog, BenchTls tls, TokenAuth admin, int count)
    {
        using var channel = GrpcChannel.ForAddress(catalog, new GrpcChannelOptions { HttpHandler = tls.Handler() });
        var client = new CatalogService.CatalogServiceClient(channel);
        var started = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var code = $"BENCH-FILLER-{i:D5}";
                var headers = await admin.HeadersAsync(default);
                await client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = Filler(code, i) }, headers);
                await client.PublishResourceAsync(new PublishResourceRequest { Code = code }, headers);
                if (Interlocked.Increment(ref done) % 500 == 0)
                    Console.Error.WriteLine($"[catalog] {done}/{count} resources published after {started.Elapsed.TotalSeconds:F0} s");
            }
        }));
        Console.Error.WriteLine($"[catalog] {count} resources published in {started.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static Resource Filler(string code, int i) => new()
    {
        Code = code,
        Name = $"基准测试填充资源 {i}",
        Description = "性能基准：只为让目录变大，从不调用",
        ProviderDepartmentCode = "CIVIL-AFFAIRS",
        ShareType = ShareType.Conditional,
        ShareCondition = "仅供性能基准",
        UpdateFrequency = UpdateFrequency.Daily,
        // The catalog wants service names ending in "Service".
        GrpcService = $"exchange.benchfiller{i % 50}.v1.Filler{i}Service",
        GrpcMethods = { "Get", "List", "Check" },
        // https: a gateway routes providers over mutual TLS only, so a plaintext endpoint would be left unrouted (and
        // the run would measure nothing of routing). Never called, so any https address will do.
        Endpoint = "https://127.0.0.1:7013",
        DataItems =
        {
            new DataItem { Name = "citizen_id", Title = "公民身份号码", Type = DataType.String, Sensitivity = Sensitivity.Sensitive },
            new DataItem { Name = "value", Title = "数值", Type = DataType.String, Sensitivity = Sensitivity.Internal },
        },
    };
}
