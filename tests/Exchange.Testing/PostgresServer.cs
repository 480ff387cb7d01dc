using System.Diagnostics;
using Npgsql;

namespace Exchange.Testing;

/// <summary>
/// A real PostgreSQL server (the Debian package .ci/run installs) of the test run's own: a fresh cluster in a temporary
/// directory on a loopback port, trust authentication for the role <c>exchange</c>, removed on dispose.
/// As root it runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Role = "exchange";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _binDirectory;
    private readonly string _directory;
    private Process? _process;
    private int _databases;

    private PostgresServer(string binDirectory, string directory, int port)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The folder of the newest installed PostgreSQL's programs (EXCHANGE_POSTGRES_BIN overrides), or null.</summary>
    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("EXCHANGE_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        const string installed = "/usr/lib/postgresql";
        if (!Directory.Exists(installed))
            return null;
        return Directory.GetDirectories(installed)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory()
                  ?? throw new InvalidOperationException("PostgreSQL is not installed: install the Debian package postgresql (.ci/run does), or set EXCHANGE_POSTGRES_BIN.");
        var server = new PostgresServer(bin, RepositoryLayout.NewTemporaryDirectory("postgres"), LoopbackPort.Next());
        try
        {
            var started = Stopwatch.StartNew();
            await server.InitializeAsync(cancellationToken);
            StartLog.Other("postgres", started.Elapsed);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string (Npgsql syntax).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>The databases made by <see cref="CreateDatabaseAsync"/> whose name starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> DatabasesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix || '\\_%' ORDER BY datname", connection);
        command.Parameters.AddWithValue("prefix", prefix.ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Runs a query that returns one number, for assertions on what a service stored.</summary>
    public async Task<long> ScalarAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Role};Database={database};Pooling=true;Timeout=10";

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _directory], cancellationToken);
        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Role, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], cancellationToken, asServiceUser: true);

        _process = Process.Start(StartInfo(Path.Combine(_binDirectory, "postgres"),
            // A server thrown away after the run and never crashed by a test: no flushing to disk for crash safety.
            ["-D", DataDirectory, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_directory}",
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]))
            ?? throw new InvalidOperationException("Could not start postgres.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, bool asServiceUser = true)
    {
        var runAs = asServiceUser && Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(runAs ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs)
        {
            foreach (var argument in new[] { "-u", ServiceUser, "--", program })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool asServiceUser = false)
    {
        using var process = Process.Start(StartInfo(program, arguments, asServiceUser)) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (code {process.ExitCode}): {await error}{await output}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_process is { HasExited: false } process)
        {
            // SIGKILL of the whole tree (runuser, postmaster, backends): the cluster is thrown away anyway.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A backend still exiting may hold a file for a moment; the temporary root is cleaned with the run.
        }
    }
}
