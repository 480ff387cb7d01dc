using Exchange.Gateway.Audit;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Context;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Identity;
using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Clerk;
using Exchange.Gateway.Objections;
using Exchange.Gateway.RateLimits;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Telemetry;
using Exchange.Ports;
using Exchange.ServiceDefaults;
using Exchange.ServiceDefaults.Ports;

if (args is [VerifyAuditCommand.Name, ..])
    return VerifyAuditCommand.Run(args[1..]);

// appsettings.json ships next to the assembly; the working directory is where the stores go (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(("Grpc", ExchangePorts.Gateway), ("Web", ExchangePorts.GatewayWeb));
builder.AddServiceDefaults();
builder.Services.AddSingleton<GatewayMetrics>();
builder.AddCatalogWatch();
builder.AddCatalogRouting();
builder.AddRequestLimits();
builder.AddCallAudit();
builder.AddCallerAuthentication();
builder.AddGrantAuthorization();
builder.AddObjectionFlags();
builder.AddConsumerRateLimits();
builder.AddExchangeContextIssuing();
builder.AddLicenceService();
builder.AddClerkPage();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.UseWhen(LicenceServiceExtensions.IsLicenceCall,
    licence => licence.UseCallAudit().UseCallerAuthorization().UseCaseMetadata().UseConsumerRateLimits());
app.MapAuditService();
app.MapLicenceService();
app.MapClerkPage();
app.MapCatalogRouting(
    admission: caller => caller.UseCallAudit().UseCallerAuthorization(),
    callPipeline: call => call.UseRequestMessageLimit().UseCaseMetadata().UseGrantAuthorization().UseConsumerRateLimits().UseExchangeContext());
app.Run();
return 0;
