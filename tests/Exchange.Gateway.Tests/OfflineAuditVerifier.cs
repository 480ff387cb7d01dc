using System.Diagnostics;
using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>Runs the gateway's offline verifier (<c>verify-audit</c>) as an operator would, on an audit store.</summary>
internal static class OfflineAuditVerifier
{
    /// <summary>Checks the store against the catalog's witnessed checkpoint of the gateway's log.</summary>
    /// <returns>The command's exit code: 0 intact and witnessed, 1 tampered with, 2 not checked against a witness.</returns>
    public static int Run(ExchangeCluster cluster, string connectionString, string workingDirectory, out string printed, string logId = "gateway") =>
        Run(connectionString, workingDirectory, out printed,
            "--witness", cluster.Catalog.Address.ToString(), $"--Audit:LogId={logId}", $"--Audit:TrustedLogKeysDirectory={cluster.TrustedAuditKeysDirectory}",
            $"--Tls:CaPath={TestPki.CaPath}");

    /// <returns>The command's exit code.</returns>
    public static int Run(string connectionString, string workingDirectory, out string printed, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RepositoryLayout.AssemblyOf(ExchangeService.Gateway));
        start.ArgumentList.Add("verify-audit");
        // The command's 10 s for a witness's answer is for an operator; a loaded test machine can take longer to make
        // the first call of a new process, and the verdict must not depend on that (as EXCHANGE_TIMEOUT for the CLI).
        start.ArgumentList.Add("--timeout");
        start.ArgumentList.Add("120");
        start.ArgumentList.Add($"--ConnectionStrings:Audit={connectionString}");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill();
            throw new TimeoutException("verify-audit did not finish within 180 s.");
        }
        printed = output.Result + errors.Result;
        return process.ExitCode;
    }
}
