using System.Diagnostics;
using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>Runs the gateway's offline verifier (<c>verify-audit</c>) as an operator would, on an audit store.</summary>
internal static class OfflineAuditVerifier
{
    /// <returns>The command's exit code: 0 when the chain is intact.</returns>
    public static int Run(string connectionString, string workingDirectory, out string printed)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RepositoryLayout.AssemblyOf(ExchangeService.Gateway));
        start.ArgumentList.Add("verify-audit");
        start.ArgumentList.Add($"--ConnectionStrings:Audit={connectionString}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("verify-audit did not finish within 30 s.");
        }
        printed = output.Result + errors.Result;
        return process.ExitCode;
    }
}
