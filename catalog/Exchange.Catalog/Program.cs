using Exchange.Catalog.Domain;
using Exchange.Catalog.Grpc;
using Exchange.Catalog.Seeding;
using Exchange.Catalog.Store;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalogStore();
builder.AddResourceCatalog();
builder.AddCatalogSeeding();

var app = builder.Build();
app.MapGrpcService<CatalogGrpcService>();
app.MapDefaultEndpoints();

await app.InitializeCatalogStoreAsync();
await app.SeedCatalogAsync();
await app.RunAsync();
