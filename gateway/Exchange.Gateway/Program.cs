using Exchange.Gateway.Catalog;
using Exchange.Gateway.Routing;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalogWatch();
builder.AddCatalogRouting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCatalogRouting();
app.Run();
