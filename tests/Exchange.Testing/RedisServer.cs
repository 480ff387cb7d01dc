using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Exchange.Testing;

/// <summary>
/// A real redis-server (the Debian package .ci/run installs) on a loopback port of its own, without persistence,
/// for the licence cache. Can be killed and started again on the same port, as an outage would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";
    private Process? _process;

    private RedisServer(int port)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string, for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package redis-server (.ci/run does).");
        var server = new RedisServer(LoopbackPort.Next());
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts it again on the same port after <see cref="Kill"/>; empty, as after a real restart without persistence.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
            throw new InvalidOperationException("Redis is already running.");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersPingAsync(cancellationToken))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"redis-server exited during start-up (code {_process.ExitCode}); is port {Port} taken?");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"redis-server did not answer PING on port {Port} within 10 s.");
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>SIGKILL, like a crash: every cached entry is gone (no persistence).</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends one command in the inline protocol and returns the first line of the reply, for assertions on the cache.</summary>
    public async Task<string> CommandAsync(string command, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read).TrimEnd('\r', '\n');
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await CommandAsync("PING", cancellationToken) == "+PONG";
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
