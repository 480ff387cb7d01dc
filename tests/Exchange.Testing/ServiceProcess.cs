using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Testing;

/// <summary>
/// One Exchange service running as a real process on a loopback port, the way it runs in production:
/// <c>dotnet Exchange.X.dll --urls ... --Key=Value</c> in a working directory of its own.
/// Disposing kills it and deletes its working directory.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ServiceProcess, byte> Running = new();
    // Generous: a start seeds the department stores, which takes minutes, not seconds, on a loaded 2-core machine;
    // a result must not depend on how busy the machine is, only its duration may.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConsoleLog _log = new();
    private Process? _process;
    private int _starts;

    static ServiceProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var service in Running.Keys)
                service.Kill();
        };
    }

    private ServiceProcess(ExchangeService service, int port, int? webPort, string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        Service = service;
        Port = port;
        WorkingDirectory = workingDirectory;
        _settings = settings;
        Address = AddressOf(settings, port);
        WebAddress = webPort is { } web ? AddressOf(settings, web) : null;
        // The harness speaks to every service as the gateway does (its client certificate), so health probes and
        // tests of what a service does with a call that passed the TLS gate reach it; tests of the gate open their own.
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateGatewayHandler() });
    }

    public ExchangeService Service { get; }
    public int Port { get; }
    /// <summary>The gRPC endpoint (HTTP/2 over TLS with the service's certificate of <see cref="TestPki"/>).</summary>
    public Uri Address { get; }

    /// <summary>The HTTPS HTTP/1.1 endpoint (web pages, OAuth2), for services that have one.</summary>
    public Uri? WebAddress { get; }
    public string WorkingDirectory { get; }
    public GrpcChannel Channel { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the service wrote, for failure messages.</summary>
    public string RecentLog => string.Join(Environment.NewLine, _log.Tail.TakeLast(60));

    /// <summary>The last <see cref="ConsoleLog.TailLength"/> lines of its console output, oldest first.</summary>
    public IReadOnlyList<string> LogLines => _log.Tail;

    /// <summary>Every line of its console output from now until the capture is disposed.</summary>
    public ConsoleLog.Capture CaptureLog() => _log.StartCapture();

    public static async Task<ServiceProcess> StartAsync(
        ExchangeService service,
        IReadOnlyDictionary<string, string>? settings = null,
        int? port = null,
        CancellationToken cancellationToken = default,
        int? webPort = null)
    {
        var process = new ServiceProcess(
            service,
            port ?? LoopbackPort.Next(),
            service.HasWebEndpoint() ? webPort ?? LoopbackPort.Next() : null,
            RepositoryLayout.NewTemporaryDirectory(service.ToString().ToLowerInvariant()),
            settings ?? new Dictionary<string, string>());
        try
        {
            if (SeededStoreTemplates.Applies(service, process._settings))
                SeededStoreTemplates.CopyInto(service, process.WorkingDirectory);
            await process.StartAsync(cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process again on the same port, with the same settings and working directory (so the same store).</summary>
    /// <summary>Starts the process again (same port, working directory and settings), with <paramref name="overrides"/> on top.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (IsRunning)
            throw new InvalidOperationException($"{Service} is already running.");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryLayout.AssemblyOf(Service));
        // Named Kestrel endpoints override the service's own defaults (and any Urls setting) one by one.
        // The portal has one endpoint, named Web, for browsers and the gRPC health probe alike.
        start.ArgumentList.Add($"--Kestrel:Endpoints:{(Service == ExchangeService.Portal ? "Web" : "Grpc")}:Url={Origin(Address)}");
        if (WebAddress is not null)
            start.ArgumentList.Add($"--Kestrel:Endpoints:Web:Url={Origin(WebAddress)}");
        // The last value of a key on the command line wins, so overrides go after the settings, and both after TLS.
        foreach (var (key, value) in TestPki.SettingsFor(Service).Concat(_settings).Concat(overrides ?? new Dictionary<string, string>()))
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var launched = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Service}.");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Running[this] = 0;

        await WaitUntilServingAsync(cancellationToken);
        StartLog.Service(Service, process.Id, launched.Elapsed, restart: _starts++ > 0);
    }

    /// <summary>SIGKILL: no shutdown code runs, like a crash or an OOM kill.</summary>
    public void Kill()
    {
        var process = _process;
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        Running.TryRemove(this, out _);
    }

    /// <summary>SIGTERM and wait: the graceful shutdown an orchestrator asks for.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is { HasExited: false })
        {
            _ = SendSignal(process.Id, 15);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }
        Running.TryRemove(this, out _);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Channel.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child is not worth failing a test for.
        }
    }

    public override string ToString() => $"{Service} at {Address}";

    public static string Origin(Uri address) => address.GetLeftPart(UriPartial.Authority);

    /// <summary>The address a service started with <paramref name="settings"/> on <paramref name="port"/> will have, before it starts.</summary>
    public static Uri AddressOf(IReadOnlyDictionary<string, string> settings, int port)
    {
        // Plaintext only when a test turns the development switch on.
        var scheme = settings.TryGetValue("Tls:AllowPlaintext", out var plaintext) && bool.TryParse(plaintext, out var on) && on ? "http" : "https";
        return new Uri($"{scheme}://127.0.0.1:{port}");
    }

    /// <summary>Waits until the process reports SERVING for <paramref name="service"/> (the overall status when empty).</summary>
    public async Task WaitUntilServingAsync(CancellationToken cancellationToken, string service = "")
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"{Service} exited during start-up (code {_process?.ExitCode}).{Environment.NewLine}{RecentLog}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    return;
            }
            catch (RpcException)
            {
                // Not listening yet, or still starting.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Service} did not report SERVING{(service.Length > 0 ? " for " + service : "")} within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{RecentLog}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        _log.Write(line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
