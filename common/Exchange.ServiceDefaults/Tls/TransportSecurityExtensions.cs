using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.ServiceDefaults.Tls;

public static class TransportSecurityExtensions
{
    /// <summary>
    /// TLS on every endpoint with this service's certificate (section <c>Tls</c>, validated at start-up), the CA it
    /// trusts for peers, and the client certificates it asks for; <see cref="TransportSecurity"/> for outgoing calls.
    /// </summary>
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TlsOptions, TlsOptionsValidator>(TlsOptions.Section);
        builder.Services.AddSingleton<TransportSecurity>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            kestrel.ApplicationServices.GetRequiredService<TransportSecurity>().ConfigureServer(https)));
        return builder;
    }

    /// <summary>
    /// With <c>Tls:ClientCertificates=Require</c>, refuses calls that came without an accepted client certificate. Added
    /// once, where first called: a feature whose middleware reads requests calls it before its own.
    /// </summary>
    public static WebApplication UseClientCertificateGate(this WebApplication app)
    {
        var tls = app.Services.GetRequiredService<TransportSecurity>();
        if (tls.Options.ClientCertificates == ClientCertificatePolicy.Require && ((IApplicationBuilder)app).Properties.TryAdd(typeof(ClientCertificateGate).FullName!, true))
            app.UseMiddleware<ClientCertificateGate>();
        return app;
    }

    /// <summary>The primary handler of a named HttpClient for the catalog's web endpoint (tokens, discovery): trusts the exchange CA, presents no certificate.</summary>
    public static IHttpClientBuilder UseExchangeTls(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(services => services.GetRequiredService<TransportSecurity>().CreateHandler(presentCertificate: false));
}
