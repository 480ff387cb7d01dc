using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;
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

// Aspire marks its certificate service experimental; this is the one place that implements it.
#pragma warning disable ASPIRECERTIFICATES001
/// <summary>
/// Aspire's notion of "the development certificate", answered with the dashboard's certificate from the exchange CA: Aspire
/// warns in the dashboard ("No trusted development certificate") whenever a resource serves https and it finds no ASP.NET
/// Core development certificate, though nothing here uses one. Not used for other resources' https nor added to their trust
/// (each service has its own certificate and trusts only the exchange CA), and DCP keeps its own certificate.
/// </summary>
internal sealed class ExchangeCaDevelopmentCertificate(X509Certificate2 dashboard) : IDeveloperCertificateService
{
    public ImmutableList<X509Certificate2> Certificates { get; } = [dashboard];

    public bool SupportsContainerTrust => false;

    public bool UseForHttps => false;

    public bool TrustCertificate => false;
}

internal static class DashboardCertificateExtensions
{
    public static IDistributedApplicationBuilder AddDashboardCertificate(this IDistributedApplicationBuilder builder, string certificatePath, string keyPath)
    {
        builder.Services.AddSingleton(new DashboardCertificateFiles(certificatePath, keyPath));
        builder.Services.AddEventingSubscriber<DashboardCertificate>();
        builder.Services.AddSingleton<IDeveloperCertificateService>(new ExchangeCaDevelopmentCertificate(X509Certificate2.CreateFromPemFile(certificatePath, keyPath)));
        if (string.IsNullOrEmpty(builder.Configuration["ASPIRE_DCP_USE_DEVELOPER_CERTIFICATE"]))
            builder.Configuration["ASPIRE_DCP_USE_DEVELOPER_CERTIFICATE"] = "false";
        return builder;
    }
}
#pragma warning restore ASPIRECERTIFICATES001
