using Exchange.Portal;
using Exchange.Portal.Identity;
using Exchange.Ports;
using Exchange.ServiceDefaults;
using Exchange.ServiceDefaults.Ports;

// appsettings.json ships next to the assembly; the working directory is where .data/ is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(("Web", ExchangePorts.Portal));
builder.AddServiceDefaults();
builder.AddPortalSignIn();
builder.AddPortalPages();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapPortalPages();
app.MapDefaultEndpoints();
await app.RunAsync();
