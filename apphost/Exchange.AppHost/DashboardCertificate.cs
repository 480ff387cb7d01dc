using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.AppHost;

/// <summary>
/// Gives the dashboard a server certificate from the local exchange CA (PEM files in <c>.data/pki/</c>), so it serves
/// https without an ASP.NET Core development certificate. A subscriber added after Aspire's own, so the dashboard
/// resource exists when its handler runs, and its environment is applied after (over) the dashboard's defaults.
/// </summary>
internal sealed class DashboardCertificate(DashboardCertificateFiles files) : IDistributedApplicationEventingSubscriber
{
    private const string DashboardResource = "aspire-dashboard";

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            var dashboard = start.Model.Resources.FirstOrDefault(r => r.Name == DashboardResource);
            dashboard?.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables["Kestrel__Certificates__Default__Path"] = files.CertificatePath;
                context.EnvironmentVariables["Kestrel__Certificates__Default__KeyPath"] = files.KeyPath;
            }));
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }
}

internal sealed record DashboardCertificateFiles(string CertificatePath, string KeyPath);

internal static class DashboardCertificateExtensions
{
    public static IDistributedApplicationBuilder AddDashboardCertificate(this IDistributedApplicationBuilder builder, string certificatePath, string keyPath)
    {
        builder.Services.AddSingleton(new DashboardCertificateFiles(certificatePath, keyPath));
        builder.Services.AddEventingSubscriber<DashboardCertificate>();
        return builder;
    }
}
