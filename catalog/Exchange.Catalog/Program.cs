using Exchange.Catalog.Access;
using Exchange.Catalog.Admin;
using Exchange.Catalog.ContextKeys;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Grpc;
using Exchange.Catalog.Identity;
using Exchange.Catalog.Identity.Holders;
using Exchange.Catalog.Licences;
using Exchange.Catalog.Objections;
using Exchange.Catalog.Seeding;
using Exchange.Catalog.Store;
using Exchange.Catalog.Witness;
using Exchange.ServiceDefaults;

// appsettings.json ships next to the assembly; the working directory is where the store goes (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
builder.AddCatalogStore();
builder.AddResourceCatalog();
builder.AddAccessApplications();
builder.AddObjections();
builder.AddCatalogIdentity();
builder.AddHolderSignIn();
builder.AddLicenceSupport();
builder.AddAuditWitness();
builder.AddContextKeys();
builder.AddCatalogSeeding();
builder.AddAdminUi();

var app = builder.Build();
app.UseAuthentication();
app.UseAdminNotFoundPage();
app.UseAuthorization();
app.MapCatalogIdentity();
app.MapHolderSignIn();
app.MapAdminUi();
app.MapGrpcService<CatalogGrpcService>();
app.MapGrpcService<AccessGrpcService>();
app.MapObjections();
app.MapLicenceSupport();
app.MapAuditWitness();
app.MapContextKeys();
app.UseServiceDefaults();
app.MapDefaultEndpoints();

await app.InitializeCatalogStoreAsync();
await app.RegisterClientsAsync();
await app.SeedCatalogAsync();
await app.RunAsync();
