using Exchange.Adapters.PublicSecurity.Grpc;
using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Adapters.Shared;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdapterStore<PopulationStore>("PublicSecurity");

var app = builder.Build();
app.MapGrpcService<PopulationService>();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new PopulationStoreSeed());
await app.RunAsync();
