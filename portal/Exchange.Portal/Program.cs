using Exchange.Portal;
using Exchange.Portal.Identity;
using Exchange.ServiceDefaults;

// appsettings.json ships next to the assembly; the working directory is where .data/ is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
