using Exchange.Gateway.Balancer;

// appsettings.json ships next to the assembly; the gateway instances come from ReverseProxy:Clusters:gateways:Destinations.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGatewayBalancer();

var app = builder.Build();
app.MapGatewayBalancer();
app.Run();
