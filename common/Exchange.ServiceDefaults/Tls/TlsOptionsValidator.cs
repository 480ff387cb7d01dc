using Exchange.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Exchange.ServiceDefaults.Tls;

/// <summary>Refuses to start with a plaintext endpoint unless the development switch is on, or with a certificate that cannot be read.</summary>
internal sealed class TlsOptionsValidator(IConfiguration configuration) : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        var failures = new List<string>();
        var endpoints = EndpointUrls(configuration).ToList();
        var plaintext = endpoints.Where(e => !e.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).ToList();
        if (plaintext.Count > 0 && !options.AllowPlaintext)
            failures.Add($"{string.Join(", ", plaintext.Select(e => $"{e.Setting}={e.Url}"))}: every endpoint must be https:// "
                + "(set Tls:AllowPlaintext=true only for development, to serve h2c/http).");

        var needsCertificate = !options.AllowPlaintext || endpoints.Count > plaintext.Count;
        if (needsCertificate)
        {
            if (string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.KeyPath))
                failures.Add("Tls:CertificatePath and Tls:KeyPath must name this service's PEM certificate and key (the AppHost creates them in .data/pki/ with `exchange pki init`).");
            else
            {
                try
                {
                    using var _ = ReloadingCertificate.Load(options.CertificatePath, options.KeyPath);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
                {
                    failures.Add($"Tls:CertificatePath={options.CertificatePath} with Tls:KeyPath={options.KeyPath} cannot be read as a PEM certificate and its key: {ex.Message}");
                }
            }
            if (string.IsNullOrWhiteSpace(options.CaPath))
                failures.Add("Tls:CaPath must name the PEM certificate of the CA trusted for peers (.data/pki/ca.crt for the local exchange CA).");
            else if (!File.Exists(options.CaPath))
                failures.Add($"Tls:CaPath={options.CaPath} does not exist.");
        }
        if (options.ClientCertificates == ClientCertificatePolicy.Require && options.AllowedClientNames.Count == 0)
            failures.Add("Tls:ClientCertificates=Require needs Tls:AllowedClientNames (for an adapter: exchange-gateway), else any certificate of the CA would do.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<(string Setting, string Url)> EndpointUrls(IConfiguration configuration)
    {
        var named = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => ($"Kestrel:Endpoints:{e.Key}:Url", e["Url"]))
            .Where(e => !string.IsNullOrWhiteSpace(e.Item2))
            .ToList();
        if (named.Count > 0)
            return named.Select(e => (e.Item1, e.Item2!));
        // Kestrel's named endpoints replace Urls entirely, so Urls counts only without them.
        var urls = configuration["urls"];
        return string.IsNullOrWhiteSpace(urls)
            ? []
            : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => ("Urls", u));
    }
}
