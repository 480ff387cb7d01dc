using System.Security.Cryptography.X509Certificates;
using Exchange.Certificates;
using Exchange.Client;

namespace Exchange.Testing;

/// <summary>
/// The exchange CA of a test run: one per test process, in a temporary directory, made with the same library as
/// <c>exchange pki init</c>, with a certificate for every service (and one more department certificate of the same
/// CA, for tests of what an adapter refuses). Services started by <see cref="ServiceProcess"/> serve their certificate
/// from here, and every test client trusts this CA alone.
/// </summary>
public static class TestPki
{
    public const string Gateway = "exchange-gateway";
    public const string Catalog = "exchange-catalog";
    public const string Balancer = "balancer";
    public const string Portal = "exchange-portal";

    private static readonly Lazy<ExchangePki> Instance = new(Create);
    private static readonly Lazy<X509Certificate2> GatewayCertificate = new(() => ClientCertificate(Gateway));

    public static ExchangePki Pki => Instance.Value;

    public static string CaPath => Pki.CaCertificatePath;

    /// <summary>The certificate name a service serves and presents.</summary>
    public static string NameOf(ExchangeService service) => service switch
    {
        ExchangeService.Gateway => Gateway,
        ExchangeService.GatewayBalancer => Balancer,
        ExchangeService.Catalog => Catalog,
        ExchangeService.PublicSecurity => "public-security",
        ExchangeService.MarketRegulation => "market-regulation",
        ExchangeService.CivilAffairs => "civil-affairs",
        ExchangeService.Portal => Portal,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>Tls:* settings of a service: its certificate and key, and this CA.</summary>
    public static Dictionary<string, string> SettingsFor(ExchangeService service) => new()
    {
        ["Tls:CertificatePath"] = Pki.CertificatePath(NameOf(service)),
        ["Tls:KeyPath"] = Pki.KeyPath(NameOf(service)),
        ["Tls:CaPath"] = CaPath,
    };

    /// <summary>A certificate of this CA with its key, as a client presents it.</summary>
    public static X509Certificate2 ClientCertificate(string name)
    {
        Pki.EnsureCreated([name]);
        return ReloadingCertificate.Load(Pki.CertificatePath(name), Pki.KeyPath(name));
    }

    /// <summary>A handler trusting this CA alone; with <paramref name="clientCertificate"/>, presenting it.</summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2? clientCertificate = null) =>
        ExchangeTrust.CreateHandler(CaPath, clientCertificate);

    /// <summary>A handler presenting the gateway's client certificate, as the harness talks to adapters directly (health, direct-call tests).</summary>
    public static SocketsHttpHandler CreateGatewayHandler() => CreateHandler(GatewayCertificate.Value);

    private static ExchangePki Create()
    {
        var pki = new ExchangePki(RepositoryLayout.NewTemporaryDirectory("pki"));
        pki.EnsureCreated([Gateway, Catalog, Balancer, Portal, "public-security", "market-regulation", "civil-affairs"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(pki.Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return pki;
    }
}
