using Exchange.Adapters.CivilAffairs.Grpc;
using Exchange.Adapters.CivilAffairs.Store;
using Exchange.Adapters.Shared;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdapterStore<CivilAffairsStore>("CivilAffairs");

var app = builder.Build();
app.MapGrpcService<CivilAffairsService>();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new CivilAffairsStoreSeed());
await app.RunAsync();
