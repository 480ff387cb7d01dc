using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Cli.Commands;

/// <summary>`exchange health <address>...`: the gRPC health status of services, optionally waiting until they serve.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var addresses = new Argument<string[]>("address") { Description = "Service addresses, for example https://127.0.0.1:7000", Arity = ArgumentArity.OneOrMore };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait until every service is SERVING (0: ask once)" };
        var service = new Option<string>("--service")
        {
            Description = "The gRPC service whose health to ask for, e.g. exchange.licence.v1.LicenceIssuerService (default: the whole server)",
            DefaultValueFactory = _ => string.Empty,
        };

        var command = new Command("health", "Show the gRPC health of services") { addresses, wait, service };
        command.SetAction(async (parse, ct) =>
        {
            var until = DateTime.UtcNow.AddSeconds(parse.GetValue(wait));
            var allServing = true;
            foreach (var address in parse.GetValue(addresses)!)
            {
                var status = await WaitForAsync(parse, new Uri(address), parse.GetValue(service)!, until, ct);
                Console.WriteLine($"{address,-28} {status}");
                allServing &= status == "SERVING";
            }
            return allServing ? 0 : 1;
        });
        return command;
    }

    private static async Task<string> WaitForAsync(ParseResult parse, Uri address, string service, DateTime until, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = GlobalOptions.CreateHandler(parse), DisposeHttpClient = true });
        var client = new Health.HealthClient(channel);
        while (true)
        {
            string status;
            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                status = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? "SERVING" : reply.Status.ToString().ToUpperInvariant();
            }
            catch (RpcException ex)
            {
                status = $"DOWN ({ex.StatusCode})";
            }
            if (status == "SERVING" || DateTime.UtcNow >= until)
                return status;
            await Task.Delay(250, cancellationToken);
        }
    }
}
