using System.CommandLine;
using Exchange.Ports;

namespace Exchange.Cli;

/// <summary>Options every command accepts: where Exchange is, who is calling, and for which case.</summary>
internal static class GlobalOptions
{
    public static readonly Option<Uri> Gateway = AddressOption("--gateway", "Gateway address", "EXCHANGE_GATEWAY", ExchangePorts.GatewayAddress.ToString());

    public static readonly Option<Uri> Catalog = AddressOption("--catalog", "Catalog gRPC address", "EXCHANGE_CATALOG", ExchangePorts.CatalogAddress.ToString());

    public static readonly Option<Uri> TokenEndpoint = AddressOption(
        "--token-endpoint", "OAuth2 token endpoint of the catalog", "EXCHANGE_TOKEN_ENDPOINT", ExchangePorts.TokenEndpoint.ToString());

    public static readonly Option<string> Ca = new("--ca")
    {
        Description = "PEM certificate of the CA that Exchange's servers are trusted by, alone (env EXCHANGE_CA); when the file does not exist, the machine's trust store",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGE_CA") ?? Path.Combine(".data", "pki", "ca.crt"),
        Recursive = true,
    };

    /// <summary>The handler every channel and token request of the CLI uses: the exchange CA when its file exists.</summary>
    public static SocketsHttpHandler CreateHandler(ParseResult parse)
    {
        var ca = parse.GetValue(Ca);
        return Exchange.Client.ExchangeTrust.CreateHandler(File.Exists(ca) ? ca : null);
    }

    public static readonly Option<string?> Client = new("--client")
    {
        Description = "OAuth2 client to call as (env EXCHANGE_CLIENT): civil-affairs, public-security, market-regulation for data calls; catalog-admin for catalog changes",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGE_CLIENT"),
        Recursive = true,
    };

    public static readonly Option<string?> Secret = new("--secret")
    {
        Description = "Client secret (env EXCHANGE_CLIENT_SECRET); by default read from $EXCHANGE_CREDENTIALS_DIR/<client>.secret, which the AppHost (README run command) writes",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGE_CLIENT_SECRET"),
        Recursive = true,
    };

    public static readonly Option<string> Case = new("--case")
    {
        Description = "Case number (办件编号) the data request is for",
        DefaultValueFactory = _ => "DEMO-2026-000001",
        Recursive = true,
    };

    public static readonly Option<string> Purpose = new("--purpose")
    {
        Description = "Purpose of the data request",
        DefaultValueFactory = _ => "演示：核实申请人信息",
        Recursive = true,
    };

    public static readonly Option<string?> ServiceItem = new("--service-item")
    {
        Description = "Service item (政务服务事项) the case is of, for licence calls at a counter: its materials name the licence types and items the department may use",
        Recursive = true,
    };

    /// <summary>How long a call (its token request included) may take before it fails with DEADLINE_EXCEEDED.</summary>
    public static readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds a call may take, its token request included (env EXCHANGE_TIMEOUT)",
        DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("EXCHANGE_TIMEOUT"), out var seconds) && seconds > 0 ? seconds : 10,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                return seconds;
            result.AddError($"--timeout must be a whole number of seconds above 0, for example 30; got '{text}'.");
            return 0;
        },
        Recursive = true,
    };

    /// <summary>The deadline of a call that starts now, from <see cref="Timeout"/>.</summary>
    public static DateTime DeadlineFromNow(ParseResult parse) => DateTime.UtcNow.AddSeconds(parse.GetValue(Timeout));

    public static IEnumerable<Option> All => [Gateway, Catalog, TokenEndpoint, Ca, Client, Secret, Case, Purpose, ServiceItem, Timeout];

    /// <summary>An http(s) address, from the command line, else the environment variable, else the fallback.</summary>
    private static Option<Uri> AddressOption(string name, string description, string variable, string fallback) => new(name)
    {
        Description = $"{description} (env {variable})",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(variable) ?? fallback),
        // System.CommandLine has no converter for Uri: without this, any address given on the command line is refused.
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps))
                return address;
            result.AddError($"{name} must be an absolute http:// or https:// address, for example {fallback}; got '{text}'.");
            return null;
        },
        Recursive = true,
    };
}
