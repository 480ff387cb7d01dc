using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Cli;

/// <summary>Runs one gRPC call for a command: opens the channel, prints the reply as JSON, turns a gRPC error into a readable line and exit code 1.</summary>
internal static class RpcCall
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static Task<int> ViaGatewayAsync<TReply>(ParseResult parse, Func<GrpcChannel, CallOptions, Task<TReply>> call, CancellationToken cancellationToken)
        where TReply : IMessage =>
        RunAsync(parse.GetValue(GlobalOptions.Gateway)!, call, cancellationToken);

    public static Task<int> ViaCatalogAsync<TReply>(ParseResult parse, Func<GrpcChannel, CallOptions, Task<TReply>> call, CancellationToken cancellationToken)
        where TReply : IMessage =>
        RunAsync(parse.GetValue(GlobalOptions.Catalog)!, call, cancellationToken);

    public static void Print(IMessage message)
    {
        using var json = JsonDocument.Parse(Formatter.Format(message));
        Console.WriteLine(JsonSerializer.Serialize(json.RootElement, Pretty));
    }

    private static async Task<int> RunAsync<TReply>(Uri address, Func<GrpcChannel, CallOptions, Task<TReply>> call, CancellationToken cancellationToken)
        where TReply : IMessage
    {
        using var channel = GrpcChannel.ForAddress(address);
        try
        {
            var reply = await call(channel, new CallOptions(deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken));
            Print(reply);
            return 0;
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"error: {StatusName(ex.StatusCode)}: {ex.Status.Detail}");
            if (ex.StatusCode == StatusCode.Unavailable)
                Console.Error.WriteLine($"Is Exchange running at {address}? Start it with ./scripts/run.sh");
            return 1;
        }
    }

    private static string StatusName(StatusCode code) =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(code.ToString());
}
