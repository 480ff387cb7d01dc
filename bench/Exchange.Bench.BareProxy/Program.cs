using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

// exchange-bench-bareproxy [--listen http://127.0.0.1:7020] [--destination http://127.0.0.1:7011]
var builder = WebApplication.CreateSlimBuilder(args);
var listen = new Uri(builder.Configuration["listen"] ?? "http://127.0.0.1:7020");
var destination = builder.Configuration["destination"] ?? "http://127.0.0.1:7011";
if (!IPAddress.TryParse(listen.Host, out var address) || !IPAddress.IsLoopback(address)
    || !Uri.TryCreate(destination, UriKind.Absolute, out var destinationUri) || !IPAddress.TryParse(destinationUri.Host, out var to) || !IPAddress.IsLoopback(to))
{
    Console.Error.WriteLine("error: --listen and --destination must be loopback http:// addresses");
    return 2;
}

builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(address, listen.Port, endpoint => endpoint.Protocols = HttpProtocols.Http2));

builder.Services.AddReverseProxy().LoadFromMemory(
    [
        new RouteConfig { RouteId = "all", ClusterId = "adapter", Match = new RouteMatch { Path = "{**catch-all}" } },
    ],
    [
        new ClusterConfig
        {
            ClusterId = "adapter",
            Destinations = new Dictionary<string, DestinationConfig> { ["adapter"] = new() { Address = destination } },
            // h2c to the adapter, as the Exchange gateway does: HTTP/2 exactly, no upgrade attempt.
            HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        },
    ]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
return 0;
