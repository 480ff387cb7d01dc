using Exchange.Gateway.Audit;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Context;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Identity;
using Exchange.Gateway.RateLimits;
using Exchange.Gateway.Routing;
using Exchange.ServiceDefaults;

if (args is [VerifyAuditCommand.Name, ..])
    return VerifyAuditCommand.Run(args[1..]);

// appsettings.json ships next to the assembly; the working directory is where the stores go (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
builder.AddCatalogWatch();
builder.AddCatalogRouting();
builder.AddCallAudit();
builder.AddCallerAuthentication();
builder.AddGrantAuthorization();
builder.AddConsumerRateLimits();
builder.AddExchangeContextSigning();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuditService();
app.MapCatalogRouting(
    admission: caller => caller.UseCallAudit().UseCallerAuthentication(),
    callPipeline: call => call.UseCaseMetadata().UseGrantAuthorization().UseConsumerRateLimits().UseExchangeContext());
app.Run();
return 0;
