using System.CommandLine;

namespace Exchange.Cli;

/// <summary>Options every command accepts: where Exchange is, who is calling, and for which case.</summary>
internal static class GlobalOptions
{
    public static readonly Option<Uri> Gateway = new("--gateway")
    {
        Description = "Gateway address (env EXCHANGE_GATEWAY)",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("EXCHANGE_GATEWAY") ?? "http://127.0.0.1:7000"),
        Recursive = true,
    };

    public static readonly Option<Uri> Catalog = new("--catalog")
    {
        Description = "Catalog gRPC address (env EXCHANGE_CATALOG)",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("EXCHANGE_CATALOG") ?? "http://127.0.0.1:7001"),
        Recursive = true,
    };

    public static readonly Option<Uri> TokenEndpoint = new("--token-endpoint")
    {
        Description = "OAuth2 token endpoint of the catalog (env EXCHANGE_TOKEN_ENDPOINT)",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("EXCHANGE_TOKEN_ENDPOINT") ?? "http://127.0.0.1:7002/connect/token"),
        Recursive = true,
    };

    public static readonly Option<string?> Client = new("--client")
    {
        Description = "OAuth2 client to call as (env EXCHANGE_CLIENT): civil-affairs, public-security, market-regulation for data calls; catalog-admin for catalog changes",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGE_CLIENT"),
        Recursive = true,
    };

    public static readonly Option<string?> Secret = new("--secret")
    {
        Description = "Client secret (env EXCHANGE_CLIENT_SECRET); by default read from $EXCHANGE_CREDENTIALS_DIR/<client>.secret, which scripts/run.sh writes",
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

    public static IEnumerable<Option> All => [Gateway, Catalog, TokenEndpoint, Client, Secret, Case, Purpose];
}
