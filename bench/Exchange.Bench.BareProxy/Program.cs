using System.Net;
using System.Security.Cryptography.X509Certificates;
using Exchange.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

// exchange-bench-bareproxy --pki DIR [--listen https://127.0.0.1:7020] [--destination https://127.0.0.1:7011]
//   [--certificate bench-proxy] [--client-certificate exchange-gateway]
// TLS on both sides, as the Exchange gateway: a server certificate of the exchange CA in DIR, and to the adapter the
// gateway's client certificate (adapters answer no other) with the adapter's certificate checked against that CA.
var builder = WebApplication.CreateSlimBuilder(args);
var listen = new Uri(builder.Configuration["listen"] ?? "https://127.0.0.1:7020");
var destination = builder.Configuration["destination"] ?? "https://127.0.0.1:7011";
var pki = builder.Configuration["pki"];
if (!IPAddress.TryParse(listen.Host, out var address) || !IPAddress.IsLoopback(address) || listen.Scheme != Uri.UriSchemeHttps
    || !Uri.TryCreate(destination, UriKind.Absolute, out var destinationUri) || destinationUri.Scheme != Uri.UriSchemeHttps
    || !IPAddress.TryParse(destinationUri.Host, out var to) || !IPAddress.IsLoopback(to) || pki is null)
{
    Console.Error.WriteLine("error: --pki DIR is required, and --listen and --destination must be loopback https:// addresses");
    return 2;
}

X509Certificate2 Certificate(string name) => ReloadingCertificate.Load(Path.Combine(pki, name + ".crt"), Path.Combine(pki, name + ".key"));
var serverCertificate = Certificate(builder.Configuration["certificate"] ?? "bench-proxy");
var clientCertificate = Certificate(builder.Configuration["client-certificate"] ?? "exchange-gateway");
var adapterValidator = new PeerCertificateValidator(Path.Combine(pki, "ca.crt"));

builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(address, listen.Port, endpoint =>
    {
        endpoint.Protocols = HttpProtocols.Http2;
        endpoint.UseHttps(serverCertificate);
    }));

builder.Services.AddReverseProxy()
    .LoadFromMemory(
    [
        new RouteConfig { RouteId = "all", ClusterId = "adapter", Match = new RouteMatch { Path = "{**catch-all}" } },
    ],
    [
        new ClusterConfig
        {
            ClusterId = "adapter",
            Destinations = new Dictionary<string, DestinationConfig> { ["adapter"] = new() { Address = destination } },
            HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        },
    ])
    .ConfigureHttpClient((_, handler) =>
    {
        handler.SslOptions.ClientCertificates = [clientCertificate];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => adapterValidator.ValidateServer(certificate, chain, errors);
    });

var app = builder.Build();
app.MapReverseProxy();
app.Run();
return 0;
