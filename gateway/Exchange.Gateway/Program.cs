using Exchange.Gateway.Catalog;
using Exchange.Gateway.Routing;
using Exchange.ServiceDefaults;

// appsettings.json ships next to the assembly; the working directory is where the store goes (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
builder.AddCatalogWatch();
builder.AddCatalogRouting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCatalogRouting();
app.Run();
