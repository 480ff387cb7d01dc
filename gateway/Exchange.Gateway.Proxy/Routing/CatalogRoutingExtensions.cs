using Grpc.AspNetCore.Server;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Exchange.Gateway.Routing;

public static class CatalogRoutingExtensions
{
    /// <summary>
    /// Routes gRPC calls to the providers named in the published catalog (YARP: one route for every method path, one
    /// cluster of the provider endpoints; the method decides the endpoint). Needs the catalog watch (<c>AddCatalogWatch</c>).
    /// </summary>
    public static WebApplicationBuilder AddCatalogRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CatalogProxyConfigProvider>();
        builder.Services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<CatalogProxyConfigProvider>());
        builder.Services.AddSingleton<UnroutedRequest>();
        builder.Services.AddReverseProxy();
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, ProviderHttpClientFactory>();
        // Unknown services must reach our fallback (NOT_FOUND naming the method), not gRPC's own UNIMPLEMENTED.
        builder.Services.Configure<GrpcServiceOptions>(options => options.IgnoreUnknownServices = true);
        return builder;
    }

    /// <summary>
    /// Maps the proxy and the NOT_FOUND fallback for everything unrouted. <paramref name="admission"/> adds the
    /// steps every call goes through first, routed or not (audit, authentication). <paramref name="callPipeline"/>
    /// adds the steps that run after the published method is resolved and before the call is forwarded (case
    /// metadata, grants, rate limits, context signing); they can read <see cref="IPublishedMethodFeature"/>.
    /// </summary>
    public static WebApplication MapCatalogRouting(
        this WebApplication app,
        Action<IReverseProxyApplicationBuilder>? callPipeline = null,
        Action<IApplicationBuilder>? admission = null)
    {
        app.MapReverseProxy(proxy =>
        {
            admission?.Invoke(proxy);
            proxy.UseMiddleware<PublishedMethodMiddleware>();
            callPipeline?.Invoke(proxy);
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });

        // Calls to methods nobody publishes are admitted (and audited) the same way before they hear NOT_FOUND.
        var unrouted = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        admission?.Invoke(unrouted);
        unrouted.Run(app.Services.GetRequiredService<UnroutedRequest>().HandleAsync);
        app.MapFallback("{**path}", unrouted.Build());
        return app;
    }
}
