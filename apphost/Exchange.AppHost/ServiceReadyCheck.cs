using System.Net;
using System.Net.Security;
using Exchange.Certificates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.AppHost;

/// <summary>
/// A service is ready when its <c>/health/ready</c> answers 200 over TLS: the probe trusts the local exchange CA (besides
/// the system's roots) and offers HTTP/2, since the adapters and the gRPC endpoints speak nothing else.
/// </summary>
internal sealed class ServiceReadyCheck(HttpClient http, Uri probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(probe, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{probe} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"{probe} does not answer: {exception.InnerException?.Message ?? exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{probe} did not answer in time.");
        }
    }

    public static HttpClient CreateClient(string caCertificatePath)
    {
        var peers = new PeerCertificateValidator(caCertificatePath);
        return new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => peers.ValidateServer(certificate, chain, errors),
            },
        })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Timeout = TimeSpan.FromSeconds(10),
        };
    }
}
