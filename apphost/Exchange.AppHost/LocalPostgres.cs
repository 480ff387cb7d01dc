using System.Diagnostics;
using Exchange.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Exchange.AppHost;

/// <summary>
/// A PostgreSQL server of the AppHost's own, as a plain executable (no container engine): a cluster made once by initdb
/// in <c>.data/postgres/</c> and kept, listening on loopback only (no Unix socket), one role <c>exchange</c> with a
/// generated password (<c>.data/credentials/postgres.password</c>, scram-sha-256). As root it runs as the <c>postgres</c>
/// user, since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class LocalPostgres
{
    private const string Role = "exchange";
    private const string ServiceUser = "postgres";

    private readonly IResourceBuilder<ParameterResource> _password;
    private readonly int _port;

    private LocalPostgres(IResourceBuilder<IResource> server, IResourceBuilder<ParameterResource> password, int port)
    {
        Server = server;
        _password = password;
        _port = port;
    }

    public IResourceBuilder<IResource> Server { get; }

    public ReferenceExpression ConnectionString(string database) =>
        ReferenceExpression.Create($"Host={ExchangePorts.Host};Port={_port.ToString()};Username={Role};Password={_password.Resource};Database={database}");

    public static LocalPostgres Add(IDistributedApplicationBuilder builder, AppHostOptions options, LocalCredentials credentials)
    {
        var bin = options.PostgreSqlBin ?? FindBinDirectory()
            ?? throw new InvalidOperationException("Exchange:Store=PostgreSql needs PostgreSQL's programs: install the postgresql package, set Exchange:PostgreSqlBin, or name a server in Parameters:postgres-server.");
        var data = Path.Combine(credentials.DataDirectory, "postgres");
        var passwordPath = credentials.EnsurePassword("postgres");
        var password = builder.AddParameter("postgres-password", () => credentials.Read(passwordPath), secret: true);
        var port = ExchangePorts.PostgreSql + options.PortOffset;

        string[] arguments = ["-D", data, "-p", port.ToString(), "-c", $"listen_addresses={ExchangePorts.Host}", "-c", "unix_socket_directories="];
        var asServiceUser = Environment.IsPrivilegedProcess;
        var server = asServiceUser
            ? builder.AddExecutable("postgres", "runuser", options.WorkingDirectory!, ["-u", ServiceUser, "--", Path.Combine(bin, "postgres"), .. arguments])
            : builder.AddExecutable("postgres", Path.Combine(bin, "postgres"), options.WorkingDirectory!, arguments);
        server.OnBeforeResourceStarted((_, _, cancellationToken) => InitializeAsync(bin, data, passwordPath, asServiceUser, cancellationToken));

        builder.Services.AddHealthChecks().AddCheck("postgres-ready", new PostgresReadyCheck(
            () => $"Host={ExchangePorts.Host};Port={port};Username={Role};Password={credentials.Read(passwordPath)};Database=postgres;Pooling=false;Timeout=5"));
        server.WithHealthCheck("postgres-ready");
        return new LocalPostgres(server, password, port);
    }

    /// <summary>initdb once, before the server's first start; a cluster already there is kept (with its data and password).</summary>
    private static async Task InitializeAsync(string bin, string data, string passwordPath, bool asServiceUser, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
            return;
        Directory.CreateDirectory(data);
        // initdb reads the password from a file the server's user can read; it lives only for the call.
        var passwordFile = Path.Combine(data, "..", "postgres-initdb.pw");
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(new FileStream(passwordFile, fileOptions)))
            await writer.WriteAsync(File.ReadAllText(passwordPath).Trim());
        try
        {
            if (asServiceUser)
                await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", data, passwordFile], cancellationToken);
            string[] initdb = [Path.Combine(bin, "initdb"), "-D", data, "-U", Role, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"];
            await (asServiceUser ? RunAsync("runuser", ["-u", ServiceUser, "--", .. initdb], cancellationToken) : RunAsync(initdb[0], initdb[1..], cancellationToken));
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (code {process.ExitCode}): {await error}{await output}");
    }

    private static string? FindBinDirectory()
    {
        const string installed = "/usr/lib/postgresql";
        return !Directory.Exists(installed)
            ? null
            : Directory.GetDirectories(installed)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Directory)
                .FirstOrDefault();
    }
}

/// <summary>Healthy once the server accepts a sign-in (it accepts connections a moment before it can serve them).</summary>
internal sealed class PostgresReadyCheck(Func<string> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString());
            await connection.OpenAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {exception.Message}");
        }
    }
}

internal static class LocalPostgresExtensions
{
    public static LocalPostgres AddLocalPostgres(this IDistributedApplicationBuilder builder, AppHostOptions options, LocalCredentials credentials) =>
        LocalPostgres.Add(builder, options, credentials);
}
