using Exchange.ServiceDefaults.Tls;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Objections;

public static class ObjectionFlagExtensions
{
    /// <summary>
    /// Follows the catalog's open objections (WatchOpenObjections, with the gateway's client credentials) and flags
    /// answers carrying an objected item with the trailer x-exchange-objections. Call after <c>AddCallAudit</c>, whose
    /// transform reads the provider's report first.
    /// </summary>
    public static WebApplicationBuilder AddObjectionFlags(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(ObjectionWatcher), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.AddSingleton<ObjectionFlags>();
        builder.Services.AddSingleton<ITransformProvider, ObjectionFlagTransform>();
        builder.Services.AddHostedService<ObjectionWatcher>();
        return builder;
    }
}
