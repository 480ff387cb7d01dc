using Exchange.Gateway.Balancer;
using Exchange.Ports;
using Exchange.ServiceDefaults.Ports;

// appsettings.json ships next to the assembly; the gateway instances come from ReverseProxy:Clusters:gateways:Destinations.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(("Grpc", ExchangePorts.Gateway));
builder.AddGatewayBalancer();

var app = builder.Build();
app.MapGatewayBalancer();
app.Run();
