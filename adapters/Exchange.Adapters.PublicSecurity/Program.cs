using Exchange.Adapters.PublicSecurity.Grpc;
using Exchange.Adapters.PublicSecurity.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Health;
using Exchange.Adapters.Shared.Licences;
using Exchange.Adapters.PublicSecurity.Licences;
using Exchange.Ports;
using Exchange.ServiceDefaults;
using Exchange.ServiceDefaults.Ports;

// appsettings.json ships next to the assembly; the working directory is where the store goes (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(ExchangePorts.PublicSecurity);
builder.AddServiceDefaults();
builder.AddExchangeContextVerification();
builder.AddAdapterStore<PopulationStore, SqlitePopulationStore, PostgreSqlPopulationStore>("PublicSecurity");
builder.Services.AddSingleton<ResidentRegister>();
builder.AddLicenceIssuance<IdentityCardIssuance>();
builder.AddAdapterHealth<PopulationStore>();

var app = builder.Build();
app.UseExchangeContextVerification();
app.MapGrpcService<PopulationService>();
app.MapLicenceIssuer();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new PopulationStoreSeed());
await app.RunAsync();
