using Microsoft.Extensions.Configuration;

namespace Exchange.AppHost;

/// <summary>How the AppHost runs Exchange (section <c>Exchange</c>, e.g. <c>--Exchange:GatewayInstances=2</c>).</summary>
internal enum ExchangeStore
{
    Sqlite,
    PostgreSql,
}

internal sealed class AppHostOptions
{
    public const string Section = "Exchange";

    /// <summary>Where the services run and keep their stores (<c>.data/</c> below it); the repository root when unset.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>1: one gateway on the gateway port; 2-9: that many instances behind the front balancer on it.</summary>
    public int GatewayInstances { get; set; } = 1;

    /// <summary>A Redis to use (<c>host:port</c>); unset: a local <c>redis-server</c> is started.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Where the catalog and the gateways keep their stores: SQLite files in <c>.data/</c>, or PostgreSQL (the AppHost's own
    /// server in <c>.data/postgres/</c>, or the one in the secret parameter <c>postgres-server</c>, a connection string without Database).
    /// </summary>
    public ExchangeStore Store { get; set; } = ExchangeStore.Sqlite;

    /// <summary>The folder of PostgreSQL's programs (initdb, postgres); unset: the newest in /usr/lib/postgresql.</summary>
    public string? PostgreSqlBin { get; set; }

    /// <summary>The dashboard on https with a certificate from the local exchange CA; false: http on loopback.</summary>
    public bool DashboardHttps { get; set; } = true;

    /// <summary>Added to every port of the map, so a test can run a whole AppHost beside a local one.</summary>
    public int PortOffset { get; set; }

    /// <summary>Where the services send traces, metrics and logs instead of the dashboard (a test's own OTLP/HTTP receiver).</summary>
    public string? OtlpEndpoint { get; set; }

    public static AppHostOptions From(IConfiguration configuration, string repositoryRoot)
    {
        var options = configuration.GetSection(Section).Get<AppHostOptions>() ?? new AppHostOptions();
        if (options.GatewayInstances is < 1 or > 9)
            throw new InvalidOperationException("Exchange:GatewayInstances must be 1 to 9.");
        if (options.PortOffset is < 0 or > 50000)
            throw new InvalidOperationException("Exchange:PortOffset must be between 0 and 50000.");
        if (options.OtlpEndpoint is { } otlp && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
            throw new InvalidOperationException("Exchange:OtlpEndpoint must be an absolute http:// address.");
        options.WorkingDirectory = Path.GetFullPath(options.WorkingDirectory ?? repositoryRoot);
        return options;
    }
}
