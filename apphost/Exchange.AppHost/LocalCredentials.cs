using System.Security.Cryptography;
using Exchange.Certificates;

namespace Exchange.AppHost;

/// <summary>
/// What a local run needs before any service starts, made once in <c>.data/</c> and kept: the local exchange CA and a
/// certificate per service (<c>.data/pki/</c>, the same code as <c>exchange pki init</c>), and the generated OAuth2 client
/// secrets and passwords (<c>.data/credentials/</c>, 0600, where the CLI finds them). Never committed, never logged.
/// </summary>
internal sealed class LocalCredentials
{
    public static readonly string[] Clients = ["public-security", "market-regulation", "civil-affairs", "exchange-gateway", "catalog-admin", "exchange-portal"];
    public static readonly string[] Accounts = ["admin", "reviewer-civil-affairs", "clerk-ca"];
    private static readonly string[] Certificates =
        ["exchange-gateway", "exchange-catalog", "public-security", "market-regulation", "civil-affairs", "balancer", "exchange-portal", DashboardCertificate];

    /// <summary>The Aspire dashboard's server certificate, so its https needs no development certificate.</summary>
    public const string DashboardCertificate = "aspire-dashboard";

    private LocalCredentials(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Pki = new ExchangePki(Path.Combine(dataDirectory, "pki"));
        CredentialsDirectory = Path.Combine(dataDirectory, "credentials");
    }

    public string DataDirectory { get; }

    public ExchangePki Pki { get; }

    public string CredentialsDirectory { get; }

    public static LocalCredentials Ensure(string workingDirectory)
    {
        var credentials = new LocalCredentials(Path.Combine(workingDirectory, ".data"));
        credentials.Pki.EnsureCreated(Certificates);
        Directory.CreateDirectory(credentials.CredentialsDirectory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(credentials.CredentialsDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var client in Clients)
            credentials.EnsureFile(client + ".secret", () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        foreach (var account in Accounts)
            credentials.EnsureFile(account + ".password", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('/', 'x').Replace('+', 'y'));
        return credentials;
    }

    /// <summary>A generated password kept like the others (e.g. the AppHost's PostgreSQL role), made on first use.</summary>
    public string EnsurePassword(string account)
    {
        EnsureFile(account + ".password", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y'));
        return PasswordPath(account);
    }

    public string SecretPath(string client) => Path.Combine(CredentialsDirectory, client + ".secret");

    public string PasswordPath(string account) => Path.Combine(CredentialsDirectory, account + ".password");

    public string Read(string path) => File.ReadAllText(path).Trim();

    private void EnsureFile(string name, Func<string> generate)
    {
        var path = Path.Combine(CredentialsDirectory, name);
        if (File.Exists(path) && new FileInfo(path).Length > 0)
            return;
        // Created 0600 from the start, so the secret is never readable by others, not even for a moment.
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, fileOptions);
        using var writer = new StreamWriter(stream);
        writer.Write(generate());
    }
}
