using Exchange.Adapters.MarketRegulation.Grpc;
using Exchange.Adapters.MarketRegulation.Store;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Health;
using Exchange.Adapters.Shared.Licences;
using Exchange.Adapters.MarketRegulation.Licences;
using Exchange.Ports;
using Exchange.ServiceDefaults;
using Exchange.ServiceDefaults.Ports;

// appsettings.json ships next to the assembly; the working directory is where the store goes (.data/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnPortMap(ExchangePorts.MarketRegulation);
builder.AddServiceDefaults();
builder.AddExchangeContextVerification();
builder.AddAdapterStore<EnterpriseStore, SqliteEnterpriseStore, PostgreSqlEnterpriseStore>("MarketRegulation");
builder.AddLicenceIssuance<BusinessLicenceIssuance>();
builder.AddAdapterHealth<EnterpriseStore>();

var app = builder.Build();
app.UseExchangeContextVerification();
app.MapGrpcService<EnterpriseService>();
app.MapLicenceIssuer();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
await app.SeedAdapterStoreAsync(new EnterpriseStoreSeed());
await app.RunAsync();
