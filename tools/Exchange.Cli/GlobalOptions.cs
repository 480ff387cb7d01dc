using System.CommandLine;

namespace Exchange.Cli;

/// <summary>Options every command accepts: where the gateway and the catalog are.</summary>
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
        Description = "Catalog address (env EXCHANGE_CATALOG)",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("EXCHANGE_CATALOG") ?? "http://127.0.0.1:7001"),
        Recursive = true,
    };
}
