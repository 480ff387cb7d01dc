using Exchange.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Exchange.ServiceDefaults.Ports;

/// <summary>
/// A service's own endpoints on the port map (<see cref="ExchangePorts"/>), as its lowest-precedence configuration:
/// appsettings, the environment the AppHost or a deployment sets, and the command line (the test harness's free ports)
/// all override it. Settings of an endpoint other than its address (protocols) stay in appsettings.json, so no file but
/// the port map names a port.
/// </summary>
public static class PortMapExtensions
{
    /// <summary>Named Kestrel endpoints (<c>Kestrel:Endpoints:&lt;name&gt;:Url</c>), e.g. the gateway's Grpc and Web.</summary>
    public static WebApplicationBuilder ListenOnPortMap(this WebApplicationBuilder builder, params (string Endpoint, int Port)[] endpoints) =>
        builder.WithDefaults(endpoints.ToDictionary(e => $"Kestrel:Endpoints:{e.Endpoint}:Url", e => (string?)Origin(e.Port)));

    /// <summary>
    /// One endpoint through <c>Urls</c> (an adapter): a deployment's <c>Urls</c> replaces it, where a named endpoint
    /// would silently win over that.
    /// </summary>
    public static WebApplicationBuilder ListenOnPortMap(this WebApplicationBuilder builder, int port) =>
        builder.WithDefaults(new Dictionary<string, string?> { ["Urls"] = Origin(port) });

    private static WebApplicationBuilder WithDefaults(this WebApplicationBuilder builder, Dictionary<string, string?> defaults)
    {
        // Index 0: every source WebApplication.CreateBuilder added comes after it and so wins.
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }

    private static string Origin(int port) => ExchangePorts.Https(port).ToString().TrimEnd('/');
}
