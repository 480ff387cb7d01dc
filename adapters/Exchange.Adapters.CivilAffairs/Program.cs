using Exchange.Adapters.CivilAffairs.Grpc;
using Exchange.Adapters.CivilAffairs.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Health;
using Exchange.Adapters.Shared.Licences;
using Exchange.Adapters.CivilAffairs.Licences;
using Exchange.Ports;
using Exchange.ServiceDefaults;
using Exchange.ServiceDefaults.Ports;

// appsettings.json ships next to the assembly; the working directory is where the store goes (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(ExchangePorts.CivilAffairs);
builder.AddServiceDefaults();
builder.AddExchangeContextVerification();
builder.AddAdapterStore<CivilAffairsStore, SqliteCivilAffairsStore, PostgreSqlCivilAffairsStore>("CivilAffairs");
builder.AddLicenceIssuance<CivilAffairsLicenceIssuance>();
builder.AddAdapterHealth<CivilAffairsStore>();

var app = builder.Build();
app.UseExchangeContextVerification();
app.MapGrpcService<CivilAffairsService>();
app.MapLicenceIssuer();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new CivilAffairsStoreSeed());
await app.RunAsync();
