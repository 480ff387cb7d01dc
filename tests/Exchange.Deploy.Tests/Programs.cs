using System.Diagnostics;

namespace Exchange.Deploy.Tests;

/// <summary>Runs the command-line tools these tests read the repository with (kubectl, kubeconform, dotnet msbuild).</summary>
internal static class Programs
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static (int Exit, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {Deadline.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
