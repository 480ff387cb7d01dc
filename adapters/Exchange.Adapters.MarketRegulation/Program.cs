using Exchange.Adapters.MarketRegulation.Grpc;
using Exchange.Adapters.MarketRegulation.Store;
using Exchange.Adapters.Shared;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdapterStore<EnterpriseStore>("MarketRegulation");

var app = builder.Build();
app.MapGrpcService<EnterpriseService>();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new EnterpriseStoreSeed());
await app.RunAsync();
